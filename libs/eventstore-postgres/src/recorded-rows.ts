import type { EventMetadata, RecordedEvent } from '@styring/eventstore';

/**
 * The columns every read selects from `events e`. Numbers travel as text and JSON as its stored text, so
 * that results are the same whatever type parsers the pool's owner has installed. (The aliases shadow the
 * columns in ORDER BY: order by `e.column`.)
 */
export const recordedColumns = `
  e.global_position::text AS global_position, e.stream_id, e.stream_revision::text AS stream_revision,
  e.event_id, e.type, e.schema_version, e.data::text AS data, e.metadata::text AS metadata,
  (extract(epoch FROM e.recorded_at) * 1000)::bigint::text AS recorded_at`;

export interface RecordedRow {
  readonly global_position: string;
  readonly stream_id: string;
  readonly stream_revision: string;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  /** Milliseconds since 1970 (formatting here is cheaper than `to_char` on the server). */
  readonly recorded_at: string;
}

export const toRecordedEvent = (row: RecordedRow): RecordedEvent => ({
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
  streamId: row.stream_id,
  streamRevision: BigInt(row.stream_revision),
  globalPosition: BigInt(row.global_position),
  recordedAt: new Date(Number(row.recorded_at)).toISOString(),
});
