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

interface PreparedTable {
  readonly columns: readonly string[];
  readonly insert: Database.Statement<[readonly SqlValue[]]>;
  readonly supersede: Database.Statement<[string, bigint]>;
}

/** Writes fact rows into their tables, with statements prepared once per connection and table. */
export class VersionedTableWriter {
  private readonly tables: readonly VersionedTable[];
  private readonly prepared = new WeakMap<Database.Database, Map<string, PreparedTable>>();

  constructor(tables: readonly VersionedTable[]) {
    this.tables = tables;
  }

  private preparedFor(db: Database.Database): Map<string, PreparedTable> {
    let tables = this.prepared.get(db);
    if (tables === undefined) {
      tables = new Map();
      for (const table of this.tables) {
        const columns = Object.keys(table.columns);
        tables.set(table.name, {
          columns,
          insert: db.prepare<[readonly SqlValue[]]>(
            `INSERT INTO ${table.name} (event_id, position, known_from, effective_from, ${columns.join(', ')})
             VALUES (?, ?, ?, ?${', ?'.repeat(columns.length)})`,
          ),
          supersede: db.prepare<[string, bigint]>(
            `UPDATE ${table.name} SET known_until = ? WHERE position = ? AND known_until IS NULL`,
          ),
        });
      }
      this.prepared.set(db, tables);
    }
    return tables;
  }

  insert(
    db: Database.Database,
    row: FactRow,
    source: { eventId: string; position: bigint; knownFrom: string },
  ) {
    const table = this.preparedFor(db).get(row.table);
    if (table === undefined) throw new Error(`no versioned table named '${row.table}'`);
    const values: SqlValue[] = [source.eventId, source.position, source.knownFrom, row.effectiveFrom];
    for (const column of table.columns) values.push(row.values[column] ?? null);
    table.insert.run(values);
  }

  /** Closes the current versions of an event's facts: a correction recorded at `knownUntil` replaces them. */
  supersede(db: Database.Database, position: bigint, knownUntil: string) {
    for (const table of this.preparedFor(db).values()) table.supersede.run(knownUntil, position);
  }
}
