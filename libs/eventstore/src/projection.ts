import type { RecordedEvent } from './recorded-event';

/**
 * A read model fed from the global log. `Transaction` is whatever the read model's storage commits
 * atomically (a SQLite or PostgreSQL transaction): the runner stores the checkpoint in the same one.
 */
export interface Projection<Transaction> {
  readonly name: string;
  /** Bump it when the read model's shape or logic changes: the runner then rebuilds it from the start. */
  readonly version: number;
  readonly canHandle: (eventType: string) => boolean;
  readonly handle: (events: readonly RecordedEvent[], tx: Transaction) => void | Promise<void>;
  /** Empties the read model before a rebuild. */
  readonly reset: (tx: Transaction) => void | Promise<void>;
}

/** How far a projection has read the log, and with which version of its code. */
export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  /** The global position of the last event handled; `undefined` before the first. */
  readonly position: bigint | undefined;
}

export interface CheckpointStore<Transaction> {
  load(name: string, tx: Transaction): Checkpoint | undefined | Promise<Checkpoint | undefined>;
  save(checkpoint: Checkpoint, tx: Transaction): void | Promise<void>;
}
