import type { CheckpointStore } from '@styring/eventstore';

/**
 * Where read models and their checkpoints live. The runner only needs one thing of it: to run a piece of
 * work in one atomic transaction, so that a batch's read-model changes and the checkpoints that say "this
 * batch is done" commit together or not at all. SQLite implements it today; a PostgreSQL transaction
 * would plug in the same way.
 */
export interface ProjectionStore<Transaction> {
  /**
   * Runs `work` in one transaction: commits when it returns, rolls back (and rethrows) when it throws. The
   * runner's work is synchronous whenever the projections and checkpoints are; a store whose transactions
   * must not span an await (SQLite) may refuse work that returns a promise.
   */
  transaction<T>(work: (tx: Transaction) => T | Promise<T>): Promise<T>;
  readonly checkpoints: CheckpointStore<Transaction>;
}
