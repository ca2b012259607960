import type { RecordedEvent, Subscription } from '@styring/eventstore';
import { onAppend } from './append-signal';

export interface PollingSubscriptionSource {
  /** The next events strictly after a position, at most `pageSize` of them. */
  readonly readPage: (after: bigint) => RecordedEvent[];
  readonly pageSize: number;
  /** The append-signal key of the store's file. */
  readonly signalKey: string;
  readonly pollIntervalMs: number;
}

/**
 * Catch-up then live: reads pages until it is level with the log, then waits until this process appends
 * to the file (at once) or the poll interval passes (appends by other processes), and reads again.
 * SQLite has one writer at a time and positions grow in commit order, so reading "after the last position
 * seen" never skips an event.
 */
export class PollingSubscription implements Subscription {
  #closed = false;
  #appendsSignalled = 0;
  #wake: (() => void) | undefined;
  readonly #stopListening: () => void;

  constructor(
    private readonly source: PollingSubscriptionSource,
    private after: bigint,
    private readonly onClose: (subscription: PollingSubscription) => void,
  ) {
    this.#stopListening = onAppend(source.signalKey, () => {
      this.#appendsSignalled++;
      this.#wake?.();
    });
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent, void, undefined> {
    try {
      while (!this.#closed) {
        const signalledBefore = this.#appendsSignalled;
        const page = this.source.readPage(this.after);
        for (const event of page) {
          this.after = event.globalPosition;
          yield event;
          if (this.#closed) return;
        }
        const levelWithLog = page.length < this.source.pageSize;
        if (levelWithLog && signalledBefore === this.#appendsSignalled) await this.#nextAppendOrPoll();
      }
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopListening();
    this.#wake?.();
    this.onClose(this);
  }

  #nextAppendOrPoll(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => wake(), this.source.pollIntervalMs);
      const wake = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      this.#wake = wake;
    });
  }
}
