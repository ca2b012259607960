import {
  type AppendOutcome,
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
 * An append whose event ids are already recorded. When they are exactly this append, already done (the
 * same ids, in order, in this stream, right after a revision the writer's expectation allows), it is a
 * retry: report the append as done and write nothing. Anything else reuses ids and is refused.
 */
export const resolveRetry = (
  streamId: string,
  eventIds: readonly string[],
  expectedRevision: ExpectedRevision,
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
    if (isThisAppend && matchesExpectedRevision(expectedRevision, before)) {
      return {
        _tag: 'Appended',
        nextExpectedRevision: BigInt(last.stream_revision),
        lastPosition: BigInt(last.global_position),
      };
    }
  }
  const n = stored.findIndex((row) => row !== undefined);
  const clash = stored[n]!;
  throw new EventStoreFailure(
    'invalid_argument',
    `events[${n}].eventId '${clash.event_id}' is already recorded, in stream '${clash.stream_id}' at revision ` +
      `${clash.stream_revision}, and this append is not a retry of that one: give new events new ids`,
  );
};
