import type { AppendCondition } from './append-condition';
import { EventStoreFailure } from './errors';
import type { AllFilter } from './event-store';
import type { ExpectedRevision } from './expected-revision';
import type { NewEvent } from './recorded-event';

/** An event ready for a store: validated, with its data and metadata already serialized as JSON. */
export interface SerializedEvent {
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
    throw invalid(
      `${field} cannot be stored as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (json === undefined) throw invalid(`${field} cannot be stored as JSON: it is ${typeof value}`);
  return json;
};

const serialize = (event: NewEvent, field: string): SerializedEvent => {
  if (!isNonEmptyString(event.eventId)) throw invalid(`${field}.eventId must be a non-empty string`);
  if (!isNonEmptyString(event.type)) throw invalid(`${field}.type must be a non-empty string`);
  if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
    throw invalid(`${field}.schemaVersion must be a positive integer, not ${event.schemaVersion}`);
  }
  for (const key of requiredMetadata) {
    if (typeof event.metadata?.[key] !== 'string') throw invalid(`${field}.metadata.${key} must be a string`);
  }
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: toJson(event.data, `${field}.data`),
    metadata: toJson(event.metadata, `${field}.metadata`),
  };
};

const isExpectedRevision = (value: unknown): value is ExpectedRevision =>
  value === 'any' ||
  value === 'no_stream' ||
  value === 'stream_exists' ||
  (typeof value === 'bigint' && value >= 0n);

/**
 * The checks every store makes before it writes anything, so that all adapters refuse the same input with
 * the same `invalid_argument` message naming the bad field; bad input is refused whole.
 */
export const validateAppend = (
  streamId: unknown,
  events: readonly NewEvent[],
  expectedRevision: unknown,
): SerializedEvent[] => {
  if (!isNonEmptyString(streamId)) throw invalid('streamId must be a non-empty string');
  if (!isExpectedRevision(expectedRevision)) {
    throw invalid(
      `expectedRevision must be 'any', 'no_stream', 'stream_exists' or a bigint >= 0, not ${String(expectedRevision)}`,
    );
  }
  if (!Array.isArray(events) || events.length === 0) throw invalid('events must hold at least one event');
  const serialized = events.map((event, n) => serialize(event, `events[${n}]`));
  const seen = new Set<string>();
  serialized.forEach(({ eventId }, n) => {
    if (seen.has(eventId)) throw invalid(`events[${n}].eventId '${eventId}' occurs twice in one append`);
    seen.add(eventId);
  });
  return serialized;
};

/** A revision or position bound given by a caller: a bigint >= 0, or absent. */
export const validBound = (value: bigint | undefined, field: string): bigint | undefined => {
  if (value !== undefined && (typeof value !== 'bigint' || value < 0n)) {
    throw invalid(`${field} must be a bigint >= 0, not ${String(value)}`);
  }
  return value;
};

/** `maxCount`: a whole number >= 0; unlimited when absent. */
export const validCount = (maxCount: number | undefined): number => {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw invalid(`maxCount must be a whole number >= 0, not ${maxCount}`);
  }
  return maxCount;
};

/** A filter of the global log given by a caller: absent, or lists of strings for the criteria it has. */
export const validFilter = (filter: AllFilter | undefined): AllFilter | undefined => {
  if (filter === undefined) return undefined;
  if (typeof filter !== 'object' || filter === null) throw invalid(`filter must be an object`);
  for (const field of ['eventTypes', 'streamPrefixes'] as const) {
    const list: unknown = filter[field];
    if (list !== undefined && (!Array.isArray(list) || !list.every((item) => typeof item === 'string'))) {
      throw invalid(`filter.${field} must be a list of strings`);
    }
  }
  return filter;
};

const isStringList = (list: unknown): boolean =>
  Array.isArray(list) && list.every((item) => typeof item === 'string');

/**
 * An append's consistency condition given by a caller: absent, or at least one query item whose lists
 * are lists of strings, and a position that is a bigint >= 0 or absent.
 */
export const validCondition = (condition: AppendCondition | undefined): AppendCondition | undefined => {
  if (condition === undefined) return undefined;
  if (typeof condition !== 'object' || condition === null) throw invalid('condition must be an object');
  validBound(condition.after, 'condition.after');
  const items: unknown = condition.failIfEventsMatch;
  if (!Array.isArray(items) || items.length === 0) {
    throw invalid('condition.failIfEventsMatch must hold at least one query item');
  }
  items.forEach((item: unknown, n) => {
    if (typeof item !== 'object' || item === null) {
      throw invalid(`condition.failIfEventsMatch[${n}] must be an object`);
    }
    for (const field of ['eventTypes', 'streamIds', 'streamPrefixes'] as const) {
      const list: unknown = (item as Record<string, unknown>)[field];
      if (list !== undefined && !isStringList(list)) {
        throw invalid(`condition.failIfEventsMatch[${n}].${field} must be a list of strings`);
      }
    }
  });
  return condition;
};
