import type { SqlValue } from '../sqlite/versioned-table';

/**
 * Where the queries read the read models, whichever database keeps them (SQLite beside the SQLite event
 * store, PostgreSQL beside the PostgreSQL one). Queries write their SQL in the subset both understand:
 * positional `?` parameters, plain SELECTs over the read models' tables, no `rowid`. Integer columns come
 * back as bigint, text as string, NULL as null, whatever the database.
 */
export interface ReadModelReader {
  select<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /**
   * Hands each row of a query to `visit`, in order, without holding them all: a register folds a whole
   * table's history (every status report of every project) into a few entries, and a long history's rows
   * would otherwise be in memory at once. `visit` must not query the reader itself.
   */
  forEachRow<Row>(sql: string, params: readonly SqlValue[], visit: (row: Row) => void): Promise<void>;
}
