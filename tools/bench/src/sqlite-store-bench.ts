import { join } from 'node:path';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { emmettSqlitePeer } from './emmett-sqlite-peer';
import type { Figure } from './figure';
import { withScratchDirectory } from './scratch-directory';
import { rawSqliteFloor } from './sqlite-raw-floor';
import { compareStores, eventStoreSubject, startPeer } from './store-comparison';
import type { Subject } from './subject';
import type { Workload } from './workload';

/** The embedded store against the raw better-sqlite3 floor and Emmett on SQLite, in one run, on one disk. */
export const sqliteStoreBenchmark = (workload: Workload): Promise<Figure[]> =>
  withScratchDirectory(async (directory) => {
    const subjects: Subject[] = [];
    const started = <T extends Subject | undefined>(subject: T) => {
      if (subject !== undefined) subjects.push(subject);
      return subject;
    };
    try {
      const floor = started(rawSqliteFloor(directory));
      const store = started(
        await eventStoreSubject(openSqliteEventStore({ file: join(directory, 'store.db') }), workload),
      );
      const peer = started(await startPeer('Emmett on SQLite', () => emmettSqlitePeer(directory, workload)));
      return await compareStores({ floor, store, peer }, workload, {
        single: 2_500,
        batched: 50_000,
        readStream: 200_000,
        readAll: 200_000,
      });
    } finally {
      await Promise.all(subjects.map((subject) => subject.close()));
    }
  });
