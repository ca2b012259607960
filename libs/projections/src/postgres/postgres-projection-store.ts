import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { CheckpointStore } from '@styring/eventstore';
import type { ProjectionStore } from '../runner/projection-store';
import { PostgresTx } from './postgres-tx';

const schemaTables = [
  `CREATE TABLE IF NOT EXISTS projection_checkpoints (
     name     TEXT COLLATE "C" PRIMARY KEY,
     version  INTEGER NOT NULL,
     position BIGINT
   )`,
  // The latest corrected form of each event a projection has seen corrected (see `governance/revisions.ts`).
  `CREATE TABLE IF NOT EXISTS projection_revisions (
     projection TEXT COLLATE "C" NOT NULL,
     event_id   TEXT COLLATE "C" NOT NULL,
     recorded   TEXT NOT NULL,
     PRIMARY KEY (projection, event_id)
   )`,
];

const postgresCheckpoints: CheckpointStore<PostgresTx> = {
  async load(name, tx) {
    const { rows } = await tx.client.query<{ version: number; position: string | null }>(
      'SELECT version, position::text AS position FROM projection_checkpoints WHERE name = $1',
      [name],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return { name, version: row.version, position: row.position === null ? undefined : BigInt(row.position) };
  },
  async save(checkpoint, tx) {
    await tx.client.query(
      `INSERT INTO projection_checkpoints (name, version, position) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
      [checkpoint.name, checkpoint.version, checkpoint.position ?? null],
    );
  },
};

/** A 64-bit key for `pg_advisory_xact_lock`, one per read-model schema. */
const lockKey = (schema: string): string =>
  createHash('sha256').update(`styring:read-models:${schema}`).digest().readBigInt64BE(0).toString();

/**
 * Read models and checkpoints in one PostgreSQL schema (the pool's search path, see
 * `openPostgresReadModels`): each batch's read-model changes and checkpoints commit in one transaction.
 * Several processes may run the runner on one database: every transaction first takes the schema's
 * advisory lock, so they take turns, and the runner re-reads the checkpoints inside the lock, skipping
 * what another process applied meanwhile, so no batch is applied twice.
 */
export const postgresProjectionStore = (pool: Pool, schema: string): ProjectionStore<PostgresTx> => {
  const key = lockKey(schema);
  let created = false;
  return {
    checkpoints: postgresCheckpoints,
    async transaction<T>(work: (tx: PostgresTx) => T | Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [key]);
        if (!created) {
          await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
          for (const table of schemaTables) await client.query(table);
          created = true;
        }
        const result = await work(new PostgresTx(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
};
