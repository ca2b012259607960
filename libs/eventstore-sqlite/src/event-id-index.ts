import type { RecordedEventId } from '@styring/eventstore';
import type { Statements } from './statements';

/**
 * Where every event id of the log is, kept in memory by a store handle that appends, so that an append can
 * tell new ids from recorded ones without an index on `event_id` in the file. Random ids put every entry of
 * such an index on a random page, and each append then rewrites about as many index pages as it has events:
 * batched appends ran at a third of their speed with one (see README.md). The map is filled from the log at
 * the first append and brought up to date at the start of every append, inside its write transaction: no
 * other connection can commit meanwhile, so it is exact, whichever process wrote the events.
 */
export class EventIdIndex {
  readonly #positions = new Map<string, bigint>();
  readonly #statements: Statements;
  #seenUpTo = -1n;

  constructor(statements: Statements) {
    this.#statements = statements;
  }

  /**
   * Drops what it knows, to be read again at the next append: after a write transaction that failed as a
   * whole, it may hold ids that the rolled-back transaction inserted and its later appends saw.
   */
  forget(): void {
    this.#positions.clear();
    this.#seenUpTo = -1n;
  }

  /** Where these ids are recorded (ids not in the log are left out). Call inside the write transaction. */
  whereRecorded(eventIds: readonly string[]): RecordedEventId[] {
    for (const [position, eventId] of this.#statements.eventIdsAfter.iterate(this.#seenUpTo) as Iterable<
      [bigint, string]
    >) {
      this.#positions.set(eventId, position);
      this.#seenUpTo = position;
    }
    return eventIds.flatMap((eventId) => {
      const position = this.#positions.get(eventId);
      if (position === undefined) return [];
      const [streamId, streamRevision] = this.#statements.streamRevisionAt.get(position) as [string, bigint];
      return [{ eventId, streamId, streamRevision, globalPosition: position }];
    });
  }
}
