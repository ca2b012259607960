import type Database from 'better-sqlite3';
import {
  type AllFilter,
  type AppendCondition,
  type AppendOptions,
  type AppendOutcome,
  type Clock,
  concurrencyError,
  consistencyConflict,
  EventStoreFailure,
  type EventStore,
  type ExpectedRevision,
  matchesExpectedRevision,
  resolveEventIdReuse,
  type NewEvent,
  type ReadAllOptions,
  type ReadEventOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type RecordedEventId,
  type SerializedEvent,
  type Snapshot,
  type SnapshotStore,
  type SubscribeOptions,
  type Subscription,
  validateAppend,
  validCondition,
  validCount,
  validFilter,
} from '@styring/eventstore';
import { signalAppend, signalKey } from './append-signal';
import { EventIdIndex } from './event-id-index';
import { GroupCommit, type Settled } from './group-commit';
import { type EventRow, toRecordedEvent } from './event-row';
import { openDatabase } from './open-database';
import { PollingSubscription } from './polling-subscription';
import { toEventStoreFailure } from './sqlite-failure';
import { SnapshotTable } from './snapshot-table';
import { prepareStatements, type Statements } from './statements';
import { bigintBound, MAX_INT64 } from './validate-read';

export interface SqliteEventStoreOptions {
  /** The database file; created with the schema when missing. */
  readonly file: string;
  /** When events are recorded (`recordedAt`); the system clock by default. */
  readonly clock?: Clock;
  /** How long to wait for another connection's write lock before failing with `locked` (default 5000). */
  readonly busyTimeoutMs?: number;
  /** How often a live subscription looks for other processes' appends (default 50 ms). */
  readonly pollIntervalMs?: number;
}

/** The embedded event store, plus what read models that live in the same file need. */
export interface SqliteEventStore extends EventStore, SnapshotStore {
  readonly file: string;
  /**
   * A new connection to the same file, configured like the store's own (WAL, `synchronous = FULL`, busy
   * timeout, integers read as bigint): for read models and checkpoints kept in this file. Run your
   * transactions on it with `BEGIN IMMEDIATE`; the caller closes it.
   */
  openConnection(): Database.Database;
}

const PAGE_SIZE = 1000;

/** An append checked and waiting for the group commit. */
interface PendingAppend {
  readonly streamId: string;
  readonly rows: readonly SerializedEvent[];
  readonly expected: ExpectedRevision;
  readonly condition: AppendCondition | undefined;
  readonly recordedAt: string;
}

class SqliteStore implements SqliteEventStore {
  readonly #db: Database.Database;
  readonly #statements: Statements;
  readonly #eventIds: EventIdIndex;
  readonly #snapshots: SnapshotTable;
  readonly #signalKey: string;
  readonly #clock: Clock;
  readonly #busyTimeoutMs: number;
  readonly #pollIntervalMs: number;
  readonly #subscriptions = new Set<PollingSubscription>();
  readonly #appendInTransaction: Database.Transaction<(append: PendingAppend) => AppendOutcome>;
  readonly #group: GroupCommit<PendingAppend, AppendOutcome>;
  #closed = false;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions,
  ) {
    this.#busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    this.#pollIntervalMs = options.pollIntervalMs ?? 50;
    this.#clock = options.clock ?? (() => new Date());
    this.#db = openDatabase(file, this.#busyTimeoutMs);
    this.#statements = prepareStatements(this.#db);
    this.#eventIds = new EventIdIndex(this.#statements);
    this.#snapshots = new SnapshotTable(this.#db);
    this.#signalKey = signalKey(file);
    this.#appendInTransaction = this.#db.transaction(this.#append.bind(this));
    const commitGroup = this.#db.transaction((appends: readonly PendingAppend[]) =>
      appends.map((append) => this.#appendInSavepoint(append)),
    );
    // IMMEDIATE: take the write lock before reading any revision and checking any condition, so no other
    // writer slips in between.
    this.#group = new GroupCommit((appends) => {
      try {
        const settled = this.#guard(() => commitGroup.immediate(appends));
        if (settled.some((one) => one.ok && one.result._tag === 'Appended')) signalAppend(this.#signalKey);
        return settled;
      } catch (error) {
        this.#eventIds.forget();
        throw error;
      }
    });
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendOutcome> {
    const expected = options.expectedRevision;
    const rows = validateAppend(streamId, events, expected);
    const condition = validCondition(options.condition);
    this.#assertOpen();
    const recordedAt = this.#clock().toISOString();
    // Appends made while this turn of the event loop runs are committed together (group commit).
    return this.#group.submit({ streamId, rows, expected, condition, recordedAt });
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    if (!backwards && options.direction !== undefined && options.direction !== 'forwards') {
      throw new EventStoreFailure('invalid_argument', `direction must be 'forwards' or 'backwards'`);
    }
    let from = bigintBound(options.from, 'from') ?? (backwards ? MAX_INT64 : 0n);
    const to = bigintBound(options.to, 'to') ?? (backwards ? 0n : MAX_INT64);
    let remaining = validCount(options.maxCount);
    const statement = backwards ? this.#statements.streamBackwards : this.#statements.streamForwards;
    while (remaining > 0 && from <= MAX_INT64) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const rows = this.#guard(() => statement.all(streamId, from, to, limit) as EventRow[]);
      for (const row of rows) yield toRecordedEvent(row);
      const last = rows[rows.length - 1];
      if (rows.length < limit || last === undefined || (backwards && last[2] === 0n)) return;
      from = backwards ? last[2] - 1n : last[2] + 1n;
      remaining -= rows.length;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    let after = bigintBound(options.after, 'after') ?? -1n;
    const to = bigintBound(options.to, 'to') ?? MAX_INT64;
    const filter = validFilter(options.filter);
    let remaining = validCount(options.maxCount);
    while (remaining > 0 && after < MAX_INT64) {
      const page = this.#readAllPage(after, to, filter, Math.min(PAGE_SIZE, remaining));
      for (const event of page) yield event;
      const last = page[page.length - 1];
      if (page.length < Math.min(PAGE_SIZE, remaining) || last === undefined) return;
      after = last.globalPosition;
      remaining -= page.length;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.#assertOpen();
    const after = bigintBound(options.after, 'after') ?? -1n;
    const filter = validFilter(options.filter);
    const subscription = new PollingSubscription(
      {
        readPage: (from) => this.#readAllPage(from, MAX_INT64, filter, PAGE_SIZE),
        pageSize: PAGE_SIZE,
        signalKey: this.#signalKey,
        pollIntervalMs: this.#pollIntervalMs,
      },
      after,
      (closed) => this.#subscriptions.delete(closed),
    );
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async streamExists(streamId: string): Promise<boolean> {
    return this.#guard(() => this.#statements.streamExists.get(streamId) !== undefined);
  }

  async lastPosition(): Promise<bigint | undefined> {
    return this.#guard(() => (this.#statements.lastPosition.get() as bigint | null) ?? undefined);
  }

  async readEvent(eventId: string, options: ReadEventOptions = {}): Promise<RecordedEvent | undefined> {
    const { streamId } = options;
    const row = this.#guard(
      () =>
        (streamId === undefined
          ? this.#statements.eventById.get(eventId)
          : this.#statements.eventInStreamById.get(streamId, eventId)) as EventRow | undefined,
    );
    return row === undefined ? undefined : toRecordedEvent(row);
  }

  async readSnapshot(name: string): Promise<Snapshot | undefined> {
    return this.#guard(() => this.#snapshots.read(name));
  }

  async writeSnapshot(name: string, snapshot: Snapshot): Promise<void> {
    this.#guard(() => this.#snapshots.write(name, snapshot));
  }

  openConnection(): Database.Database {
    this.#assertOpen();
    return openDatabase(this.file, this.#busyTimeoutMs);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#group.flush();
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()));
    this.#db.close();
  }

  /** One append of a group, in a savepoint of the group's transaction: when it throws, only it is undone. */
  #appendInSavepoint(append: PendingAppend): Settled<AppendOutcome> {
    try {
      return { ok: true, result: this.#appendInTransaction(append) };
    } catch (error) {
      return { ok: false, error: toEventStoreFailure(error, this.file, this.#busyTimeoutMs) };
    }
  }

  /**
   * Runs inside the group's `BEGIN IMMEDIATE`, after the appends before it in the group: checks the event
   * ids (see `resolveEventIdReuse`), then the revision, then the condition, then inserts every event, or
   * nothing.
   */
  #append({ streamId, rows, expected, condition, recordedAt }: PendingAppend): AppendOutcome {
    const eventIds = rows.map((row) => row.eventId);
    const recorded = this.#eventIds.whereRecorded(streamId, eventIds);
    if (recorded.length > 0) return resolveEventIdReuse(streamId, eventIds, expected, recorded);
    const current = this.#statements.lastRevision.get(streamId) as bigint | undefined;
    if (!matchesExpectedRevision(expected, current)) return concurrencyError(streamId, expected, current);
    const changed = condition === undefined ? undefined : this.#firstMatch(condition);
    if (changed !== undefined) return consistencyConflict(streamId, condition?.after, changed);
    let revision = current ?? -1n;
    let position = 0n;
    const appended: RecordedEventId[] = [];
    for (const row of rows) {
      revision += 1n;
      const inserted = this.#statements.insert.run(
        streamId,
        revision,
        row.eventId,
        row.type,
        row.schemaVersion,
        row.data,
        row.metadata,
        recordedAt,
      );
      position = inserted.lastInsertRowid as bigint;
      appended.push({ eventId: row.eventId, streamId, streamRevision: revision, globalPosition: position });
    }
    this.#eventIds.appended(streamId, appended);
    return { _tag: 'Appended', nextExpectedRevision: revision, lastPosition: position };
  }

  /** The first event after the condition's position that matches its query (OR over its items). */
  #firstMatch(condition: AppendCondition): RecordedEvent | undefined {
    const { statement, parameters } = this.#statements.firstMatch(condition.failIfEventsMatch);
    const row = statement.get(condition.after ?? -1n, ...parameters) as EventRow | undefined;
    return row === undefined ? undefined : toRecordedEvent(row);
  }

  #readAllPage(after: bigint, to: bigint, filter: AllFilter | undefined, limit: number) {
    const rows = this.#guard(() => {
      const { statement, filterParameters } = this.#statements.all(filter);
      return statement.all(after, to, ...filterParameters, limit) as EventRow[];
    });
    return rows.map(toRecordedEvent);
  }

  #assertOpen() {
    if (this.#closed) throw new EventStoreFailure('closed', `the event store on ${this.file} is closed`);
  }

  /** Runs database work on an open store, turning driver errors into `EventStoreFailure`s. */
  #guard<T>(work: () => T): T {
    this.#assertOpen();
    try {
      return work();
    } catch (error) {
      throw toEventStoreFailure(error, this.file, this.#busyTimeoutMs);
    }
  }
}

/**
 * Opens the embedded event store on a SQLite file (see the README for the schema, durability and errors).
 * Throws an `EventStoreFailure` when the file is not an event store, is too new, or stays locked.
 */
export const openSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore =>
  new SqliteStore(options.file, options);
