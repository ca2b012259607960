import { join } from 'node:path';
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
