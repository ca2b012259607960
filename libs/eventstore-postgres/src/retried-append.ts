import {
  type AppendOutcome,
  concurrencyError,
  type CurrentRevision,
  EventStoreFailure,
  type ExpectedRevision,
  matchesExpectedRevision,
} from '@styring/eventstore';

export interface StoredEventIdRow {
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_revision: string;
  readonly global_position: string;
}

/**
 * An append some of whose event ids are already recorded (EventStoreDB's idempotence, as the SQLite store
 * has it). When they are exactly this append, already done (the same ids, in order, in this stream, right
 * after the expected revision, or anywhere for 'any' and 'stream_exists'), it is a retry: report it done
 * and write nothing. Otherwise a wrong expected revision is a conflict, and reused ids are refused.
 */
export const resolveRetry = (
  streamId: string,
  eventIds: readonly string[],
  expectedRevision: ExpectedRevision,
  current: CurrentRevision,
  rows: readonly StoredEventIdRow[],
): AppendOutcome => {
  const byId = new Map(rows.map((row) => [row.event_id, row]));
  const stored = eventIds.map((id) => byId.get(id));
  const first = stored[0];
  const last = stored.at(-1);
  if (first !== undefined && last !== undefined) {
    const firstRevision = BigInt(first.stream_revision);
    const isThisAppend = stored.every(
      (row, n) =>
        row !== undefined &&
        row.stream_id === streamId &&
        BigInt(row.stream_revision) === firstRevision + BigInt(n),
    );
    const before = firstRevision === 0n ? undefined : firstRevision - 1n;
    const followsExpected =
      expectedRevision === 'any' ||
      expectedRevision === 'stream_exists' ||
      matchesExpectedRevision(expectedRevision, before);
    if (isThisAppend && followsExpected) {
      return {
        _tag: 'Appended',
        nextExpectedRevision: BigInt(last.stream_revision),
        lastPosition: BigInt(last.global_position),
      };
    }
  }
  if (!matchesExpectedRevision(expectedRevision, current))
    return concurrencyError(streamId, expectedRevision, current);
  const n = stored.findIndex((row) => row !== undefined);
  const clash = stored[n]!;
  throw new EventStoreFailure(
    'invalid_argument',
    `events[${n}].eventId '${clash.event_id}' is already recorded, in stream '${clash.stream_id}' at revision ` +
      `${clash.stream_revision}, and this append is not a retry of that one: give new events new ids`,
  );
};
