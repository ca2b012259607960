import type { ClientBase } from 'pg';
import { bookkeepingColumns } from '../governance/fact-changes';
import type { VersionedTableStore } from '../read-models/versioned-table-store';
import {
  createIndexSql,
  positionIndex,
  secondaryIndexes,
  type SqlValue,
  type VersionedTable,
} from '../sqlite/versioned-table';
import { postgresArrayLiteral } from './postgres-array-literal';
import { postgresArrayType, postgresColumnType } from './postgres-column-types';

/** The bookkeeping columns of every versioned table (see `VersionedTable`), in SQLite's types. */
const bookkeepingTypes: Readonly<Record<string, string>> = {
  event_id: 'TEXT NOT NULL',
  position: 'INTEGER NOT NULL',
  known_from: 'TEXT NOT NULL',
  known_until: 'TEXT',
  effective_from: 'TEXT NOT NULL',
};

const allColumns = (table: VersionedTable): [string, string][] => [
  ...bookkeepingColumns.map((name): [string, string] => [name, bookkeepingTypes[name] ?? 'TEXT']),
  ...Object.entries(table.columns),
];

/** Each column's values across `rows`, as one array literal parameter per column. */
const columnArrays = (rows: readonly SqlValue[][], count: number): string[] =>
  Array.from({ length: count }, (_, column) => postgresArrayLiteral(rows.map((row) => row[column] ?? null)));

/**
 * The versioned tables in PostgreSQL, in the transaction's schema (its search path). A batch costs a few
 * round trips whatever its size: per table one UPDATE closing the superseded positions and one INSERT of
 * all its rows, each passing a column of values as one array to `unnest`.
 */
export const postgresVersionedTables = (client: ClientBase): VersionedTableStore => ({
  async reset(projection, tables) {
    for (const table of tables) {
      const columns = allColumns(table).map(([name, type]) => `${name} ${postgresColumnType(type)}`);
      await client.query(`DROP TABLE IF EXISTS ${table.name}`);
      await client.query(`CREATE TABLE ${table.name} (${columns.join(', ')})`);
      await client.query(createIndexSql(positionIndex(table)));
    }
    await client.query('DELETE FROM projection_revisions WHERE projection = $1', [projection]);
  },
  async completeIndexes(tables) {
    for (const index of tables.flatMap(secondaryIndexes)) await client.query(createIndexSql(index));
  },
  async revisions(projection, eventIds) {
    const { rows } = await client.query<{ event_id: string; recorded: string }>(
      'SELECT event_id, recorded FROM projection_revisions WHERE projection = $1 AND event_id = ANY($2::text[])',
      [projection, eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, row.recorded]));
  },
  async write(projection, tables, changes) {
    if (changes.superseded.size > 0) {
      const positions = [...changes.superseded.keys()];
      const until = [...changes.superseded.values()];
      for (const table of tables) {
        await client.query(
          `UPDATE ${table.name} SET known_until = closed.until
           FROM unnest($1::bigint[], $2::text[]) AS closed (position, until)
           WHERE ${table.name}.position = closed.position AND ${table.name}.known_until IS NULL`,
          [positions, until],
        );
      }
    }
    for (const table of tables) {
      const rows = changes.inserted.get(table.name);
      if (rows === undefined) continue;
      const columns = allColumns(table);
      const arrays = columns.map(([, type], n) => `$${n + 1}::${postgresArrayType(type)}`);
      await client.query(
        `INSERT INTO ${table.name} (${columns.map(([name]) => name).join(', ')})
         SELECT * FROM unnest(${arrays.join(', ')})`,
        columnArrays(rows, columns.length),
      );
    }
    if (changes.revisions.size > 0) {
      await client.query(
        `INSERT INTO projection_revisions (projection, event_id, recorded)
         SELECT $1, * FROM unnest($2::text[], $3::text[])
         ON CONFLICT (projection, event_id) DO UPDATE SET recorded = excluded.recorded`,
        [projection, [...changes.revisions.keys()], [...changes.revisions.values()]],
      );
    }
  },
});
