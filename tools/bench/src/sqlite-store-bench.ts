import { join } from 'node:path';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { emmettSqlitePeer } from './emmett-sqlite-peer';
import type { Figure } from './figure';
import { perSecond } from './measure';
import { withScratchDirectory } from './scratch-directory';
import { rawSqliteFloor } from './sqlite-raw-floor';
import { sqliteSchemaFloor } from './sqlite-schema-floor';
import { appendStream, compareStores, eventStoreSubject, startPeer } from './store-comparison';
import type { Subject } from './subject';
import { benchEvents, type Workload } from './workload';

/** The batched appends' figure, which the schema's own ceiling is printed beside. */
const BATCHED = /^batched appends/;

/**
 * The batched appends of raw better-sqlite3 on the store's own table (`sqliteSchemaFloor`), best of two
 * runs, as a figure against the bare floor of the same run: what the schema alone leaves of that floor.
 */
const schemaCeiling = async (directory: string, workload: Workload, batched: Figure): Promise<Figure> => {
  const floor = await sqliteSchemaFloor(directory);
  try {
    let best = 0;
    for (let round = 0; round < 2; round++) {
      const batches = Array.from({ length: workload.batches }, () => benchEvents(workload.batchSize));
      const append = floor.prepareAppends(batches, (n) => appendStream(workload, n));
      const rate = await perSecond(workload.batches * workload.batchSize, async () => {
        for (let n = 0; n < workload.batches; n++) await append(n);
      });
      best = Math.max(best, rate);
    }
    return {
      measure:
        `${batched.measure}: raw better-sqlite3 on the store's own table and unique index, JSON made ` +
        'beforehand, no checks (the most any code does on this schema)',
      count: batched.count,
      unit: batched.unit,
      perSecond: best,
      ...(batched.floor === undefined ? {} : { floor: batched.floor }),
    };
  } finally {
    await floor.close();
  }
};

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
      const figures = await compareStores({ floor, store, peer }, workload, {
        single: 2_500,
        batched: 50_000,
        readStream: 200_000,
        readAll: 200_000,
      });
      const batched = figures.findIndex((figure) => BATCHED.test(figure.measure));
      if (batched < 0) throw new Error('the store comparison measured no batched appends');
      return [
        ...figures.slice(0, batched + 1),
        await schemaCeiling(directory, workload, figures[batched]!),
        ...figures.slice(batched + 1),
      ];
    } finally {
      await Promise.all(subjects.map((subject) => subject.close()));
    }
  });
