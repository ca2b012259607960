import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { type Clock, type EventStore, EventStoreFailure } from '@styring/eventstore';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import type { AttemptLog } from './attempts/attempt-log';
import { postgresAttemptLog } from './attempts/postgres-attempt-log';
import { sqliteAttemptLog } from './attempts/sqlite-attempt-log';
import { parseStoreUrl, type StoreLocation } from './store-url';

export interface OpenStoreOptions {
  /** Working directory for relative SQLite paths (default: the process's). */
  readonly cwd?: string;
  /**
   * Create the store when it does not exist yet (`styring init`, `seed`, `demo`). Without it a missing
   * SQLite file is an error, so that a mistyped path never silently starts a new, empty history.
   */
  readonly create?: boolean;
  /** When events are recorded; the store's clock by default. */
  readonly clock?: Clock;
  /**
   * The local SQLite file beside a store that is not a SQLite file, by default `./data/read-models.db`:
   * EventStoreDB's read models, and the per-process checkpoints (the NestJS event bus) of PostgreSQL and
   * EventStoreDB. With a SQLite store everything shares its file.
   */
  readonly readModelFile?: string;
}

/** An open store: the events, and the SQLite connection factory read models are kept in. */
export interface OpenedStore {
  readonly location: StoreLocation;
  readonly events: EventStore;
  /** A new SQLite connection for read models and checkpoints kept locally (closed by the caller). */
  readonly openReadModelDatabase: () => Database.Database;
  /** The log of refused commands, in the store's own database where it can hold it. */
  readonly attempts: AttemptLog;
  readonly close: () => Promise<void>;
}

/** Opens the store a URL names (see `parseStoreUrl`), choosing the adapter by the URL's scheme. */
export const openStore = async (url: string, options: OpenStoreOptions = {}): Promise<OpenedStore> => {
  const cwd = options.cwd ?? process.cwd();
  const location = parseStoreUrl(url, cwd);
  switch (location.kind) {
    case 'sqlite':
      return openSqlite(location, options);
    // The network adapters (and their clients: gRPC, pg) are loaded only when asked for: a CLI command on
    // a SQLite file does not pay for them at start-up (about 0.15 s).
    case 'postgres': {
      const { openPostgresEventStore } = await import('@styring/eventstore-postgres');
      const events = await openPostgresEventStore({
        connection: location.connectionString,
        ...(options.clock === undefined ? {} : { clock: options.clock }),
      });
      return openedStore(
        location,
        events,
        localReadModels(path.resolve(cwd, options.readModelFile ?? defaultReadModelFile)),
        postgresAttemptLog(events.pool),
      );
    }
    case 'esdb': {
      // EventStoreDB stamps recordedAt itself: there is no clock to inject.
      const { openEsdbEventStore } = await import('@styring/eventstore-esdb');
      return openedStore(
        location,
        await openEsdbEventStore({ connectionString: location.connectionString }),
        localReadModels(path.resolve(cwd, options.readModelFile ?? defaultReadModelFile)),
      );
    }
  }
};

const defaultReadModelFile = './data/read-models.db';

/** A local SQLite file for read models, configured like the embedded store's (WAL, integers as bigint). */
export const openLocalReadModels = (file: string): Database.Database => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.defaultSafeIntegers(true);
  return db;
};

const localReadModels = (file: string) => () => openLocalReadModels(file);

/** The attempt log goes beside the read models unless the store's database keeps it (PostgreSQL). */
const openedStore = (
  location: StoreLocation,
  events: EventStore,
  openReadModelDatabase: () => Database.Database,
  attempts: AttemptLog = sqliteAttemptLog(openReadModelDatabase),
): OpenedStore => ({ location, events, openReadModelDatabase, attempts, close: () => events.close() });

const openSqlite = (
  location: Extract<StoreLocation, { kind: 'sqlite' }>,
  options: OpenStoreOptions,
): OpenedStore => {
  if (options.create === true) {
    fs.mkdirSync(path.dirname(location.file), { recursive: true });
  } else if (!fs.existsSync(location.file)) {
    throw new EventStoreFailure(
      'unavailable',
      `there is no event store at ${location.file}; create one with 'styring init' or choose another with --store`,
    );
  }
  const events = openSqliteEventStore({
    file: location.file,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return openedStore(location, events, () => events.openConnection());
};
