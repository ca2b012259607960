import { Pool } from 'pg';
import type { ReadSnapshot } from '../read-models/held-read-models';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type { ProjectionStore } from '../runner/projection-store';
import { postgresProjectionStore } from './postgres-projection-store';
import { postgresReadModelReader, postgresReadSnapshot } from './postgres-read-model-reader';
import type { PostgresTx } from './postgres-tx';

export interface PostgresReadModelsOptions {
  readonly connectionString: string;
  /** The schema the read models and their checkpoints live in (created on first use). */
  readonly schema?: string;
}

/** The read models kept in a PostgreSQL database: the runner's store, the queries' reader, one pool. */
export interface PostgresReadModels {
  readonly schema: string;
  readonly store: ProjectionStore<PostgresTx>;
  readonly reader: ReadModelReader;
  /** A read transaction of a connection of its own: the read models as they stand when it first reads. */
  readonly snapshot: () => Promise<ReadSnapshot>;
  readonly close: () => Promise<void>;
}

export const defaultReadModelSchema = 'styring_read_models';

const plainName = /^[a-z_][a-z0-9_]{0,47}$/;

/**
 * Opens the read models in `schema` of a PostgreSQL database. Every connection of the pool has the schema
 * as its search path, so the projections and the queries name their tables without it.
 */
export const openPostgresReadModels = (options: PostgresReadModelsOptions): PostgresReadModels => {
  const schema = options.schema ?? defaultReadModelSchema;
  if (!plainName.test(schema)) {
    throw new Error(`schema: '${schema}' is not a plain PostgreSQL name (lower-case letters, digits and _)`);
  }
  const pool = new Pool({ connectionString: options.connectionString, options: `-c search_path=${schema}` });
  // An idle pooled connection that breaks (a server restart) is discarded by the pool; without this
  // listener Node would treat the error as unhandled and end the process.
  pool.on('error', () => undefined);
  return {
    schema,
    store: postgresProjectionStore(pool, schema),
    reader: postgresReadModelReader(pool),
    snapshot: () => postgresReadSnapshot(pool),
    close: () => pool.end(),
  };
};
