import type Database from 'better-sqlite3';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type { SqlValue } from './versioned-table';
import { selectRows } from './where';

/** The read models in a SQLite database, read through its own connection. */
export const sqliteReadModelReader = (db: Database.Database): ReadModelReader => ({
  select: <Row>(sql: string, params: readonly SqlValue[] = []) =>
    Promise.resolve(selectRows<Row>(db, sql, params)),
});
