import type { Projection, RecordedEvent } from '@styring/eventstore';
import type { MaybePromise } from './maybe-promise';

/**
 * The port's `Projection`, with an optional `prepare`: it reads what `handle` will need from outside the
 * read-model store (the event a correction names, from the event store) before the batch's transaction
 * opens, so that `handle` itself never has to await while the transaction holds the write lock.
 */
export interface RunnerProjection<Transaction> extends Projection<Transaction> {
  /** Called with every batch (all its events, handled or not) before the batch's transaction opens. */
  readonly prepare?: (events: readonly RecordedEvent[]) => Promise<void> | void;
  /**
   * Called in a transaction of its own whenever a catch-up has reached the end of the log: finishes what a
   * rebuild put off until then (the governance read models build their queries' indexes). Must be cheap
   * when there is nothing to finish, and safe to call again after a crash.
   */
  readonly caughtUp?: (tx: Transaction) => MaybePromise<void>;
}
