import {
  type CatchUpProgress,
  decisionLog,
  type DecisionLogQuery,
  type DecisionLogRow,
  governanceProjectionSpecs,
  type HeldReadModels,
  holdCaughtUpReadModels,
  openPostgresReadModels,
  postgresProjectionRunner,
  type ReadModelReader,
  type ReadSnapshot,
  sqliteReadModelReader,
  sqliteReadSnapshot,
  sqliteProjectionRunner,
} from '@styring/projections';
import { coalesced } from './coalesced';
import type { OpenedStore } from './open-store';

/** The read models of a store, kept by one runner: catch up before a query, rebuild on request. */
export interface OpenedProjections {
  /** Every read model's name, e.g. `decision-log`. */
  readonly names: readonly string[];
  /** Where the queries of `@styring/projections` read the read models. */
  readonly reader: ReadModelReader;
  /**
   * Brings every read model to the end of the log (rebuilding those whose version changed). Calls made
   * while one runs share the next one, which begins after they were made.
   */
  readonly catchUp: () => Promise<void>;
  /** Empties one read model, or all, and replays the whole log into it. */
  readonly rebuild: (name?: string) => Promise<void>;
  /**
   * Catches every read model up and holds them there (see `holdCaughtUpReadModels`): the held reader shows
   * them at that position until released, whatever is appended and projected meanwhile. Undefined when
   * another process kept rebuilding them.
   */
  readonly hold: () => Promise<HeldReadModels | undefined>;
  /** The Vedtakslogg on either clock; call `catchUp` first. */
  readonly decisionLog: (query?: DecisionLogQuery) => Promise<DecisionLogRow[]>;
  readonly close: () => Promise<void>;
}

type ProgressOptions = { readonly onProgress?: (progress: CatchUpProgress) => void };

/** Where a store's read models are kept, and the runner that keeps them. */
interface KeptReadModels {
  readonly runner: { catchUp(): Promise<bigint | undefined>; rebuild(name?: string): Promise<unknown> };
  readonly reader: ReadModelReader;
  /** A read transaction of a connection of its own. */
  readonly snapshot: () => Promise<ReadSnapshot>;
  readonly close: () => Promise<void>;
}

/**
 * Beside a PostgreSQL store, in its own database (schema `styring_read_models`): every service instance on
 * that database shares them, and their runners take turns under an advisory lock.
 */
const inPostgres = (
  connectionString: string,
  store: OpenedStore,
  options: ProgressOptions,
): KeptReadModels => {
  const readModels = openPostgresReadModels({ connectionString });
  const runner = postgresProjectionRunner({
    events: store.events,
    store: readModels.store,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  return { runner, reader: readModels.reader, snapshot: readModels.snapshot, close: readModels.close };
};

/** In the SQLite store's own file, or in the local read-model file beside EventStoreDB. */
const inSqlite = (store: OpenedStore, options: ProgressOptions): KeptReadModels => {
  const db = store.openReadModelDatabase();
  const runner = sqliteProjectionRunner({
    events: store.events,
    db,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  return {
    runner,
    reader: sqliteReadModelReader(db),
    snapshot: () => sqliteReadSnapshot(store.openReadModelDatabase),
    close: async () => void db.close(),
  };
};

/**
 * Opens the governance read models of a store: in PostgreSQL beside a PostgreSQL store, in the SQLite
 * file beside a SQLite store, in the local read-model file beside EventStoreDB.
 */
export const openProjections = (store: OpenedStore, options: ProgressOptions = {}): OpenedProjections => {
  const { runner, reader, snapshot, close } =
    store.location.kind === 'postgres'
      ? inPostgres(store.location.connectionString, store, options)
      : inSqlite(store, options);
  return {
    names: governanceProjectionSpecs.map((spec) => spec.name),
    reader,
    // Concurrent queries share a catch-up (each still waits for one begun after it arrived).
    catchUp: coalesced(async () => {
      await runner.catchUp();
    }),
    rebuild: async (name) => {
      await (name === undefined ? runner.rebuild() : runner.rebuild(name));
    },
    hold: () => holdCaughtUpReadModels(() => runner.catchUp(), snapshot),
    decisionLog: (query = {}) => decisionLog(reader, query),
    close,
  };
};
