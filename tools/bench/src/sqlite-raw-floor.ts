import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Subject } from './subject';

/**
 * What better-sqlite3 itself does on this machine with the store's durability (WAL, synchronous = FULL):
 * one JSON row per event in a table with nothing but a primary key, read back by position. No store
 * can beat it; the ratio to it shows what the store's indexes, checks and mapping cost.
 */
export const rawSqliteFloor = (directory: string): Subject => {
  const db = new Database(join(directory, 'raw-floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE raw_events (position INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO raw_events (body) VALUES (?)');
  const insertAll = db.transaction((bodies: readonly string[]) => {
    for (const body of bodies) insert.run(body);
  });
  // Pages of 1,000 rows, as the store reads: one statement for 100,000 rows spends its time collecting garbage.
  const select = db
    .prepare('SELECT position, body FROM raw_events WHERE position > ? ORDER BY position LIMIT ?')
    .raw();
  const read = async (count: number) => {
    for (let after = 0, left = count; left > 0;) {
      const rows = select.all(after, Math.min(1000, left)) as [number, string][];
      // A short read fails, as it does for the stores (`counted`): a figure over fewer events is no figure.
      if (rows.length === 0) throw new Error(`read ${count - left} events, expected ${count}`);
      for (const row of rows) JSON.parse(row[1]);
      after = rows[rows.length - 1]![0];
      left -= rows.length;
    }
  };
  return {
    prepareAppends: (batches) => {
      const bodies = batches.map((batch) =>
        batch.map(({ data, metadata }) => JSON.stringify({ data, metadata })),
      );
      return async (n) => void insertAll.immediate(bodies[n]!);
    },
    // The floor has no streams: its readStream is the same read as its readAll, the first rows by position.
    readStream: read,
    readAll: read,
    close: async () => void db.close(),
  };
};
