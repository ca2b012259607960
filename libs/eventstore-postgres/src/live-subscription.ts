import type { RecordedEvent, Subscription } from '@styring/eventstore';

export interface LiveSource {
  /**
   * The next matching events strictly after `after`, in global order, and the position up to which the log
   * was read (`after` itself when there is nothing new).
   */
  readPage(after: bigint): Promise<{ readonly events: readonly RecordedEvent[]; readonly scannedTo: bigint }>;
  /** Registers a wake-up call for appends; returns its removal. */
  onAppend(listener: () => void): () => void;
  readonly pollIntervalMs: number;
  /** Called once the subscription is closed or its iteration has ended. */
  readonly ended: () => void;
}

/**
 * A catch-up subscription: reads pages after its cursor until it has caught up, then sleeps until an
 * append is announced or the poll interval passes. The cursor only moves past what was read, so nothing is
 * delivered twice; positions become visible in commit order, so nothing is skipped.
 */
export class LiveSubscription implements Subscription {
  readonly #source: LiveSource;
  readonly #iterator: AsyncGenerator<RecordedEvent, void>;
  #closed = false;
  #wake: (() => void) | undefined;

  constructor(source: LiveSource, after: bigint) {
    this.#source = source;
    this.#iterator = this.#run(after);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.#iterator;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#wake?.();
    this.#source.ended();
  }

  async *#run(after: bigint): AsyncGenerator<RecordedEvent, void> {
    let cursor = after;
    let announced = false;
    const stopListening = this.#source.onAppend(() => {
      announced = true;
      this.#wake?.();
    });
    try {
      while (!this.#closed) {
        announced = false;
        let page: Awaited<ReturnType<LiveSource['readPage']>>;
        try {
          page = await this.#source.readPage(cursor);
        } catch (error) {
          if (this.#closed) return;
          throw error;
        }
        for (const event of page.events) {
          if (this.#closed) return;
          yield event;
        }
        const caughtUp = page.scannedTo === cursor;
        cursor = page.scannedTo;
        if (caughtUp && !announced && !this.#closed) await this.#sleep();
      }
    } finally {
      stopListening();
      this.#source.ended();
    }
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        if (this.#wake === wake) this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(wake, this.#source.pollIntervalMs);
      this.#wake = wake;
    });
  }
}
