import * as fs from 'node:fs';
import * as path from 'node:path';
import type Database from 'better-sqlite3';
import { type Clock, type EventStore, EventStoreFailure } from '@styring/eventstore';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { parseStoreUrl, type StoreLocation } from './store-url';

export interface OpenStoreOptions {
  /** Working directory for relative SQLite paths (default: the process's). */
  readonly cwd?: string;
  /**
   * Create the store when it does not exist yet (`styring init`, `seed`, `demo`). Without it a missing
   * SQLite file is an error, so that a mistyped path never silently starts a new, empty history.
   */
  readonly create?: boolean;
  /** When events are recorded; the system clock by default. */
  readonly clock?: Clock;
}

/** An open store: the events, and the SQLite connection factory read models are kept in. */
export interface OpenedStore {
  readonly location: StoreLocation;
  readonly events: EventStore;
  /** A new connection for read models and checkpoints (closed by the caller). */
  readonly openReadModelDatabase: () => Database.Database;
  readonly close: () => Promise<void>;
}

/** Opens the store a URL names (see `parseStoreUrl`), choosing the adapter by the URL's scheme. */
export const openStore = async (url: string, options: OpenStoreOptions = {}): Promise<OpenedStore> => {
  const location = parseStoreUrl(url, options.cwd ?? process.cwd());
  switch (location.kind) {
    case 'sqlite':
      return openSqlite(location, options);
    default:
      throw new EventStoreFailure(
        'invalid_argument',
        `${location.kind} stores are not available in this build yet; use sqlite:PATH`,
      );
  }
};

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
  return {
    location,
    events,
    openReadModelDatabase: () => events.openConnection(),
    close: () => events.close(),
  };
};
