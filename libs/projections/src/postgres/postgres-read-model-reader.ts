import type { CustomTypesConfig, Pool, PoolClient } from 'pg';
import { types } from 'pg';
import type { ReadSnapshot } from '../read-models/held-read-models';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type { SqlValue } from '../sqlite/versioned-table';

// Integers come back as bigint, as from SQLite: set per query, never on pg's global parsers.
const integerTypes = new Set<number>([types.builtins.INT2, types.builtins.INT4, types.builtins.INT8]);
const bigintTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    integerTypes.has(oid)
      ? (value: string) => BigInt(value)
      : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/** `?` placeholders as PostgreSQL's `$1, $2, …`, leaving those inside quoted strings and names alone. */
export const numberedPlaceholders = (sql: string): string => {
  let n = 0;
  let quote: string | undefined;
  let out = '';
  for (const char of sql) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '?') {
      out += `$${++n}`;
      continue;
    }
    out += char;
  }
  return out;
};

/** Rows fetched from a cursor at a time by `forEachRow`: a few hundred kilobytes at most. */
const CURSOR_ROWS = 1000;

const select = async <Row>(on: Pool | PoolClient, sql: string, params: readonly SqlValue[]) => {
  const result = await on.query({ text: numberedPlaceholders(sql), values: [...params], types: bigintTypes });
  return result.rows as Row[];
};

/**
 * Hands the rows of a query to `visit` a page at a time, from a cursor in the client's open transaction.
 * The cursor is closed however the visit ends, so that the transaction can declare the next one.
 */
const visitRows = async <Row>(
  client: PoolClient,
  sql: string,
  params: readonly SqlValue[],
  visit: (row: Row) => void,
) => {
  await client.query({
    text: `DECLARE rows NO SCROLL CURSOR FOR ${numberedPlaceholders(sql)}`,
    values: [...params],
  });
  try {
    for (;;) {
      const page = await client.query({ text: `FETCH ${CURSOR_ROWS} FROM rows`, types: bigintTypes });
      for (const row of page.rows) visit(row as Row);
      if (page.rows.length < CURSOR_ROWS) break;
    }
  } finally {
    // After a failed FETCH the transaction is aborted and refuses the CLOSE too: the first error is the one.
    await client.query('CLOSE rows').catch(() => undefined);
  }
};

/**
 * A read transaction of a connection of its own (REPEATABLE READ: every read sees the snapshot the first
 * one took), until `end` gives the connection back.
 */
export const postgresReadSnapshot = async (pool: Pool): Promise<ReadSnapshot> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  let ended = false;
  return {
    reader: {
      select: <Row>(sql: string, params: readonly SqlValue[] = []) => select<Row>(client, sql, params),
      forEachRow: <Row>(sql: string, params: readonly SqlValue[], visit: (row: Row) => void) =>
        visitRows(client, sql, params, visit),
    },
    end: async () => {
      if (ended) return;
      ended = true;
      let broken: Error | undefined;
      await client.query('ROLLBACK').catch((rollbackFailure: Error) => (broken = rollbackFailure));
      client.release(broken);
    },
  };
};

/** The read models in PostgreSQL, read through a pool whose search path is their schema (see `openPostgresReadModels`). */
export const postgresReadModelReader = (pool: Pool): ReadModelReader => ({
  select: <Row>(sql: string, params: readonly SqlValue[] = []) => select<Row>(pool, sql, params),
  // The rows come a page at a time, all from the one snapshot a read transaction of its own takes.
  async forEachRow<Row>(sql: string, params: readonly SqlValue[], visit: (row: Row) => void) {
    const snapshot = await postgresReadSnapshot(pool);
    try {
      await snapshot.reader.forEachRow(sql, params, visit);
    } finally {
      await snapshot.end();
    }
  },
});
