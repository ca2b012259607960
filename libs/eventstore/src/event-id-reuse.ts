import { EventStoreFailure } from './errors';
import type { Appended } from './event-store';
import type { ExpectedRevision } from './expected-revision';

/** Where an event id of an append is already recorded in the global log. */
export interface RecordedEventId {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly globalPosition: bigint;
}

/** Whether ids written from `firstRevision` on are where an append with `expected` would have put them. */
const followsExpected = (expected: ExpectedRevision, firstRevision: bigint) =>
  expected === 'any' ||
  expected === 'stream_exists' ||
  (expected === 'no_stream' ? firstRevision === 0n : firstRevision === expected + 1n);

/**
 * Where a store keeps event ids unique in the whole log (SQLite and PostgreSQL; EventStoreDB only recognizes
 * retries within a stream, see the testkit's event id contract), it applies this one rule to an append some
 * of whose ids it already holds (`recorded`: where those ids are, any order). When the append is exactly one that
 * happened (the same ids, in order, at consecutive revisions of the same stream, right after the expected
 * revision, or anywhere in the stream for 'any' and 'stream_exists'), it is a retry: it succeeds again
 * with the original revision and position and writes nothing. Anything else reuses an id and is refused
 * with `invalid_argument` naming it, whatever the expected revision, and writes nothing.
 */
export const resolveEventIdReuse = (
  streamId: string,
  eventIds: readonly string[],
  expectedRevision: ExpectedRevision,
  recorded: readonly RecordedEventId[],
): Appended => {
  const byId = new Map(recorded.map((where) => [where.eventId, where]));
  const stored = eventIds.map((id) => byId.get(id));
  const first = stored[0];
  const last = stored.at(-1);
  const isRetry =
    first !== undefined &&
    last !== undefined &&
    followsExpected(expectedRevision, first.streamRevision) &&
    stored.every(
      (where, n) =>
        where !== undefined &&
        where.streamId === streamId &&
        where.streamRevision === first.streamRevision + BigInt(n),
    );
  if (isRetry) {
    return { _tag: 'Appended', nextExpectedRevision: last.streamRevision, lastPosition: last.globalPosition };
  }
  const n = stored.findIndex((where) => where !== undefined);
  const clash = stored[n];
  if (clash === undefined)
    throw new Error('resolveEventIdReuse needs at least one recorded id of the append');
  throw new EventStoreFailure(
    'invalid_argument',
    `events[${n}].eventId '${clash.eventId}' is already recorded, in stream '${clash.streamId}' at revision ` +
      `${clash.streamRevision}, and this append is not a retry of that one: give new events new ids`,
  );
};
