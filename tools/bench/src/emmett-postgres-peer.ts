import type { NewEvent } from '@styring/eventstore';
import { counted, LONG_STREAM, longStreamBatches } from './store-comparison';
import type { Subject } from './subject';
import type { Workload } from './workload';

/** Emmett's expected version for a stream that does not exist yet. */
const STREAM_DOES_NOT_EXIST = 'STREAM_DOES_NOT_EXIST';

/**
 * Emmett on PostgreSQL (`@event-driven-io/emmett-postgresql`) doing what our store does: appends with the
 * exact expected version it returned last, `readStream`, and the global log read in pages of 1,000 with
 * `readMessagesBatch` on a pool of its own, as Emmett's consumers read it.
 */
export const emmettPostgresPeer = async (connectionString: string, workload: Workload): Promise<Subject> => {
  const emmett = await import('@event-driven-io/emmett-postgresql');
  const { dumbo } = await import('@event-driven-io/dumbo');
  const store = emmett.getPostgreSQLEventStore(connectionString);
  const reader = dumbo({ connectionString });
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
        const page = await emmett.readMessagesBatch(reader.execute, {
          after,
          batchSize: Math.min(1000, count - read),
        });
        if (page.messages.length === 0) break;
        read += page.messages.length;
        after = page.currentGlobalPosition;
      }
      if (read !== count) throw new Error(`read ${read} events, expected ${count}`);
    },
    close: async () => {
      await store.close();
      await reader.close();
    },
  };
};
