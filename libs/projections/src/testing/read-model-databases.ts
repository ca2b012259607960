import Database from 'better-sqlite3';
import { openPostgresReadModels } from '../postgres/postgres-read-models';
import type { ReadSnapshot } from '../read-models/held-read-models';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { ProjectionStore } from '../runner/projection-store';
import { sqliteProjectionStore } from '../sqlite/sqlite-projection-store';
import { sqliteReadModelReader } from '../sqlite/sqlite-read-model-reader';
import { sqliteReadSnapshot } from '../sqlite/sqlite-read-snapshot';

/** The databases a test can keep read models in: the same projections and queries run on each. */
export type ReadModelDatabaseKind = 'sqlite' | 'postgres';

/** Read models in one database, as a test uses them: the runner's store, the queries' reader. */
export interface ReadModelDatabase {
  readonly kind: ReadModelDatabaseKind;
  readonly store: ProjectionStore<ReadModelTx>;
  readonly reader: ReadModelReader;
  /** A read transaction of its own (see ReadSnapshot). */
  snapshot(): Promise<ReadSnapshot>;
  /** Runs a statement outside the runner: a test's own change to a read model. */
  execute(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Another connection to a SQLite connection's file, configured as the stores open theirs. */
const sameFile = (db: Database.Database): Database.Database => {
  const other = new Database(db.name, { timeout: 5000 });
  other.defaultSafeIntegers(true);
  return other;
};

/** The read models in a SQLite connection (by default the event store's own file); closing leaves it open. */
export const sqliteReadModelDatabase = (db: Database.Database): ReadModelDatabase => ({
  kind: 'sqlite',
  store: sqliteProjectionStore(db),
  reader: sqliteReadModelReader(db),
  snapshot: () => sqliteReadSnapshot(() => sameFile(db)),
  execute: async (sql) => void db.exec(sql),
  close: async () => undefined,
});

/** The read models in a schema of a PostgreSQL database (`connectionString`, e.g. a throwaway cluster's). */
export const postgresReadModelDatabase = (connectionString: string, schema?: string): ReadModelDatabase => {
  const opened = openPostgresReadModels({ connectionString, ...(schema === undefined ? {} : { schema }) });
  return {
    kind: 'postgres',
    store: opened.store,
    reader: opened.reader,
    snapshot: opened.snapshot,
    execute: async (sql) => {
      await opened.store.transaction((tx) => tx.client.query(sql));
    },
    close: opened.close,
  };
};
