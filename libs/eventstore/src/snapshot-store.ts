/**
 * A read model's state as of a global position, kept beside the log so that a new process resumes it with
 * only the events after `position` instead of folding the whole log. The log stays the truth: a snapshot
 * is a pure function of the events up to its position, so one that is missing, behind, unreadable or of
 * another `version` is only ignored (and rebuilt), never trusted over the log.
 */
export interface Snapshot {
  /** Which code made it: a reader rebuilds from the log when it is not its own version. */
  readonly version: string;
  /** The global position of the last event folded into `state`. */
  readonly position: bigint;
  /** The state, encoded by its owner. */
  readonly state: Uint8Array;
}

/**
 * Where snapshots are kept, by name: one row each, replaced whole, so a snapshot and the position it
 * covers are always written together. A store implements it where it has somewhere to put them
 * (SQLite: its file; PostgreSQL: its schema).
 */
export interface SnapshotStore {
  readSnapshot(name: string): Promise<Snapshot | undefined>;
  /**
   * Replaces the snapshot of that name. Two writers may race: the later write wins even when it is behind,
   * which costs a reader only a longer tail, never a wrong state.
   */
  writeSnapshot(name: string, snapshot: Snapshot): Promise<void>;
}

/** Whether a store keeps snapshots (the port's adapters that have somewhere to put them do). */
export const keepsSnapshots = (store: object): store is SnapshotStore =>
  'readSnapshot' in store && 'writeSnapshot' in store;
