import type Database from 'better-sqlite3';
import type { Checkpoint, CheckpointStore } from '@styring/eventstore';
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

/**
 * Read models and checkpoints in one SQLite database (by default the event store's own file). Every
 * transaction is `BEGIN IMMEDIATE`, so it takes the write lock up front instead of failing half-way, and
 * transactions on this connection are queued one after another even when their work awaits.
 *
 * The connection commits with `synchronous = NORMAL` (in WAL mode: no fsync per commit). A crashed process
 * loses nothing; a power cut may lose the last batches, but their checkpoints with them, so they are
 * simply applied again from the log. The event store's own connection keeps its own, stricter setting.
 */
export const sqliteProjectionStore = (db: Database.Database): ProjectionStore<SqliteTx> => {
  db.pragma('synchronous = NORMAL');
  db.exec(checkpointTable);
  let queue: Promise<unknown> = Promise.resolve();
  const run = async <T>(work: (tx: SqliteTx) => T | Promise<T>): Promise<T> => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(db);
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };
  return {
    checkpoints: sqliteCheckpoints,
    transaction<T>(work: (tx: SqliteTx) => T | Promise<T>): Promise<T> {
      const result = queue.then(() => run(work));
      queue = result.catch(() => undefined);
      return result;
    },
  };
};
