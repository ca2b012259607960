import { join } from 'node:path';
import type { AppendOutcome, ExpectedRevision, NewEvent } from '@styring/eventstore';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import type { Figure } from './figure';
import { perSecond } from './measure';
import { withScratchDirectory } from './scratch-directory';
import { rawSqliteFloor } from './sqlite-raw-floor';
import type { Subject } from './subject';
import { benchEvents, type Workload } from './workload';

const LONG_STREAM = 'long-stream';

const appended = (outcome: AppendOutcome) => {
  if (outcome._tag !== 'Appended')
    throw new Error(`benchmark append conflicted at ${String(outcome.actual)}`);
  return outcome.nextExpectedRevision;
};

const counted = async (events: AsyncIterable<unknown>, expected: number) => {
  let n = 0;
  for await (const _ of events) n++;
  if (n !== expected) throw new Error(`read ${n} events, expected ${expected}`);
};

/**
 * The embedded store, appending with exact expected revisions as a command handler does. It starts with
 * the long stream that `readStream` reads, written in batches.
 */
const sqliteStore = async (directory: string, workload: Workload): Promise<Subject> => {
  const store = openSqliteEventStore({ file: join(directory, 'store.db') });
  const revisions = new Map<string, ExpectedRevision>();
  const append = async (streamId: string, events: NewEvent[]) => {
    const expectedRevision = revisions.get(streamId) ?? 'no_stream';
    revisions.set(streamId, appended(await store.appendToStream(streamId, events, { expectedRevision })));
  };
  for (let n = 0; n < workload.streamEvents; n += workload.batchSize) {
    await append(LONG_STREAM, benchEvents(Math.min(workload.batchSize, workload.streamEvents - n)));
  }
  return {
    prepareAppends: (batches) => (n) => append(`plan-${n % workload.streams}`, batches[n]!),
    readStream: (count) => counted(store.readStream(LONG_STREAM, { maxCount: count }), count),
    readAll: (count) => counted(store.readAll({ maxCount: count }), count),
    close: () => store.close(),
  };
};

/**
 * Runs one measurement on the floor and the store in turn, `rounds` times, and keeps each one's best:
 * on a shared machine, alternating keeps both exposed to the same neighbours.
 */
const alternate = async (
  rounds: number,
  measure: (subject: Subject) => Promise<number>,
  subjects: Subject[],
) => {
  const best = subjects.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    for (const [n, subject] of subjects.entries()) best[n] = Math.max(best[n]!, await measure(subject));
  }
  return best as [number, number];
};

/** The embedded store against the raw better-sqlite3 floor, in one run, on the same disk. */
export const sqliteStoreBenchmark = (workload: Workload): Promise<Figure[]> =>
  withScratchDirectory(async (directory) => {
    const subjects: Subject[] = [rawSqliteFloor(directory), await sqliteStore(directory, workload)];
    try {
      const appends = (batches: number, size: number) => async (subject: Subject) => {
        const append = subject.prepareAppends(Array.from({ length: batches }, () => benchEvents(size)));
        return perSecond(batches * size, async () => {
          for (let n = 0; n < batches; n++) await append(n);
        });
      };
      const single = appends(workload.singleAppends, 1);
      const batched = appends(workload.batches, workload.batchSize);
      const [singleFloor, singleStore] = await alternate(2, single, subjects);
      const [batchedFloor, batchedStore] = await alternate(2, batched, subjects);
      const [streamFloor, streamStore] = await alternate(
        3,
        (subject) => perSecond(workload.streamEvents, () => subject.readStream(workload.streamEvents)),
        subjects,
      );
      const [allFloor, allStore] = await alternate(
        3,
        (subject) => perSecond(workload.allEvents, () => subject.readAll(workload.allEvents)),
        subjects,
      );

      const perCall = `${workload.batchSize} per call`;
      return [
        {
          measure: 'durable single-event appends',
          count: workload.singleAppends,
          unit: 'appends',
          perSecond: singleStore,
          floor: singleFloor,
          target: 2_500,
        },
        {
          measure: `batched appends (${perCall})`,
          count: workload.batches * workload.batchSize,
          unit: 'events',
          perSecond: batchedStore,
          floor: batchedFloor,
          target: 50_000,
        },
        {
          measure: 'readStream of one stream',
          count: workload.streamEvents,
          unit: 'events',
          perSecond: streamStore,
          floor: streamFloor,
          target: 200_000,
        },
        {
          measure: 'readAll',
          count: workload.allEvents,
          unit: 'events',
          perSecond: allStore,
          floor: allFloor,
          target: 200_000,
        },
      ];
    } finally {
      await Promise.all(subjects.map((subject) => subject.close()));
    }
  });
