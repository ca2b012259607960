import type { SqlValue } from '../sqlite/versioned-table';

/**
 * Where the queries read the read models, whichever database keeps them (SQLite beside the SQLite event
 * store, PostgreSQL beside the PostgreSQL one). Queries write their SQL in the subset both understand:
 * positional `?` parameters, plain SELECTs over the read models' tables, no `rowid`. Integer columns come
 * back as bigint, text as string, NULL as null, whatever the database.
 */
export interface ReadModelReader {
  select<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
}
