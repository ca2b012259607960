import type { RecordedEvent } from '@styring/eventstore';
import { AuditExportError } from './audit-export-error';
import { CanonicalJsonError, canonicalWriter as out } from './canonical-json';

const invalid = (event: RecordedEvent, field: string, why: string) =>
  new AuditExportError(
    'invalid_event',
    `event ${String(event.eventId)} (global position ${String(event.globalPosition)}): ${field} ${why}`,
  );

const text = (event: RecordedEvent, field: 'eventId' | 'type' | 'streamId' | 'recordedAt'): string => {
  const value = event[field];
  if (typeof value !== 'string' || value.length === 0)
    throw invalid(event, field, 'is not a non-empty string');
  return value;
};

const position = (event: RecordedEvent, field: 'streamRevision' | 'globalPosition'): string => {
  const value = event[field];
  if (typeof value !== 'bigint' || value < 0n) throw invalid(event, field, 'is not a bigint ≥ 0');
  return String(value);
};

const json = (event: RecordedEvent, field: 'data' | 'metadata') => {
  try {
    out.value(event[field], field);
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw invalid(event, error.path, error.reason);
    throw error;
  }
};

/**
 * The `record` of an events.jsonl line as UTF-8 bytes: exactly the port's fields of a recorded event, in
 * canonical JSON, positions as decimal strings. Written by hand because it runs once per event: the keys
 * below are in sorted order (a test holds this to canonicalJson of the same object). The bytes are a view
 * that the next canonical encoding overwrites: copy them out at once. (Pieces are written one by one: a
 * template string would have to be flattened first.)
 */
export const canonicalRecordBytes = (event: RecordedEvent): Buffer => {
  if (!Number.isSafeInteger(event.schemaVersion)) throw invalid(event, 'schemaVersion', 'is not an integer');
  if (typeof event.metadata !== 'object' || event.metadata === null) {
    throw invalid(event, 'metadata', 'is not an object');
  }
  const eventId = text(event, 'eventId');
  const type = text(event, 'type');
  const streamId = text(event, 'streamId');
  const recordedAt = text(event, 'recordedAt');
  const globalPosition = position(event, 'globalPosition');
  const streamRevision = position(event, 'streamRevision');
  out.start();
  out.ascii('{"data":');
  json(event, 'data');
  out.ascii(',"eventId":');
  out.string(eventId);
  out.ascii(',"globalPosition":"');
  out.ascii(globalPosition);
  out.ascii('","metadata":');
  json(event, 'metadata');
  out.ascii(',"recordedAt":');
  out.string(recordedAt);
  out.ascii(',"schemaVersion":');
  out.ascii(String(event.schemaVersion));
  out.ascii(',"streamId":');
  out.string(streamId);
  out.ascii(',"streamRevision":"');
  out.ascii(streamRevision);
  out.ascii('","type":');
  out.string(type);
  out.ascii('}');
  return out.bytes();
};

/** The `record` of an events.jsonl line as text. */
export const canonicalRecord = (event: RecordedEvent): string => canonicalRecordBytes(event).toString('utf8');
