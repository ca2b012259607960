import { join } from 'node:path';
import { openPostgresEventStore, type ThrowawayCluster } from '@styring/eventstore-postgres';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { appendSyntheticHistory } from '@styring/projections';

/**
 * A new SQLite store file in `directory` holding `size` events of the synthetic governance history, each
 * chunk recorded at its own time, appended through the store's own API (one append per stream chunk).
 */
export const syntheticStoreFile = async (directory: string, size: number): Promise<string> => {
  const file = join(directory, `events-${size}.db`);
  let now = new Date(0);
  const store = openSqliteEventStore({ file, clock: () => now });
  try {
    await appendSyntheticHistory(store, { events: size, seed: 2024, setClock: (at) => (now = at) });
  } finally {
    await store.close();
  }
  return file;
};

/**
 * A new database `name` of the cluster holding `size` events of the synthetic governance history, appended
 * through the PostgreSQL event store's own API with each chunk's time; its connection string.
 */
export const syntheticPostgresDatabase = async (
  cluster: ThrowawayCluster,
  name: string,
  size: number,
): Promise<string> => {
  const connection = await cluster.createDatabase(name);
  let now = new Date(0);
  const store = await openPostgresEventStore({ connection, clock: () => now });
  try {
    await appendSyntheticHistory(store, { events: size, seed: 2024, setClock: (at) => (now = at) });
  } finally {
    await store.close();
  }
  return connection;
};
