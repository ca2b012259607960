import type { Projection, RecordedEvent } from '@styring/eventstore';

/**
 * The port's `Projection`, with an optional `prepare`: it reads what `handle` will need from outside the
 * read-model store (the event a correction names, from the event store) before the batch's transaction
 * opens, so that `handle` itself never has to await while the transaction holds the write lock.
 */
export interface RunnerProjection<Transaction> extends Projection<Transaction> {
  /** Called with every batch (all its events, handled or not) before the batch's transaction opens. */
  readonly prepare?: (events: readonly RecordedEvent[]) => Promise<void> | void;
}
