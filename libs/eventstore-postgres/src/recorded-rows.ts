import type { EventMetadata, RecordedEvent } from '@styring/eventstore';

/**
 * The columns every read selects from `events e`, read as arrays (no object per row). Numbers travel as
 * text and JSON as its stored text, so that results are the same whatever type parsers the pool's owner
 * has installed. (The aliases shadow the columns in ORDER BY: order by `e.column`.)
 */
export const recordedColumns = `
  e.global_position::text AS global_position, e.stream_id, e.stream_revision::text AS stream_revision,
  e.event_id, e.type, e.schema_version, e.data::text AS data, e.metadata::text AS metadata,
  (extract(epoch FROM e.recorded_at) * 1000)::bigint::text AS recorded_at`;

/** A row as `pg` returns it in array mode, in the order of `recordedColumns`. */
export type RecordedRow = [
  globalPosition: string,
  streamId: string,
  streamRevision: string,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  /** Milliseconds since 1970 (formatting here is cheaper than `to_char` on the server). */
  recordedAt: string,
];

export const toRecordedEvent = (row: RecordedRow): RecordedEvent => ({
  eventId: row[3],
  type: row[4],
  schemaVersion: row[5],
  data: JSON.parse(row[6]) as unknown,
  metadata: JSON.parse(row[7]) as EventMetadata,
  streamId: row[1],
  streamRevision: BigInt(row[2]),
  globalPosition: BigInt(row[0]),
  recordedAt: new Date(Number(row[8])).toISOString(),
});
