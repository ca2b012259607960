import { Client, type ClientConfig } from 'pg';
import { EventStoreFailure, isEventStoreFailure } from '@styring/eventstore';

/** Where the store connects, for messages: host, port, user and database, never the password. */
export interface ServerDescription {
  readonly description: string;
}

/** Resolves the target the way `pg` itself does (connection string, options, PG* variables). */
export const describeServer = (config: ClientConfig): ServerDescription => {
  const { host, port, user, database } = new Client(config);
  const where = host.startsWith('/') ? `socket ${host}/.s.PGSQL.${port}` : `${host}:${port}`;
  return { description: `PostgreSQL at ${where} (user '${user ?? ''}', database '${database ?? ''}')` };
};

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOENT', // a Unix socket that is not there
]);

const unreachableMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /cannot use a pool after calling end/i,
];

/** SQLSTATE classes: 08 connection exception, 57P shutdowns and "cannot connect now", 53300 too many. */
const isUnavailableState = (state: string) =>
  state.startsWith('08') || ['57P01', '57P02', '57P03', '53300', '3D000'].includes(state);

const isAuthenticationState = (state: string) => state === '28P01' || state === '28000';

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/**
 * Turns what `pg` throws into an `EventStoreFailure` a person can act on; errors that are not about the
 * connection (bugs, constraint violations we did not expect) pass through unchanged.
 */
export const toStoreFailure = (error: unknown, server: ServerDescription): unknown => {
  if (isEventStoreFailure(error)) return error;
  const code = codeOf(error);
  const message = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
  if (code !== undefined && isAuthenticationState(code)) {
    return new EventStoreFailure(
      'authentication_failed',
      `${server.description} refused the credentials: ${message}`,
      { cause: error },
    );
  }
  if (/password/i.test(message) && /SASL|SCRAM|must be a string/i.test(message)) {
    return new EventStoreFailure(
      'authentication_failed',
      `${server.description} asks for a password, and none was given`,
      { cause: error },
    );
  }
  if (
    (code !== undefined && (unreachableCodes.has(code) || isUnavailableState(code))) ||
    unreachableMessages.some((pattern) => pattern.test(message))
  ) {
    return new EventStoreFailure('unavailable', `${server.description} is unavailable: ${message}`, {
      cause: error,
    });
  }
  if (code === '22021' || code === '22P05') {
    return new EventStoreFailure('invalid_argument', `PostgreSQL cannot store this text: ${message}`, {
      cause: error,
    });
  }
  return error;
};

/** The append statement found an event id the log already holds (the unique index on event_id). */
export const isRecordedEventId = (error: unknown): boolean =>
  codeOf(error) === '23505' &&
  typeof error === 'object' &&
  error !== null &&
  'constraint' in error &&
  error.constraint === 'events_event_id_key';
