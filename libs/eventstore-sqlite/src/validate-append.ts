import { EventStoreFailure, type ExpectedRevision, type NewEvent } from '@styring/eventstore';

/** An event ready for the `events` table: validated, its data and metadata already JSON. */
export interface NewEventRow {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
}

const invalid = (message: string) => new EventStoreFailure('invalid_argument', message);

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

const requiredMetadata = ['actor', 'role', 'correlationId', 'causationId', 'effectiveAt'] as const;

const toJson = (value: unknown, field: string): string => {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw invalid(`${field} cannot be stored as JSON: ${error instanceof Error ? error.message : error}`);
  }
  if (json === undefined) throw invalid(`${field} must be a JSON value, not ${typeof value}`);
  return json;
};

export const validateExpectedRevision = (expected: ExpectedRevision): void => {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected !== 'bigint' || expected < 0n) {
    throw invalid(
      `expectedRevision must be 'any', 'no_stream', 'stream_exists' or a bigint >= 0, not ${expected}`,
    );
  }
};

/** Checks an append completely before anything is written, naming the bad field. */
export const validateAppend = (
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): NewEventRow[] => {
  if (!isNonEmptyString(streamId)) throw invalid('streamId must be a non-empty string');
  validateExpectedRevision(expectedRevision);
  if (!Array.isArray(events) || events.length === 0) {
    throw invalid(`an append to '${streamId}' needs at least one event`);
  }
  const seen = new Set<string>();
  return events.map((event, n) => {
    const at = `events[${n}]`;
    if (!isNonEmptyString(event.eventId)) throw invalid(`${at}.eventId must be a non-empty string`);
    if (seen.has(event.eventId)) throw invalid(`${at}.eventId '${event.eventId}' occurs twice in one append`);
    seen.add(event.eventId);
    if (!isNonEmptyString(event.type)) throw invalid(`${at}.type must be a non-empty string`);
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw invalid(`${at}.schemaVersion must be a positive integer, not ${event.schemaVersion}`);
    }
    for (const field of requiredMetadata) {
      if (typeof event.metadata?.[field] !== 'string')
        throw invalid(`${at}.metadata.${field} must be a string`);
    }
    return {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: toJson(event.data, `${at}.data`),
      metadata: toJson(event.metadata, `${at}.metadata`),
    };
  });
};
