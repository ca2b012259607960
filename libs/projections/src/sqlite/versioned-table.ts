import type Database from 'better-sqlite3';

export type SqlValue = string | number | bigint | null;

/**
 * A read-model table that keeps history on both clocks instead of only current state. Every row is one
 * version of a fact derived from one event, with:
 * - `event_id`, `position`: the event it came from (a corrected event keeps its place in the log);
 * - `known_from`, `known_until`: when the system learnt this version (the event's or the correcting
 *   event's `recordedAt`) and when a correction replaced it (`NULL`: still current) – the recorded clock;
 * - `effective_from`: when the fact takes effect in the world – the effective clock.
 * Timestamps are normalized ISO 8601 (UTC, milliseconds), so SQL compares them as text.
 */
export interface VersionedTable {
  readonly name: string;
  /** The fact's own columns and their SQL types, e.g. `{ body: 'TEXT NOT NULL' }`. */
  readonly columns: Readonly<Record<string, string>>;
  /** Extra indexes, each a list of columns; `position` is always indexed (corrections find rows by it). */
  readonly indexes?: readonly (readonly string[])[];
}

/** One version of a fact for one table, before the bookkeeping columns are added. */
export interface FactRow {
  readonly table: string;
  readonly effectiveFrom: string;
  readonly values: Readonly<Record<string, SqlValue | undefined>>;
}

export const createVersionedTable = (db: Database.Database, table: VersionedTable): void => {
  const columns = Object.entries(table.columns).map(([name, type]) => `${name} ${type}`);
  db.exec(`DROP TABLE IF EXISTS ${table.name}`);
  db.exec(
    `CREATE TABLE ${table.name} (
       event_id TEXT NOT NULL,
       position INTEGER NOT NULL,
       known_from TEXT NOT NULL,
       known_until TEXT,
       effective_from TEXT NOT NULL,
       ${columns.join(',\n       ')}
     )`,
  );
  for (const index of [['position'], ...(table.indexes ?? [])]) {
    db.exec(`CREATE INDEX ${table.name}_by_${index.join('_')} ON ${table.name} (${index.join(', ')})`);
  }
};
