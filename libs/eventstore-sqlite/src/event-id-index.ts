import type { RecordedEventId } from '@styring/eventstore';
import type { Statements } from './statements';

/** What the index knows of one stream: its ids, and the last revision it has read. */
interface StreamIds {
  readonly revisions: Map<string, { readonly streamRevision: bigint; readonly globalPosition: bigint }>;
  seenUpTo: bigint;
}

/** Notes an event of the stream, read in revision order: an id's first revision is where it is recorded. */
const learn = (known: StreamIds, eventId: string, streamRevision: bigint, globalPosition: bigint) => {
  if (!known.revisions.has(eventId)) known.revisions.set(eventId, { streamRevision, globalPosition });
  known.seenUpTo = streamRevision;
};

/**
 * Where the event ids of the streams this handle appends to are, kept in memory, so that an append can
 * tell a retry from a new batch without an index on `event_id` in the file (random ids put every entry of
 * such an index on a random page: batched appends ran at a third of their speed with one, see README.md).
 * Ids are unique per stream (the contract's `uniqueEventIds: 'stream'`), so a stream's ids are read at the
 * handle's first append to it, then only its new revisions at the start of every append, inside the write
 * transaction: no other connection can commit meanwhile, so it is exact, whichever process wrote the events.
 * A fresh process thus reads one stream, not the whole log, before its first append.
 */
export class EventIdIndex {
  readonly #streams = new Map<string, StreamIds>();
  readonly #statements: Statements;

  constructor(statements: Statements) {
    this.#statements = statements;
  }

  /**
   * Drops what it knows, to be read again at the next append: after a write transaction that failed as a
   * whole, it may hold ids that the rolled-back transaction inserted and its later appends saw.
   */
  forget(): void {
    this.#streams.clear();
  }

  /** Where these ids are recorded in the stream (ids not in it are left out). Call inside the write transaction. */
  whereRecorded(streamId: string, eventIds: readonly string[]): RecordedEventId[] {
    const known = this.#known(streamId);
    for (const [streamRevision, globalPosition, eventId] of this.#statements.streamEventIdsAfter.iterate(
      streamId,
      known.seenUpTo,
    ) as Iterable<[bigint, bigint, string]>) {
      learn(known, eventId, streamRevision, globalPosition);
    }
    const found: RecordedEventId[] = [];
    for (const eventId of eventIds) {
      const where = known.revisions.get(eventId);
      if (where !== undefined) found.push({ eventId, streamId, ...where });
    }
    return found;
  }

  /**
   * Learns the events this handle has just inserted, in the same write transaction and right after its
   * `whereRecorded`: nothing else can have been written to the stream in between, so the next append to it
   * need not read them back (that read was a tenth of a batched append's time).
   */
  appended(streamId: string, events: readonly RecordedEventId[]): void {
    const known = this.#known(streamId);
    for (const { eventId, streamRevision, globalPosition } of events) {
      learn(known, eventId, streamRevision, globalPosition);
    }
  }

  #known(streamId: string): StreamIds {
    let known = this.#streams.get(streamId);
    if (known === undefined) {
      known = { revisions: new Map(), seenUpTo: -1n };
      this.#streams.set(streamId, known);
    }
    return known;
  }
}
