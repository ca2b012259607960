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
