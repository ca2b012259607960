import type { ClientBase } from 'pg';
import { EventStoreFailure } from '@styring/eventstore';
import { advisoryLockKey } from './advisory-lock';
import type { SchemaNames } from './schema-names';

/** One step of a schema's history. Applied once, in order, and never edited after release. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: (names: SchemaNames) => string;
}

/**
 * Brings `component`'s tables in the schema up to the newest migration, inside one transaction and under
 * an advisory lock, so that processes starting together migrate once. Refuses a schema that a newer
 * version of this library has migrated further, and a schema that holds someone else's tables.
 */
export const migrate = async (
  client: ClientBase,
  names: SchemaNames,
  component: string,
  migrations: readonly Migration[],
): Promise<void> => {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [advisoryLockKey(`${names.schema}:migrations`)]);
    await ensureMigrationsTable(client, names);
    const applied = await client.query<{ version: number }>(
      `SELECT coalesce(max(version), 0) AS version FROM ${names.migrations} WHERE component = $1`,
      [component],
    );
    const current = applied.rows[0]?.version ?? 0;
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new EventStoreFailure(
        'schema_too_new',
        `the ${component} tables in PostgreSQL schema '${names.schema}' are at version ${current}, ` +
          `but this version of styring knows only up to ${newest}: upgrade styring`,
      );
    }
    for (const migration of migrations.filter((m) => m.version > current)) {
      await client.query(migration.sql(names));
      await client.query(
        `INSERT INTO ${names.migrations} (component, version, description) VALUES ($1, $2, $3)`,
        [component, migration.version, migration.description],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};

const ensureMigrationsTable = async (client: ClientBase, names: SchemaNames) => {
  const found = await client.query<{ has_migrations: boolean; table_count: string }>(
    `SELECT to_regclass($1) IS NOT NULL AS has_migrations,
            (SELECT count(*) FROM pg_tables WHERE schemaname = $2) AS table_count`,
    [names.migrations, names.schema],
  );
  const { has_migrations: hasMigrations, table_count: tableCount } = found.rows[0]!;
  if (hasMigrations) return;
  if (Number(tableCount) > 0) {
    throw new EventStoreFailure(
      'not_an_event_store',
      `PostgreSQL schema '${names.schema}' holds tables that styring did not create: choose another schema`,
    );
  }
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.quotedSchema}`);
  await client.query(
    `CREATE TABLE ${names.migrations} (
       component text NOT NULL,
       version integer NOT NULL,
       description text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (component, version)
     )`,
  );
};
