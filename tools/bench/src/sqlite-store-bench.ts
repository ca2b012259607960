import { join } from 'node:path';
import type { EventStore, ExpectedRevision } from '@styring/eventstore';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import type { Figure } from './figure';
import { bestPerSecond, perSecond } from './measure';
import { measureRawFloor } from './sqlite-raw-floor';
import { withScratchDirectory } from './scratch-directory';
import { benchEvent, benchEvents, type Workload } from './workload';

const appended = (outcome: Awaited<ReturnType<EventStore['appendToStream']>>) => {
  if (outcome._tag !== 'Appended') throw new Error(`benchmark append conflicted: ${String(outcome.actual)}`);
  return outcome.nextExpectedRevision;
};

const count = async (events: AsyncIterable<unknown>, expected: number) => {
  let n = 0;
  for await (const _ of events) n++;
  if (n !== expected) throw new Error(`read ${n} events, expected ${expected}`);
};

/** The embedded store against the raw better-sqlite3 floor, in one run, on the same disk. */
export const sqliteStoreBenchmark = (workload: Workload): Promise<Figure[]> =>
  withScratchDirectory(async (directory) => {
    const floor = await measureRawFloor(directory, workload);
    const store = openSqliteEventStore({ file: join(directory, 'store.db') });
    try {
      const revisions: ExpectedRevision[] = Array.from({ length: workload.streams }, () => 'no_stream');
      const streamOf = (n: number) => `plan-${n % workload.streams}`;
      const appendTo = async (n: number, events: ReturnType<typeof benchEvents>) => {
        const stream = n % workload.streams;
        revisions[stream] = appended(
          await store.appendToStream(streamOf(n), events, { expectedRevision: revisions[stream]! }),
        );
      };

      const single = benchEvents(workload.singleAppends).map((event) => [event]);
      const singleAppends = await perSecond(single.length, async () => {
        for (const [n, events] of single.entries()) await appendTo(n, events);
      });

      const batches = Array.from({ length: workload.batches }, (_, n) =>
        benchEvents(workload.batchSize, n * 1000),
      );
      const batchedEvents = await perSecond(workload.batches * workload.batchSize, async () => {
        for (const [n, events] of batches.entries()) await appendTo(n, events);
      });

      let revision: ExpectedRevision = 'no_stream';
      for (let n = 0; n < workload.streamEvents; n += workload.batchSize) {
        const events = Array.from(
          { length: Math.min(workload.batchSize, workload.streamEvents - n) },
          (_, i) => benchEvent(n + i),
        );
        revision = appended(
          await store.appendToStream('long-stream', events, { expectedRevision: revision }),
        );
      }
      const streamReads = await bestPerSecond(3, workload.streamEvents, () =>
        count(store.readStream('long-stream'), workload.streamEvents),
      );
      const allReads = await bestPerSecond(3, workload.allEvents, () =>
        count(store.readAll({ maxCount: workload.allEvents }), workload.allEvents),
      );

      const perCall = `${workload.batchSize} per call`;
      return [
        {
          measure: 'durable single-event appends',
          count: single.length,
          unit: 'appends',
          perSecond: singleAppends,
          floor: floor.singleTransactions,
          target: 2_500,
        },
        {
          measure: `batched appends (${perCall})`,
          count: workload.batches * workload.batchSize,
          unit: 'events',
          perSecond: batchedEvents,
          floor: floor.batchedRows,
          target: 50_000,
        },
        {
          measure: 'readStream of one stream',
          count: workload.streamEvents,
          unit: 'events',
          perSecond: streamReads,
          floor: floor.streamReads,
          target: 200_000,
        },
        {
          measure: 'readAll',
          count: workload.allEvents,
          unit: 'events',
          perSecond: allReads,
          floor: floor.allReads,
          target: 200_000,
        },
      ];
    } finally {
      await store.close();
    }
  });
