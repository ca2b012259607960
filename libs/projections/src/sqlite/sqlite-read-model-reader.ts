import type Database from 'better-sqlite3';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type { SqlValue } from './versioned-table';
import { selectRows, visitRows } from './where';

/**
 * The read models in a SQLite database, read through its own connection. `async`, so that a failing
 * statement rejects the promise as PostgreSQL's reader does, rather than throwing before it. A row visit
 * runs to the end without yielding, so no other query meets the connection busy.
 */
export const sqliteReadModelReader = (db: Database.Database): ReadModelReader => ({
  select: async <Row>(sql: string, params: readonly SqlValue[] = []) => selectRows<Row>(db, sql, params),
  forEachRow: async <Row>(sql: string, params: readonly SqlValue[], visit: (row: Row) => void) =>
    visitRows<Row>(db, sql, params, visit),
});
