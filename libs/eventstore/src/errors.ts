import { type CurrentRevision, type ExpectedRevision, formatRevision } from './expected-revision';

/** An append refused because the stream was not at the revision the writer expected. A value, not a throw. */
export interface ConcurrencyError {
  readonly _tag: 'ConcurrencyError';
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly actual: CurrentRevision;
}

export const concurrencyError = (
  streamId: string,
  expected: ExpectedRevision,
  actual: CurrentRevision,
): ConcurrencyError => ({ _tag: 'ConcurrencyError', streamId, expected, actual });

export const describeConcurrencyError = (error: ConcurrencyError): string =>
  `stream '${error.streamId}' is at revision ${formatRevision(error.actual)}, ` +
  `but the append expected ${formatRevision(error.expected)}`;

/** The event that broke an append's consistency condition: the first one after its position. */
export interface ChangedFact {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly globalPosition: bigint;
}

/**
 * An append refused because a fact the decision consulted changed after it was read (its `AppendCondition`
 * no longer held). A value, not a throw; nothing was written.
 */
export interface ConsistencyConflict {
  readonly _tag: 'ConsistencyConflict';
  /** The stream the refused append was for. */
  readonly streamId: string;
  /** The position the condition was read at (absent: the log was empty). */
  readonly after?: bigint;
  readonly changed: ChangedFact;
}

export const consistencyConflict = (
  streamId: string,
  after: bigint | undefined,
  changed: ChangedFact,
): ConsistencyConflict => ({
  _tag: 'ConsistencyConflict',
  streamId,
  ...(after === undefined ? {} : { after }),
  changed: {
    eventId: changed.eventId,
    streamId: changed.streamId,
    type: changed.type,
    globalPosition: changed.globalPosition,
  },
});

export const describeConsistencyConflict = (conflict: ConsistencyConflict): string =>
  `the append to stream '${conflict.streamId}' was decided on facts read up to position ` +
  `${conflict.after ?? 'none'}, but '${conflict.changed.type}' was appended to stream ` +
  `'${conflict.changed.streamId}' at position ${conflict.changed.globalPosition} since`;

/** Why an append was refused, for messages and logs. */
export const describeAppendRefusal = (refusal: ConcurrencyError | ConsistencyConflict): string =>
  refusal._tag === 'ConcurrencyError'
    ? describeConcurrencyError(refusal)
    : describeConsistencyConflict(refusal);

/** Why a store could not do its work; adapters throw these, identified by `code`, not by class. */
export type EventStoreFailureCode =
  | 'unavailable'
  | 'authentication_failed'
  | 'locked'
  | 'not_an_event_store'
  | 'schema_too_new'
  | 'invalid_argument'
  | 'closed';

export class EventStoreFailure extends Error {
  override readonly name = 'EventStoreFailure';
  constructor(
    readonly code: EventStoreFailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isEventStoreFailure = (error: unknown): error is EventStoreFailure =>
  error instanceof Error && error.name === 'EventStoreFailure' && 'code' in error;
