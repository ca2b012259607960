import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bestPerSecond, perSecond } from './measure';
import { benchEvents, type Workload } from './workload';

export interface RawFloor {
  readonly singleTransactions: number;
  readonly batchedRows: number;
  readonly streamReads: number;
  readonly allReads: number;
}

/**
 * What better-sqlite3 itself does on this machine with the store's durability (WAL, synchronous = FULL):
 * one JSON row per event in a table with nothing but a primary key. No store can beat it; the ratio to it
 * shows what the store's indexes, checks and mapping cost.
 */
export const measureRawFloor = async (directory: string, workload: Workload): Promise<RawFloor> => {
  const db = new Database(join(directory, 'raw-floor.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE raw_events (position INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO raw_events (body) VALUES (?)');
    const insertOne = db.transaction((body: string) => insert.run(body));
    const insertMany = db.transaction((bodies: readonly string[]) => {
      for (const body of bodies) insert.run(body);
    });
    const select = db
      .prepare('SELECT position, body FROM raw_events WHERE position > ? ORDER BY position LIMIT ?')
      .raw();
    const read = (count: number) => {
      for (const row of select.all(0, count) as [number, string][]) JSON.parse(row[1]);
    };
    const bodies = (count: number) =>
      benchEvents(count).map(({ data, metadata }) => JSON.stringify({ data, metadata }));

    const single = bodies(workload.singleAppends);
    const singleTransactions = await perSecond(single.length, () => {
      for (const body of single) insertOne.immediate(body);
    });
    const batched = Array.from({ length: workload.batches }, () => bodies(workload.batchSize));
    const batchedRows = await perSecond(workload.batches * workload.batchSize, () => {
      for (const batch of batched) insertMany.immediate(batch);
    });
    return {
      singleTransactions,
      batchedRows,
      streamReads: await bestPerSecond(3, workload.streamEvents, () => read(workload.streamEvents)),
      allReads: await bestPerSecond(3, workload.allEvents, () => read(workload.allEvents)),
    };
  } finally {
    db.close();
  }
};
