import { EventStoreFailure, isEventStoreFailure } from '@styring/eventstore';

// Duck-typed rather than `instanceof`: the native driver may build its errors in another realm (as under Jest).
const field = (error: unknown, name: 'code' | 'message' | 'name'): string => {
  const value =
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/**
 * Turns what better-sqlite3 throws into an `EventStoreFailure` that says what happened to which file.
 * Errors that are not the driver's (programming errors) pass through unchanged.
 */
export const toEventStoreFailure = (error: unknown, file: string, busyTimeoutMs: number): unknown => {
  if (isEventStoreFailure(error)) return error;
  const code = field(error, 'code');
  const message = field(error, 'message');
  const failure = (failureCode: EventStoreFailure['code'], text: string) =>
    new EventStoreFailure(failureCode, `${text} (${file}: ${message})`, { cause: error });

  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return failure(
      'locked',
      `the event store is locked by another connection for longer than ${busyTimeoutMs} ms`,
    );
  }
  if (code === 'SQLITE_NOTADB') return failure('not_an_event_store', 'the file is not a SQLite database');
  if (code.startsWith('SQLITE_')) return failure('unavailable', 'the event store file cannot be used');
  if (field(error, 'name') === 'TypeError' && /database connection is not open/.test(message)) {
    return failure('closed', 'the event store is closed');
  }
  if (field(error, 'name') === 'TypeError' && /directory does not exist/.test(message)) {
    return failure('unavailable', 'the directory of the event store file does not exist');
  }
  return error;
};
