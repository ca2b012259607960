/**
 * The read models declare their columns in SQLite's types; PostgreSQL gets the same values back the same
 * way: INTEGER as BIGINT, REAL as DOUBLE PRECISION, and TEXT compared byte by byte (`COLLATE "C"`, as
 * SQLite's BINARY), so ISO timestamps and ids compare and sort exactly as in SQLite.
 */
const postgresTypes: Readonly<Record<string, { readonly column: string; readonly array: string }>> = {
  INTEGER: { column: 'BIGINT', array: 'bigint[]' },
  TEXT: { column: 'TEXT COLLATE "C"', array: 'text[]' },
  REAL: { column: 'DOUBLE PRECISION', array: 'double precision[]' },
};

const typeOf = (sqliteType: string) => {
  const [base = '', ...constraints] = sqliteType.trim().split(/\s+/);
  const type = postgresTypes[base.toUpperCase()];
  if (type === undefined) throw new Error(`no PostgreSQL type for the SQLite column type '${sqliteType}'`);
  return { type, constraints };
};

/** `TEXT NOT NULL` → `TEXT COLLATE "C" NOT NULL`. */
export const postgresColumnType = (sqliteType: string): string => {
  const { type, constraints } = typeOf(sqliteType);
  return [type.column, ...constraints].join(' ');
};

/** The array type a column's values are sent as to `unnest`, e.g. `bigint[]`. */
export const postgresArrayType = (sqliteType: string): string => typeOf(sqliteType).type.array;
