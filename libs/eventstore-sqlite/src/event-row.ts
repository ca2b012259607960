import type { RecordedEvent } from '@styring/eventstore';

/** The columns every read selects, in this order; rows are read raw (as arrays) to spare an object per row. */
export const eventColumns =
  'global_position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at';

export type EventRow = [bigint, string, bigint, string, string, bigint, string, string, string];

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  eventId: row[3],
  type: row[4],
  schemaVersion: Number(row[5]),
  data: JSON.parse(row[6]),
  metadata: JSON.parse(row[7]),
  streamId: row[1],
  streamRevision: row[2],
  globalPosition: row[0],
  recordedAt: row[8],
});
