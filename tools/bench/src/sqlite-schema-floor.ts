import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from '@styring/eventstore';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';

/**
 * The most any code can do with batched appends on the store's own table: better-sqlite3 inserting the
 * store's eight columns into a file the store created (its primary key, its `(stream_id, stream_revision)`
 * unique index, its triggers), with the same durability, one transaction per batch, and nothing else: no
 * checks, no event-id index, the JSON made and the revisions known before the clock starts. Printed beside
 * the bare floor (one JSON column, a primary key only), it shows how much of the gap is the schema itself.
 */
export const sqliteSchemaFloor = async (directory: string) => {
  const file = join(directory, 'schema-floor.db');
  await openSqliteEventStore({ file }).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    `INSERT INTO events (stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  type Row = readonly [string, number, string, string, number, string, string, string];
  const insertAll = db.transaction((rows: readonly Row[]) => {
    for (const row of rows) insert.run(...row);
  });
  const revisions = new Map<string, number>();
  return {
    /** The timed part appends batch `n` to stream `streamOf(n)`, as the store's subject does. */
    prepareAppends: (batches: readonly NewEvent[][], streamOf: (n: number) => string) => {
      const recordedAt = new Date().toISOString();
      const prepared = batches.map((batch, n) => {
        const streamId = streamOf(n);
        let revision = revisions.get(streamId) ?? -1;
        const rows = batch.map((event): Row => [
          streamId,
          ++revision,
          event.eventId,
          event.type,
          event.schemaVersion,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          recordedAt,
        ]);
        revisions.set(streamId, revision);
        return rows;
      });
      return async (n: number) => void insertAll.immediate(prepared[n]!);
    },
    close: async () => void db.close(),
  };
};
