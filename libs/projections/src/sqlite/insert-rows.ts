import type Database from 'better-sqlite3';
import { statement } from './statements';
import type { SqlValue } from './versioned-table';

/**
 * Rows per INSERT statement. One statement of many rows costs less per row than one statement per row
 * (the call into the driver, the statement's reset): a million-event rebuild took 11 % less time with 32.
 * At most 32 × 40 columns bound, far below SQLite's limit of 32,766 parameters.
 */
const ROWS_PER_STATEMENT = 32;

const insertSql = (table: string, columns: readonly string[], rows: number): string => {
  const row = `(?${', ?'.repeat(columns.length - 1)})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${row}${`, ${row}`.repeat(rows - 1)}`;
};

/**
 * Inserts `rows` (each its values in `columns` order) into `table`, 32 rows per statement. The values go to
 * the driver as arguments, not as one array: it reads arguments faster (2.4 against 2.9 µs a row of 22).
 */
export const insertRows = (
  db: Database.Database,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
): void => {
  let next = 0;
  if (rows.length >= ROWS_PER_STATEMENT) {
    const many = statement<SqlValue[]>(db, insertSql(table, columns, ROWS_PER_STATEMENT));
    const values: SqlValue[] = [];
    for (; next + ROWS_PER_STATEMENT <= rows.length; next += ROWS_PER_STATEMENT) {
      values.length = 0;
      for (let row = next; row < next + ROWS_PER_STATEMENT; row++) {
        for (const value of rows[row]!) values.push(value);
      }
      many.run(...values);
    }
  }
  const one = statement<SqlValue[]>(db, insertSql(table, columns, 1));
  for (; next < rows.length; next++) one.run(...rows[next]!);
};
