import type { NewEvent } from '@styring/eventstore';
import { counted, LONG_STREAM, longStreamBatches } from './store-comparison';
import type { Subject } from './subject';
import type { Workload } from './workload';

/** Emmett's expected version for a stream that does not exist yet. */
const STREAM_DOES_NOT_EXIST = 'STREAM_DOES_NOT_EXIST';

/** What the bench uses of an Emmett event store; its PostgreSQL and SQLite stores both have it. */
export interface EmmettStore {
  appendToStream(
    streamName: string,
    events: { type: string; data: Record<string, unknown>; metadata: NewEvent['metadata'] }[],
    options: { expectedStreamVersion: bigint | typeof STREAM_DOES_NOT_EXIST },
  ): Promise<{ nextExpectedStreamVersion: bigint }>;
  readStream(streamName: string, options: { maxCount: bigint }): Promise<{ events: readonly unknown[] }>;
}

/** One page of Emmett's global log after a position, as `readMessagesBatch` returns it. */
export type ReadPage = (
  after: bigint,
  batchSize: number,
) => Promise<{ messages: readonly unknown[]; currentGlobalPosition: bigint }>;

/**
 * An Emmett store doing what our store does: appends with the exact expected version it returned last,
 * `readStream`, and the global log read in pages of 1,000, as Emmett's consumers read it. It starts with
 * the long stream that `readStream` reads.
 */
export const emmettSubject = async (
  store: EmmettStore,
  readPage: ReadPage,
  close: () => Promise<void>,
  workload: Workload,
): Promise<Subject> => {
  const versions = new Map<string, bigint>();
  const append = async (streamName: string, events: readonly NewEvent[]) => {
    const result = await store.appendToStream(
      streamName,
      events.map(({ type, data, metadata }) => ({ type, data: data as Record<string, unknown>, metadata })),
      { expectedStreamVersion: versions.get(streamName) ?? STREAM_DOES_NOT_EXIST },
    );
    versions.set(streamName, result.nextExpectedStreamVersion);
  };
  for (const batch of longStreamBatches(workload)) await append(LONG_STREAM, batch);
  return {
    prepareAppends: (batches) => (n) => append(`plan-${n % workload.streams}`, batches[n]!),
    readStream: async (count) =>
      counted((await store.readStream(LONG_STREAM, { maxCount: BigInt(count) })).events, count),
    readAll: async (count) => {
      let after = 0n;
      let read = 0;
      while (read < count) {
        const page = await readPage(after, Math.min(1000, count - read));
        if (page.messages.length === 0) break;
        read += page.messages.length;
        after = page.currentGlobalPosition;
      }
      if (read !== count) throw new Error(`read ${read} events, expected ${count}`);
    },
    close,
  };
};
