import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { RecordedEvent, Subscription } from '@styring/eventstore';

export interface EsdbSubscriptionSource {
  /** Starts the client's catch-up subscription to `$all` (on the first `next()`, not before). */
  open(): Promise<AllStreamSubscription>;
  /** Our event when the subscriber should see it, otherwise undefined. */
  accept(resolved: AllStreamResolvedEvent): RecordedEvent | undefined;
  failure(error: unknown): unknown;
  /** Called once when the subscription ends, however it ends. */
  ended(): void;
}

/**
 * Our Subscription over the client's: iterating it starts the server-side catch-up subscription, and
 * `close()` cancels it and ends a pending iteration at once.
 */
export class EsdbSubscription implements Subscription {
  readonly #source: EsdbSubscriptionSource;
  readonly #iterator: AsyncGenerator<RecordedEvent, void>;
  #inner: AllStreamSubscription | undefined;
  #closed = false;

  constructor(source: EsdbSubscriptionSource) {
    this.#source = source;
    this.#iterator = this.#run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.#iterator;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#stopInner();
    this.#source.ended();
  }

  async *#run(): AsyncGenerator<RecordedEvent, void> {
    try {
      if (this.#closed) return;
      this.#inner = await this.#source.open();
      if (this.#closed) return;
      for await (const resolved of this.#inner) {
        if (this.#closed) return;
        const event = this.#source.accept(resolved as AllStreamResolvedEvent);
        if (event !== undefined) yield event;
      }
    } catch (error) {
      if (this.#closed) return;
      throw this.#source.failure(error);
    } finally {
      await this.#stopInner();
      this.#source.ended();
    }
  }

  async #stopInner() {
    const inner = this.#inner;
    this.#inner = undefined;
    if (inner === undefined) return;
    await inner.unsubscribe();
    inner.destroy();
  }
}
