import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AppendResult,
  type ReadPosition,
  type ResolvedEvent,
  type StreamingRead,
  type WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  type AppendCondition,
  type AppendOptions,
  type AppendOutcome,
  concurrencyError,
  type ConsistencyConflict,
  consistencyConflict,
  type CurrentRevision,
  type EventStore,
  EventStoreFailure,
  type NewEvent,
  type ReadAllOptions,
  type ReadEventOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  matchesCondition,
  matchesExpectedRevision,
  type SubscribeOptions,
  type Subscription,
  validBound,
  validCondition,
  validCount,
  validFilter,
} from '@styring/eventstore';
import { validateEsdbAppend } from './append-validation';
import { checkConnectionString, type ConnectionTarget } from './connection-string';
import { fromResolved, toEventData } from './envelope';
import { clientErrorType, toStoreFailure } from './errors';
import { passes, serverFilter } from './filters';
import { EsdbSubscription } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  /**
   * `esdb://user:password@host:2113?tls=true` (a cluster: `esdb://host1:2113,host2:2113,host3:2113`, or
   * `esdb+discover://cluster.example:2113`). TLS is on unless `tls=false`; `tlsCAFile=…` names the CA of
   * a self-signed certificate. The user needs to read `$all`.
   */
  readonly connectionString: string;
}

/** The largest revision and position EventStoreDB has (unsigned 64-bit): none lies beyond. */
const maxUint64 = 2n ** 64n - 1n;

/** A position to read `$all` from: EventStoreDB keeps commit and prepare; for our events they are equal. */
const positionOf = (commit: bigint): ReadPosition => ({ commit, prepare: commit });

/**
 * The event store on EventStoreDB (@eventstore/db-client 6.2.1). `globalPosition` is the event's commit
 * position in `$all`; see README.md for checkpoints, event ids and what is kept in the metadata.
 */
export class EsdbEventStore implements EventStore {
  readonly #client: EventStoreDBClient;
  readonly #target: ConnectionTarget;
  readonly #subscriptions = new Set<EsdbSubscription>();
  #closed = false;

  private constructor(client: EventStoreDBClient, target: ConnectionTarget) {
    this.#client = client;
    this.#target = target;
  }

  /** Connects and checks, with one read of `$all`, that the server answers and lets this user read. */
  static async open(options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
    const target = checkConnectionString(options.connectionString);
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(options.connectionString);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new EventStoreFailure('invalid_argument', `connectionString is not valid: ${reason}`, {
        cause: error,
      });
    }
    const store = new EsdbEventStore(client, target);
    try {
      await store.lastPosition();
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision, condition }: AppendOptions,
  ): Promise<AppendOutcome> {
    this.#ensureOpen();
    validateEsdbAppend(streamId, events, expectedRevision);
    validCondition(condition);
    if (typeof expectedRevision === 'bigint' && expectedRevision > maxUint64) {
      return concurrencyError(streamId, expectedRevision, await this.#currentRevision(streamId));
    }
    const refused =
      condition === undefined
        ? undefined
        : await this.#brokenCondition(streamId, events, expectedRevision, condition);
    if (refused !== undefined) return refused;
    let result: AppendResult;
    try {
      result = await this.#client.appendToStream(streamId, events.map(toEventData), { expectedRevision });
    } catch (error) {
      if (clientErrorType(error) === ErrorType.WRONG_EXPECTED_VERSION) {
        const { actualVersion } = error as WrongExpectedVersionError;
        return concurrencyError(
          streamId,
          expectedRevision,
          actualVersion === 'no_stream' ? undefined : actualVersion,
        );
      }
      throw this.#failure(error);
    }
    // A retry that EventStoreDB recognized (the same ids after the expected revision) comes back without a
    // position: the one extra read happens only then.
    const lastPosition =
      result.position?.commit ?? (await this.#positionAt(streamId, result.nextExpectedRevision));
    return { _tag: 'Appended', nextExpectedRevision: result.nextExpectedRevision, lastPosition };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.#ensureOpen();
    const backwards = options.direction === 'backwards';
    if (!backwards && options.direction !== undefined && options.direction !== 'forwards') {
      throw new EventStoreFailure('invalid_argument', `direction must be 'forwards' or 'backwards'`);
    }
    const from = validBound(options.from, 'from');
    const to = validBound(options.to, 'to');
    let remaining = validCount(options.maxCount);
    if (remaining === 0 || (!backwards && from !== undefined && from > maxUint64)) return;
    const read = this.#client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from === undefined || from > maxUint64 ? (backwards ? END : START) : from,
      ...(Number.isFinite(remaining) ? { maxCount: remaining } : {}),
    });
    for await (const resolved of this.#iterate(read)) {
      const event = this.#ours(resolved);
      const pastTheEnd =
        to !== undefined && (backwards ? event.streamRevision < to : event.streamRevision > to);
      if (pastTheEnd) return;
      yield event;
      if (--remaining === 0) return;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.#ensureOpen();
    const after = validBound(options.after, 'after');
    const to = validBound(options.to, 'to');
    const filter = validFilter(options.filter);
    let remaining = validCount(options.maxCount);
    if (remaining === 0) return;
    const fromPosition = await this.#startAfter(after);
    if (fromPosition === undefined) return;
    // Client 6.2.1 reads $all without a server-side filter: the filter applies here.
    for await (const resolved of this.#iterate(this.#client.readAll({ fromPosition, direction: FORWARDS }))) {
      const unwrapped = fromResolved(resolved);
      if (unwrapped?.kind !== 'ours') continue;
      const { event } = unwrapped;
      if (after !== undefined && event.globalPosition <= after) continue;
      if (to !== undefined && event.globalPosition > to) return;
      if (!passes(filter, event)) continue;
      yield event;
      if (--remaining === 0) return;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.#ensureOpen();
    const after = validBound(options.after, 'after');
    const filter = validFilter(options.filter);
    const subscription = new EsdbSubscription({
      open: async () => {
        const fromPosition = (await this.#startAfter(after)) ?? END;
        return this.#client.subscribeToAll({ fromPosition, filter: serverFilter(filter) });
      },
      accept: (resolved) => {
        const unwrapped = fromResolved(resolved);
        if (unwrapped?.kind !== 'ours') return undefined;
        const { event } = unwrapped;
        const isNew = after === undefined || event.globalPosition > after;
        return isNew && passes(filter, event) ? event : undefined;
      },
      failure: (error) => this.#failure(error),
      ended: () => this.#subscriptions.delete(subscription),
    });
    this.#subscriptions.add(subscription);
    return subscription;
  }

  /** The commit position of the last record in `$all`, system records included. */
  async lastPosition(): Promise<bigint | undefined> {
    this.#ensureOpen();
    const read = this.#client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    for await (const resolved of this.#iterate(read)) return resolved.event?.position.commit;
    return undefined;
  }

  async streamExists(streamId: string): Promise<boolean> {
    this.#ensureOpen();
    for await (const _ of this.#iterate(this.#client.readStream(streamId, { maxCount: 1 }))) return true;
    return false;
  }

  /**
   * EventStoreDB keeps no index by event id that its clients can ask: this reads the stream, when given, or
   * else the log, until it finds the id (see README.md).
   */
  async readEvent(eventId: string, options: ReadEventOptions = {}): Promise<RecordedEvent | undefined> {
    const events = options.streamId === undefined ? this.readAll() : this.readStream(options.streamId);
    for await (const event of events) if (event.eventId === eventId) return event;
    return undefined;
  }

  /** Ends every subscription and the client's connections; idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()));
    await this.#client.dispose();
  }

  /**
   * Where to start reading `$all` to get what lies strictly after `after`: from the start, from the event at
   * `after` (skipped by the caller), or nowhere when `after` lies at or beyond the last record, since
   * EventStoreDB refuses to read from a position where no record starts.
   */
  async #startAfter(after: bigint | undefined): Promise<ReadPosition | undefined> {
    if (after === undefined || after === 0n) return START;
    const last = await this.lastPosition();
    return last !== undefined && after <= last ? positionOf(after) : undefined;
  }

  /**
   * EventStoreDB has no condition across streams, so this is check-then-append: the first event after the
   * condition's position that matches it, read before the append (a revision mismatch is reported first,
   * as the other stores do). An event appended between this read and the append is not seen (README.md).
   */
  async #brokenCondition(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: AppendOptions['expectedRevision'],
    condition: AppendCondition,
  ): Promise<AppendOutcome | undefined> {
    let changed: ConsistencyConflict | undefined;
    for await (const event of this.readAll(condition.after === undefined ? {} : { after: condition.after })) {
      if (!matchesCondition(condition, event)) continue;
      changed = consistencyConflict(streamId, condition.after, event);
      break;
    }
    if (changed === undefined) return undefined;
    // Ids come before the condition, as in every store: a retry of an append that landed is left to the
    // server, which recognizes it and answers with the first outcome, whatever changed since.
    if (await this.#recordedAfter(streamId, expectedRevision, events[0]?.eventId)) return undefined;
    const current = await this.#currentRevision(streamId);
    return matchesExpectedRevision(expectedRevision, current)
      ? changed
      : concurrencyError(streamId, expectedRevision, current);
  }

  /** Whether `eventId` is recorded in the stream after the expected revision (anywhere for `any`/`stream_exists`). */
  async #recordedAfter(
    streamId: string,
    expectedRevision: AppendOptions['expectedRevision'],
    eventId: string | undefined,
  ): Promise<boolean> {
    if (eventId === undefined) return false;
    const from = typeof expectedRevision === 'bigint' ? expectedRevision + 1n : 0n;
    for await (const event of this.readStream(streamId, { from })) if (event.eventId === eventId) return true;
    return false;
  }

  async #currentRevision(streamId: string): Promise<CurrentRevision> {
    const read = this.#client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    for await (const resolved of this.#iterate(read)) return resolved.event?.revision;
    return undefined;
  }

  async #positionAt(streamId: string, revision: bigint): Promise<bigint> {
    const read = this.#client.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    for await (const resolved of this.#iterate(read)) return this.#ours(resolved).globalPosition;
    throw new Error(`EventStoreDB reported '${streamId}' at revision ${revision}, but has no event there`);
  }

  /** Our event, or a failure that says why this stream holds something else. */
  #ours(resolved: ResolvedEvent): RecordedEvent {
    const unwrapped = fromResolved(resolved);
    if (unwrapped?.kind === 'ours') return unwrapped.event;
    const at =
      unwrapped === undefined ? 'a link' : `'${unwrapped.streamId}' at revision ${unwrapped.revision}`;
    throw new EventStoreFailure(
      'not_an_event_store',
      unwrapped?.kind === 'no_position'
        ? `${this.#target.description} gave no $all position for the event in stream ${at}: ` +
            'styring needs EventStoreDB 22.6 or later'
        : `${this.#target.description} holds an event that styring did not write, in stream ${at}`,
    );
  }

  /**
   * Iterates what the client reads, turning its errors into EventStoreFailures; a missing stream reads as
   * empty. Stopping early cancels the read on the server and drains what it had already sent: a read left
   * half-consumed would never end, and the client's dispose() would wait for it forever.
   */
  async *#iterate<T>(read: StreamingRead<T>): AsyncGenerator<T> {
    let finished = false;
    try {
      for await (const item of read.iterator({ destroyOnReturn: false })) yield item as T;
      finished = true;
    } catch (error) {
      finished = true;
      if (clientErrorType(error) === ErrorType.STREAM_NOT_FOUND) return;
      throw this.#failure(error);
    } finally {
      if (!finished) {
        await read.cancel();
        read.resume();
      }
    }
  }

  #failure(error: unknown): unknown {
    return this.#closed
      ? new EventStoreFailure('closed', 'the EventStoreDB event store was closed during the request', {
          cause: error,
        })
      : toStoreFailure(error, this.#target);
  }

  #ensureOpen() {
    if (this.#closed) throw new EventStoreFailure('closed', 'the EventStoreDB event store is closed');
  }
}

/** Connects to EventStoreDB and returns the event store on it. */
export const openEsdbEventStore = (options: EsdbEventStoreOptions): Promise<EsdbEventStore> =>
  EsdbEventStore.open(options);
