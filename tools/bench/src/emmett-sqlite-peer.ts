import { join } from 'node:path';
import type { NewEvent } from '@styring/eventstore';
import { counted, LONG_STREAM, longStreamBatches } from './store-comparison';
import type { Subject } from './subject';
import type { Workload } from './workload';

/** Emmett's expected version for a stream that does not exist yet. */
const STREAM_DOES_NOT_EXIST = 'STREAM_DOES_NOT_EXIST';

/**
 * Emmett on SQLite (`@event-driven-io/emmett-sqlite`, on the `sqlite3` driver) doing what our store does:
 * appends with the exact expected version it returned last, `readStream`, and the global log read in
 * pages of 1,000 with `readMessagesBatch`, as its consumers do. It gets one long-lived connection (by
 * default it opens a connection per call) with the same durability as ours: WAL, synchronous = FULL.
 */
export const emmettSqlitePeer = async (directory: string, workload: Workload): Promise<Subject> => {
  const emmett = await import('@event-driven-io/emmett-sqlite');
  const fileName = join(directory, 'emmett.db');
  const connection = emmett.sqliteConnection({ fileName });
  await connection.command('PRAGMA journal_mode = WAL');
  await connection.command('PRAGMA synchronous = FULL');
  const store = emmett.getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } });
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
        const page = await emmett.readMessagesBatch(connection, {
          after,
          batchSize: Math.min(1000, count - read),
        });
        if (page.messages.length === 0) break;
        read += page.messages.length;
        after = page.currentGlobalPosition;
      }
      if (read !== count) throw new Error(`read ${read} events, expected ${count}`);
    },
    close: async () => connection.close(),
  };
};
