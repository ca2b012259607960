import {
  type AppendOutcome,
  describeAppendRefusal,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
} from '@styring/eventstore';
import type { Figure } from './figure';
import { perSecond } from './measure';
import type { Subject } from './subject';
import { benchEvents, type Workload } from './workload';

/** The stream `readStream` reads: every subject writes it first, in batches. */
export const LONG_STREAM = 'long-stream';

/** The stream batch `n` of the appends goes to: spread over the workload's streams. */
export const appendStream = (workload: Workload, n: number) => `plan-${n % workload.streams}`;

/** Reads an iterable to its end and checks that it held `expected` items. */
export const counted = async (items: AsyncIterable<unknown> | Iterable<unknown>, expected: number) => {
  let n = 0;
  for await (const _ of items) n++;
  if (n !== expected) throw new Error(`read ${n} events, expected ${expected}`);
};

/** Batches for the long stream: `streamEvents` events, `batchSize` per append. */
export const longStreamBatches = (workload: Workload): NewEvent[][] =>
  Array.from({ length: Math.ceil(workload.streamEvents / workload.batchSize) }, (_, n) =>
    benchEvents(Math.min(workload.batchSize, workload.streamEvents - n * workload.batchSize)),
  );

const appended = (outcome: AppendOutcome) => {
  if (outcome._tag !== 'Appended')
    throw new Error(`benchmark append refused: ${describeAppendRefusal(outcome)}`);
  return outcome.nextExpectedRevision;
};

/**
 * One of our stores, appending with exact expected revisions as a command handler does. It starts with the
 * long stream that `readStream` reads.
 */
export const eventStoreSubject = async (store: EventStore, workload: Workload): Promise<Subject> => {
  const revisions = new Map<string, ExpectedRevision>();
  const append = async (streamId: string, events: NewEvent[]) => {
    const expectedRevision = revisions.get(streamId) ?? 'no_stream';
    revisions.set(streamId, appended(await store.appendToStream(streamId, events, { expectedRevision })));
  };
  for (const batch of longStreamBatches(workload)) await append(LONG_STREAM, batch);
  return {
    prepareAppends: (batches) => (n) => append(appendStream(workload, n), batches[n]!),
    readStream: (count) => counted(store.readStream(LONG_STREAM, { maxCount: count }), count),
    readAll: (count) => counted(store.readAll({ maxCount: count }), count),
    close: () => store.close(),
  };
};

/** What a store should reach, per measurement. */
export interface Targets {
  readonly single: number;
  readonly batched: number;
  readonly readStream: number;
  readonly readAll: number;
}

/** The subjects of one comparison: the raw driver, our store, and the peer library when it could start. */
export interface Contenders {
  readonly floor: Subject;
  readonly store: Subject;
  readonly peer: Subject | undefined;
}

/**
 * Runs one measurement on every subject in turn, `rounds` times, and keeps each one's best: on a shared
 * machine, alternating keeps all of them exposed to the same neighbours.
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
  return best;
};

/** Appends in flight at once in the concurrent variant: as many as the HTTP section's connections. */
const CONCURRENT_APPENDS = 10;

/**
 * The five figures of a store section: durable single appends spread over the workload's streams (one at a
 * time, then ten at a time, to different streams), batched appends, one long stream read and the global log
 * read, each for the floor, the store and the peer.
 */
export const compareStores = async (
  { floor, store, peer }: Contenders,
  workload: Workload,
  targets: Targets,
): Promise<Figure[]> => {
  const subjects = peer === undefined ? [floor, store] : [floor, store, peer];
  const appends = (batches: number, size: number) => async (subject: Subject) => {
    const append = subject.prepareAppends(Array.from({ length: batches }, () => benchEvents(size)));
    return perSecond(batches * size, async () => {
      for (let n = 0; n < batches; n++) await append(n);
    });
  };
  /** Single appends made `inFlight` at a time (as concurrent commands would), each wave awaited. */
  const concurrentAppends = (count: number, inFlight: number) => async (subject: Subject) => {
    const append = subject.prepareAppends(Array.from({ length: count }, () => benchEvents(1)));
    return perSecond(count, async () => {
      for (let wave = 0; wave < count; wave += inFlight) {
        const size = Math.min(inFlight, count - wave);
        await Promise.all(Array.from({ length: size }, (_, n) => append(wave + n)));
      }
    });
  };
  const reads =
    (count: number, read: (subject: Subject) => (count: number) => Promise<void>) => (subject: Subject) =>
      perSecond(count, () => read(subject)(count));
  const figure = (measure: string, count: number, unit: string, rates: number[], target: number): Figure => ({
    measure,
    count,
    unit,
    perSecond: rates[1]!,
    floor: rates[0]!,
    peer: rates[2] ?? 'unavailable',
    target,
  });
  return [
    figure(
      'durable single-event appends',
      workload.singleAppends,
      'appends',
      await alternate(2, appends(workload.singleAppends, 1), subjects),
      targets.single,
    ),
    figure(
      `durable single-event appends, ${CONCURRENT_APPENDS} at a time`,
      workload.singleAppends,
      'appends',
      await alternate(2, concurrentAppends(workload.singleAppends, CONCURRENT_APPENDS), subjects),
      targets.single,
    ),
    figure(
      `batched appends (${workload.batchSize} per call)`,
      workload.batches * workload.batchSize,
      'events',
      await alternate(2, appends(workload.batches, workload.batchSize), subjects),
      targets.batched,
    ),
    figure(
      'readStream of one stream',
      workload.streamEvents,
      'events',
      await alternate(
        3,
        reads(workload.streamEvents, (subject) => subject.readStream),
        subjects,
      ),
      targets.readStream,
    ),
    figure(
      'readAll',
      workload.allEvents,
      'events',
      await alternate(
        3,
        reads(workload.allEvents, (subject) => subject.readAll),
        subjects,
      ),
      targets.readAll,
    ),
  ];
};

/** Starts the peer, or explains in one line why it cannot run here; the comparison then goes on without it. */
export const startPeer = async (
  name: string,
  start: () => Promise<Subject>,
): Promise<Subject | undefined> => {
  try {
    return await start();
  } catch (error) {
    console.log(
      `${name} could not run, so its column shows '—': ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
};
