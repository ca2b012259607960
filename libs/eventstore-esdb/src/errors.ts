import { ErrorType, isCommandError, type MaxAppendSizeExceededError } from '@eventstore/db-client';
import { EventStoreFailure, isEventStoreFailure } from '@styring/eventstore';
import type { ConnectionTarget } from './connection-string';

/** The kind of a client error (`ErrorType`), or undefined for anything else. */
export const clientErrorType = (error: unknown): ErrorType | undefined =>
  error instanceof Error && isCommandError(error) ? error.type : undefined;

/**
 * Turns what @eventstore/db-client throws into an EventStoreFailure a person can act on. Conflicts never
 * get here: the store returns them as ConcurrencyError values. Other errors pass through unchanged.
 */
export const toStoreFailure = (error: unknown, target: ConnectionTarget): unknown => {
  const type = clientErrorType(error);
  if (isEventStoreFailure(error) || type === undefined) return error;
  const message = (error as Error).message
    .replace(/^\d+ [A-Z_]+: /, '')
    .replace(/\s*Resolution note:\s*$/, '');
  const failure = (code: ConstructorParameters<typeof EventStoreFailure>[0], text: string) =>
    new EventStoreFailure(code, `${target.description} ${text}`, { cause: error });
  switch (type) {
    case ErrorType.UNAVAILABLE:
    case ErrorType.CANCELLED:
    case ErrorType.NOT_LEADER:
      return failure('unavailable', `is unavailable: ${message}`);
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
      return failure('unavailable', `did not answer in time: ${message}`);
    case ErrorType.ACCESS_DENIED:
      return failure(
        'authentication_failed',
        `refused the request: wrong user or password in the connection string, or a user without access ` +
          `to the streams and $all (${message})`,
      );
    case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED: {
      const { maxAppendSize } = error as MaxAppendSizeExceededError;
      return failure(
        'invalid_argument',
        `refused the append: it is larger than its maximum of ${maxAppendSize} bytes`,
      );
    }
    default:
      return /invalid position/i.test(message)
        ? failure(
            'invalid_argument',
            `cannot read from that position: it is not where an event starts (${message})`,
          )
        : error;
  }
};
