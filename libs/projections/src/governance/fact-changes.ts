import type { FactRow, SqlValue, VersionedTable } from '../sqlite/versioned-table';

/** Where a fact row came from: the event (its place in the log) and when the system learnt this version. */
export interface FactSource {
  readonly eventId: string;
  readonly position: bigint;
  readonly knownFrom: string;
}

/** The bookkeeping columns every versioned table starts with, in the order `FactChanges` rows hold them. */
export const bookkeepingColumns = ['event_id', 'position', 'known_from', 'known_until', 'effective_from'];

/**
 * What one batch changes in one projection's versioned tables, worked out without I/O so that each
 * database applies it in its own way (SQLite row by row in its synchronous transaction, PostgreSQL a few
 * set-based statements). A database applies it in this order: `superseded` (which closes only rows of
 * earlier batches), then `inserted`, then `revisions`. Rows inserted in this batch and superseded later in
 * it (a correction in the same batch as its event) are closed here, in memory.
 */
export class FactChanges {
  /** Positions whose open rows of earlier batches close, with when (the first correction in the batch). */
  readonly superseded = new Map<bigint, string>();
  /** Rows to insert per table: the bookkeeping columns, then the table's own columns in declared order. */
  readonly inserted = new Map<string, SqlValue[][]>();
  /** The latest corrected form of each event corrected in this batch, as JSON (see `revisions.ts`). */
  readonly revisions = new Map<string, string>();
  private readonly open = new Map<bigint, SqlValue[][]>();
  private readonly columns = new Map<string, readonly string[]>();

  constructor(tables: readonly VersionedTable[]) {
    for (const table of tables) this.columns.set(table.name, Object.keys(table.columns));
  }

  insert(row: FactRow, source: FactSource): void {
    const columns = this.columns.get(row.table);
    if (columns === undefined) throw new Error(`no versioned table named '${row.table}'`);
    const values: SqlValue[] = [source.eventId, source.position, source.knownFrom, null, row.effectiveFrom];
    for (const column of columns) values.push(row.values[column] ?? null);
    let rows = this.inserted.get(row.table);
    if (rows === undefined) this.inserted.set(row.table, (rows = []));
    rows.push(values);
    let open = this.open.get(source.position);
    if (open === undefined) this.open.set(source.position, (open = []));
    open.push(values);
  }

  /** Closes the current versions of an event's facts: a correction recorded at `knownUntil` replaces them. */
  supersede(position: bigint, knownUntil: string): void {
    if (!this.superseded.has(position)) this.superseded.set(position, knownUntil);
    for (const values of this.open.get(position) ?? []) values[3] = knownUntil;
    this.open.delete(position);
  }

  get isEmpty(): boolean {
    return this.superseded.size === 0 && this.inserted.size === 0 && this.revisions.size === 0;
  }
}
