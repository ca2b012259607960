import type Database from 'better-sqlite3';
import type { Snapshot } from '@styring/eventstore';

/**
 * Read-model snapshots (see the port's `SnapshotStore`) in a table of the store's file, created at the first
 * write: one row per name, replaced whole in one statement, so a state and its position never part.
 */
export class SnapshotTable {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  read(name: string): Snapshot | undefined {
    const exists = this.#db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'snapshots'")
      .pluck()
      .get();
    if (exists === undefined) return undefined;
    const row = this.#db
      .prepare('SELECT version, position, state FROM snapshots WHERE name = ?')
      .get(name) as { version: string; position: bigint; state: Buffer } | undefined;
    return row === undefined ? undefined : { version: row.version, position: row.position, state: row.state };
  }

  write(name: string, { version, position, state }: Snapshot): void {
    this.#db.exec(
      `CREATE TABLE IF NOT EXISTS snapshots (
         name TEXT PRIMARY KEY, version TEXT NOT NULL, position INTEGER NOT NULL, state BLOB NOT NULL
       ) STRICT`,
    );
    this.#db
      .prepare(
        `INSERT INTO snapshots (name, version, position, state) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
           state = excluded.state`,
      )
      .run(name, version, position, Buffer.from(state));
  }
}
