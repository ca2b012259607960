import type { CustomTypesConfig, Pool } from 'pg';
import { types } from 'pg';
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

/** The read models in PostgreSQL, read through a pool whose search path is their schema (see `openPostgresReadModels`). */
export const postgresReadModelReader = (pool: Pool): ReadModelReader => ({
  async select<Row>(sql: string, params: readonly SqlValue[] = []) {
    const result = await pool.query({
      text: numberedPlaceholders(sql),
      values: [...params],
      types: bigintTypes,
    });
    return result.rows as Row[];
  },
});
