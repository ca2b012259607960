import type { RecordedEvent } from '@styring/eventstore';
import { AuditExportError } from './audit-export-error';
import { CanonicalJsonError, canonicalJson, quoteString } from './canonical-json';

const invalid = (event: RecordedEvent, field: string, why: string) =>
  new AuditExportError(
    'invalid_event',
    `event ${String(event.eventId)} (global position ${String(event.globalPosition)}): ${field} ${why}`,
  );

const text = (event: RecordedEvent, field: 'eventId' | 'type' | 'streamId' | 'recordedAt'): string => {
  const value = event[field];
  if (typeof value !== 'string' || value.length === 0)
    throw invalid(event, field, 'is not a non-empty string');
  return quoteString(value);
};

const position = (event: RecordedEvent, field: 'streamRevision' | 'globalPosition'): string => {
  const value = event[field];
  if (typeof value !== 'bigint' || value < 0n) throw invalid(event, field, 'is not a bigint ≥ 0');
  return `"${value}"`;
};

const json = (event: RecordedEvent, field: 'data' | 'metadata'): string => {
  try {
    return canonicalJson(event[field], field);
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw invalid(event, error.path, error.reason);
    throw error;
  }
};

/**
 * The `record` of an events.jsonl line: exactly the port's fields of a recorded event, in canonical JSON,
 * positions as decimal strings. Written by hand because it runs once per event: the keys below are in
 * sorted order (a test holds this to canonicalJson of the same object).
 */
export const canonicalRecord = (event: RecordedEvent): string => {
  if (!Number.isSafeInteger(event.schemaVersion)) throw invalid(event, 'schemaVersion', 'is not an integer');
  if (typeof event.metadata !== 'object' || event.metadata === null) {
    throw invalid(event, 'metadata', 'is not an object');
  }
  return (
    `{"data":${json(event, 'data')},"eventId":${text(event, 'eventId')},` +
    `"globalPosition":${position(event, 'globalPosition')},"metadata":${json(event, 'metadata')},` +
    `"recordedAt":${text(event, 'recordedAt')},"schemaVersion":${event.schemaVersion},` +
    `"streamId":${text(event, 'streamId')},"streamRevision":${position(event, 'streamRevision')},` +
    `"type":${text(event, 'type')}}`
  );
};
