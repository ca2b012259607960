import type { ClientBase, Pool } from 'pg';
import type { Checkpoint, CheckpointStore } from '@styring/eventstore';
import { checkpointMigrations } from './checkpoint-migrations';
import { migrate } from './migrations';
import { schemaNames } from './schema-names';

/**
 * Projection checkpoints in a PostgreSQL table. Each call takes the transaction's client, so a projection
 * saves its checkpoint in the same transaction as its read-model rows (see PostgresEventStore.withTransaction).
 */
export class PostgresCheckpointStore implements CheckpointStore<ClientBase> {
  readonly #table: string;

  private constructor(table: string) {
    this.#table = table;
  }

  /** Creates or migrates the checkpoint table in `schema` (default `styring`). */
  static async open(pool: Pool, schema = 'styring'): Promise<PostgresCheckpointStore> {
    const names = schemaNames(schema);
    const client = await pool.connect();
    try {
      await migrate(client, names, 'checkpoints', checkpointMigrations);
    } finally {
      client.release();
    }
    return new PostgresCheckpointStore(names.checkpoints);
  }

  async load(name: string, tx: ClientBase): Promise<Checkpoint | undefined> {
    const { rows } = await tx.query<{ version: number; position: string | null }>(
      `SELECT version, "position"::text AS "position" FROM ${this.#table} WHERE name = $1`,
      [name],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return { name, version: row.version, position: row.position === null ? undefined : BigInt(row.position) };
  }

  async save({ name, version, position }: Checkpoint, tx: ClientBase): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.#table} (name, version, "position") VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE
       SET version = excluded.version, "position" = excluded."position", updated_at = clock_timestamp()`,
      [name, version, position ?? null],
    );
  }
}
