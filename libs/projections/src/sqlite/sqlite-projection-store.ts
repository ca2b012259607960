import type Database from 'better-sqlite3';
import type { Checkpoint, CheckpointStore } from '@styring/eventstore';
import { isPromise } from '../runner/maybe-promise';
import type { ProjectionStore } from '../runner/projection-store';
import { statement } from './statements';

/** A SQLite projection's transaction: the connection, inside `BEGIN IMMEDIATE … COMMIT`. */
export type SqliteTx = Database.Database;

const checkpointTable = `
  CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name     TEXT PRIMARY KEY,
    version  INTEGER NOT NULL,
    position INTEGER
  ) STRICT`;

interface CheckpointRow {
  readonly version: bigint;
  readonly position: bigint | null;
}

const sqliteCheckpoints: CheckpointStore<SqliteTx> = {
  load(name, db) {
    const row = statement<[string], CheckpointRow>(
      db,
      'SELECT version, position FROM projection_checkpoints WHERE name = ?',
    )
      .safeIntegers(true)
      .get(name);
    if (row === undefined) return undefined;
    return { name, version: Number(row.version), position: row.position ?? undefined };
  },
  save(checkpoint: Checkpoint, db) {
    statement(
      db,
      `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
    ).run(checkpoint.name, checkpoint.version, checkpoint.position ?? null);
  },
};

/** Thrown when a read-model transaction's work returns a promise instead of finishing synchronously. */
export class AsyncTransactionError extends Error {
  override readonly name = 'AsyncTransactionError';
  constructor() {
    super(
      'a SQLite read-model transaction must not await: its work returned a promise, so the write lock would ' +
        "stay held while this process's other writers (the event store's appends) wait for it and block the " +
        'event loop it needs to commit. Make the projection synchronous; read what it needs from elsewhere ' +
        'in its prepare(batch), before the transaction. The transaction was rolled back',
    );
  }
}

/**
 * Read models and checkpoints in one SQLite database (by default the event store's own file). Every
 * transaction is `BEGIN IMMEDIATE`, so it takes the write lock up front instead of failing half-way, and
 * runs from BEGIN to COMMIT without yielding to the event loop: better-sqlite3 waits for a busy lock
 * synchronously, so a transaction left open across an await would deadlock against an append made by
 * the same process meanwhile. Work that returns a promise is refused (`AsyncTransactionError`): the
 * transaction is rolled back once the promise settles, so nothing it wrote is committed.
 *
 * The connection commits with `synchronous = NORMAL` (in WAL mode: no fsync per commit). A crashed process
 * loses nothing; a power cut may lose the last batches, but their checkpoints with them, so they are
 * simply applied again from the log. The event store's own connection keeps its own, stricter setting.
 */
export const sqliteProjectionStore = (db: Database.Database): ProjectionStore<SqliteTx> => {
  db.pragma('synchronous = NORMAL');
  db.exec(checkpointTable);
  const rollBack = () => {
    if (db.inTransaction) db.exec('ROLLBACK');
  };
  const run = <T>(work: (tx: SqliteTx) => T | Promise<T>): T | Promise<T> => {
    db.exec('BEGIN IMMEDIATE');
    let result: T | Promise<T>;
    try {
      result = work(db);
      if (!isPromise(result)) db.exec('COMMIT');
    } catch (error) {
      rollBack();
      throw error;
    }
    if (isPromise(result)) {
      const refuse = () => {
        rollBack();
        throw new AsyncTransactionError();
      };
      return result.then(refuse, refuse);
    }
    return result;
  };
  // Only a refused transaction's rollback is ever pending: the next one waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    checkpoints: sqliteCheckpoints,
    transaction<T>(work: (tx: SqliteTx) => T | Promise<T>): Promise<T> {
      const result = queue.then(() => run(work));
      queue = result.catch(() => undefined);
      return result;
    },
  };
};
