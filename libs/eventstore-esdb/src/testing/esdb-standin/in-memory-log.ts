/**
 * The STAND-IN's storage: an in-memory transaction log with EventStoreDB's documented write and read
 * semantics, for tests of the adapter's code paths only. It is not a database: nothing is durable, there is
 * no cluster, no scavenging, no ACLs, no projections.
 */

/** One event in the log. Commit and prepare position are the same, as for every event written over gRPC. */
export interface LogRecord {
  readonly streamId: string;
  readonly revision: bigint;
  /** The event's UUID, lower-case canonical text. */
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** 100-nanosecond ticks since 1970, as EventStoreDB sends `created`. */
  readonly created: bigint;
  readonly position: bigint;
}

export type ProposedEvent = Pick<LogRecord, 'eventId' | 'type' | 'contentType' | 'data' | 'metadata'>;

export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type WriteResult =
  | { readonly kind: 'written'; readonly lastRevision: bigint; readonly position: bigint }
  /** The same events were written before: success, without a position (EventStoreDB sends none). */
  | { readonly kind: 'idempotent'; readonly lastRevision: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint | undefined }
  | { readonly kind: 'too_large'; readonly maxAppendSize: number };

export class InvalidPositionError extends Error {
  constructor(position: bigint) {
    super(`Trying to read from an invalid position (${position}).`);
  }
}

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** Roughly a prepare record's size on disk, so that positions grow by bytes, not by one, as they really do. */
const recordSize = (event: ProposedEvent, streamId: string) =>
  BigInt(64 + utf8Length(streamId) + utf8Length(event.type) + event.data.length + event.metadata.length);

export class InMemoryLog {
  readonly #records: LogRecord[] = [];
  readonly #streams = new Map<string, LogRecord[]>();
  readonly #listeners = new Set<() => void>();
  readonly #maxAppendSize: number;
  #end = 0n;
  #appendRequests = 0;

  constructor(maxAppendSize: number) {
    this.#maxAppendSize = maxAppendSize;
    // Every real $all holds system events; so does this one, so that readers have to skip them.
    this.#write('$stand-in-started', [
      {
        eventId: '00000000-0000-4000-8000-000000000001',
        type: '$StandInStarted',
        contentType: 'application/json',
        data: Buffer.from('{}'),
        metadata: new Uint8Array(),
      },
    ]);
  }

  /** The position after the last record: where the next one will start. */
  get end(): bigint {
    return this.#end;
  }

  /** How many append requests (an `Append` call, or one request on a `BatchAppend` stream) arrived. */
  get appendRequests(): number {
    return this.#appendRequests;
  }

  append(streamId: string, expected: ExpectedState, events: readonly ProposedEvent[]): WriteResult {
    this.#appendRequests++;
    const size = events.reduce((sum, event) => sum + event.data.length + event.metadata.length, 0);
    if (size > this.#maxAppendSize) return { kind: 'too_large', maxAppendSize: this.#maxAppendSize };
    const stream = this.#streams.get(streamId) ?? [];
    const current = stream.at(-1)?.revision;
    const retry = this.#retriedAppend(stream, expected, events);
    if (retry !== undefined) return retry;
    const holds =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      expected === current;
    if (!holds) return { kind: 'wrong_expected_version', current };
    const written = this.#write(streamId, events);
    return { kind: 'written', lastRevision: written.revision, position: written.position };
  }

  /** The stream's events from `from`, in `direction`, at most `count`; undefined when there is no stream. */
  readStream(
    streamId: string,
    from: bigint | 'start' | 'end',
    direction: 'forwards' | 'backwards',
    count: bigint,
  ): LogRecord[] | undefined {
    const stream = this.#streams.get(streamId);
    if (stream === undefined) return undefined;
    const chosen =
      direction === 'forwards'
        ? stream.filter((record) => from === 'start' || (from !== 'end' && record.revision >= from))
        : stream.filter((record) => from === 'end' || from === 'start' || record.revision <= from).reverse();
    return chosen.slice(0, Number(count < BigInt(chosen.length) ? count : BigInt(chosen.length)));
  }

  /**
   * $all from a position: forwards includes the record at it, backwards starts before it. A position must
   * be the start of a record or the end of the log, as on a real server.
   */
  readAll(from: bigint | 'start' | 'end', direction: 'forwards' | 'backwards', count: bigint): LogRecord[] {
    if (typeof from === 'bigint' && !this.startsARecord(from)) throw new InvalidPositionError(from);
    const chosen =
      direction === 'forwards'
        ? this.#records.filter((record) => from === 'start' || (from !== 'end' && record.position >= from))
        : this.#records
            .filter((record) => from === 'end' || (from !== 'start' && record.position < from))
            .reverse();
    return chosen.slice(0, Number(count < BigInt(chosen.length) ? count : BigInt(chosen.length)));
  }

  /** Whether reading may start at a position: where a record starts, or at the end of the log. */
  startsARecord(position: bigint): boolean {
    return position === this.#end || this.#records.some((record) => record.position === position);
  }

  /** Records strictly after a position (for subscriptions, which start after their position). */
  after(position: bigint): LogRecord[] {
    return this.#records.filter((record) => record.position > position);
  }

  onAppend(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * EventStoreDB's idempotence, by event id and only within the stream: an append whose ids already follow
   * the expected revision (`no_stream`: from revision 0) was written before and is not written again; the
   * server answers success with the revision of the last of them and no position. With `any` and
   * `stream_exists` the server finds the first id in a cache of recent ids (best effort, it may have
   * forgotten it); here the cache never forgets. When only some of the ids match, the server calls the
   * append a conflict (wrong expected version). Ids are not checked across streams, nor where the expected
   * revision does not point at them: such an append is written again, as on a real server.
   */
  #retriedAppend(
    stream: readonly LogRecord[],
    expected: ExpectedState,
    events: readonly ProposedEvent[],
  ): WriteResult | undefined {
    const start =
      expected === 'no_stream'
        ? 0
        : typeof expected === 'bigint'
          ? Number(expected) + 1
          : stream.findIndex((record) => record.eventId === events[0]?.eventId);
    if (start < 0 || start >= stream.length) return undefined;
    const following = stream.slice(start, start + events.length);
    const matching = following.filter((record, n) => record.eventId === events[n]?.eventId).length;
    if (matching === events.length) return { kind: 'idempotent', lastRevision: following.at(-1)!.revision };
    // Part of the append is there, part is not: EventStoreDB calls this a conflict.
    if (matching > 0) return { kind: 'wrong_expected_version', current: stream.at(-1)?.revision };
    return undefined;
  }

  #write(streamId: string, events: readonly ProposedEvent[]): LogRecord {
    const stream = this.#streams.get(streamId) ?? [];
    this.#streams.set(streamId, stream);
    const created = BigInt(Date.now()) * 10_000n;
    for (const event of events) {
      const record: LogRecord = {
        ...event,
        streamId,
        revision: BigInt(stream.length),
        created,
        position: this.#end,
      };
      this.#end += recordSize(event, streamId);
      stream.push(record);
      this.#records.push(record);
    }
    this.#listeners.forEach((listener) => listener());
    return stream.at(-1)!;
  }
}
