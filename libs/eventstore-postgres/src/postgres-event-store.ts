import { Pool, type PoolClient, type PoolConfig } from 'pg';
import {
  type AllFilter,
  type AppendCondition,
  type AppendOptions,
  type AppendOutcome,
  type Clock,
  type EventStore,
  EventStoreFailure,
  type ExpectedRevision,
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
  concurrencyError,
  consistencyConflict,
  isEventStoreFailure,
  resolveEventIdReuse,
  validateAppend,
  validBound,
  validCondition,
  validCount,
  validFilter,
} from '@styring/eventstore';
import { AppendNotifier } from './append-notifier';
import { AppendPipeline } from './append-pipeline';
import { describeServer, isRecordedEventId, type ServerDescription, toStoreFailure } from './errors';
import { eventLogMigrations } from './event-log-migrations';
import { LiveSubscription } from './live-subscription';
import { migrate } from './migrations';
import { type RecordedRow, recordedColumns, toRecordedEvent } from './recorded-rows';
import { type SchemaNames, schemaNames } from './schema-names';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:port/database`, or `pg` pool options (`max`, `ssl`, …). */
  readonly connection: string | PoolConfig;
  /** The PostgreSQL schema that holds the store's tables; created and migrated on open. Default `styring`. */
  readonly schema?: string;
  /** Where `recordedAt` comes from; by default the database server's clock when the append commits. */
  readonly clock?: Clock;
  /** How often live subscriptions look for new events when no notification arrives (default 500 ms). */
  readonly pollIntervalMs?: number;
  /** Events fetched per query when reading (default 1000). */
  readonly readBatchSize?: number;
}

/** The largest value of PostgreSQL's `bigint`: no revision or position lies beyond it. */
const maxBigint = 2n ** 63n - 1n;
const clamp = (value: bigint) => (value > maxBigint ? maxBigint : value < 0n ? 0n : value);
const min = (...values: bigint[]) => values.reduce((least, value) => (value < least ? value : least));

/** `LIKE` patterns that match strings starting with each prefix, taken literally. */
const likePrefixes = (prefixes: readonly string[]) => prefixes.map((p) => `${p.replace(/[\\%_]/g, '\\$&')}%`);

/** An append checked and waiting to be sent. */
interface PendingAppend {
  readonly streamId: string;
  readonly serialized: readonly SerializedEvent[];
  readonly expectedRevision: ExpectedRevision;
  readonly condition: AppendCondition | undefined;
  readonly recordedAt: Date | null;
}

/** A revision beyond bigint cannot be the stream's: '-1' never matches, and the conflict says so. */
const expectedText = (expected: ExpectedRevision) =>
  typeof expected === 'bigint' && expected > maxBigint ? '-1' : String(expected);

/** The condition's position as text; a position beyond bigint, after which nothing can have been appended. */
const afterText = (condition: AppendCondition | undefined) =>
  condition?.after === undefined ? null : String(clamp(condition.after));

interface AppendRow {
  readonly outcome: 'appended' | 'conflict' | 'duplicate' | 'inconsistent';
  readonly revision: string | null;
  readonly position: string | null;
}

/**
 * The event store on PostgreSQL. Open it with `openPostgresEventStore`; see README.md for how positions stay
 * gapless in commit order, how subscriptions wake up, and how projections commit with their checkpoints.
 */
export class PostgresEventStore implements EventStore, SnapshotStore {
  readonly #pool: Pool;
  readonly #names: SchemaNames;
  readonly #server: ServerDescription;
  readonly #notifier: AppendNotifier;
  readonly #clock: Clock | undefined;
  readonly #pollIntervalMs: number;
  readonly #batchSize: number;
  readonly #subscriptions = new Set<LiveSubscription>();
  readonly #pipeline = new AppendPipeline<PendingAppend, AppendRow>((appends) =>
    appends.length === 1 ? this.#appendOne(appends[0]!).then((row) => [row]) : this.#appendGroup(appends),
  );
  #closed = false;

  private constructor(config: PoolConfig, names: SchemaNames, options: PostgresEventStoreOptions) {
    this.#server = describeServer(config);
    this.#pool = new Pool(config);
    // An idle pooled connection that breaks (a server restart) is discarded by the pool; without this
    // listener Node would treat the error as unhandled and end the process.
    this.#pool.on('error', () => undefined);
    this.#names = names;
    this.#notifier = new AppendNotifier(config, names.channel.quoted);
    this.#clock = options.clock;
    this.#pollIntervalMs = options.pollIntervalMs ?? 500;
    this.#batchSize = options.readBatchSize ?? 1000;
  }

  /** Connects, creates or migrates the schema, and returns the store; fails with a clear EventStoreFailure. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const config: PoolConfig =
      typeof options.connection === 'string' ? { connectionString: options.connection } : options.connection;
    const store = new PostgresEventStore(config, schemaNames(options.schema ?? 'styring'), options);
    try {
      await store.#withClient((client) => migrate(client, store.#names, 'event_log', eventLogMigrations));
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  /** The connection pool, for queries of your own (e.g. read models next to the events). */
  get pool(): Pool {
    return this.#pool;
  }

  /** The schema that holds the event log (and, if opened there, the projection checkpoints). */
  get schema(): string {
    return this.#names.schema;
  }

  /**
   * Runs `work` in one transaction on one pooled connection: commits when it resolves, rolls back when it
   * throws. Projections put their read-model updates and their checkpoint (PostgresCheckpointStore) in the
   * same call, so that both are stored or neither is.
   */
  async withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.#withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision, condition }: AppendOptions,
  ): Promise<AppendOutcome> {
    this.#ensureOpen();
    const serialized = validateAppend(streamId, events, expectedRevision);
    validCondition(condition);
    const append: PendingAppend = {
      streamId,
      serialized,
      expectedRevision,
      condition,
      recordedAt: this.#clock?.() ?? null,
    };
    // Appends made while another group is in flight are committed together (group commit).
    const row = await this.#pipeline.submit(append);
    const current = row.revision === null ? undefined : BigInt(row.revision);
    switch (row.outcome) {
      case 'appended':
        return {
          _tag: 'Appended',
          nextExpectedRevision: BigInt(row.revision!),
          lastPosition: BigInt(row.position!),
        };
      case 'conflict':
        return concurrencyError(streamId, expectedRevision, current);
      case 'inconsistent': {
        const at = BigInt(row.position!);
        const [changed] = await this.#readRange(at - 1n, at, undefined, 1);
        return consistencyConflict(streamId, condition?.after, changed!);
      }
      case 'duplicate': {
        // Some id is already recorded: a retry of the append that recorded it, or a reused id.
        const eventIds = serialized.map((event) => event.eventId);
        return resolveEventIdReuse(streamId, eventIds, expectedRevision, await this.#whereRecorded(eventIds));
      }
      default:
        throw new Error(`the append function returned no outcome for stream '${streamId}'`);
    }
  }

  /** A lone append: the append function, called directly. */
  async #appendOne(append: PendingAppend): Promise<AppendRow> {
    const rows = this.#query<AppendRow>(
      `SELECT outcome, revision::text AS revision, "position"::text AS "position"
       FROM ${this.#names.appendFunction}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        append.streamId,
        expectedText(append.expectedRevision),
        append.serialized.map((event) => event.eventId),
        append.serialized.map((event) => event.type),
        append.serialized.map((event) => event.schemaVersion),
        append.serialized.map((event) => event.data),
        append.serialized.map((event) => event.metadata),
        append.recordedAt,
        afterText(append.condition),
        append.condition === undefined ? null : JSON.stringify(append.condition.failIfEventsMatch),
      ],
    );
    // A recorded id stops the insert at the unique index: a 'duplicate', like one found before inserting.
    const [row] = await rows.catch((error: unknown): AppendRow[] => {
      if (!isRecordedEventId(error)) throw error;
      return [{ outcome: 'duplicate', revision: null, position: null }];
    });
    if (row === undefined)
      throw new Error(`the append function returned no outcome for '${append.streamId}'`);
    return row;
  }

  /** Several appends in one statement, one transaction and one commit; each checked on its own. */
  async #appendGroup(appends: readonly PendingAppend[]): Promise<AppendRow[]> {
    const rows = await this.#query<AppendRow & { n: number }>(
      `SELECT n, outcome, revision::text AS revision, "position"::text AS "position"
       FROM ${this.#names.appendGroupFunction}($1) ORDER BY n`,
      [
        JSON.stringify(
          appends.map((append) => ({
            streamId: append.streamId,
            expected: expectedText(append.expectedRevision),
            eventIds: append.serialized.map((event) => event.eventId),
            types: append.serialized.map((event) => event.type),
            schemaVersions: append.serialized.map((event) => event.schemaVersion),
            data: append.serialized.map((event) => event.data),
            metadata: append.serialized.map((event) => event.metadata),
            recordedAt: append.recordedAt?.toISOString(),
            conditionAfter: afterText(append.condition) ?? undefined,
            condition: append.condition?.failIfEventsMatch,
          })),
        ),
      ],
    );
    if (rows.length !== appends.length) {
      throw new Error(`the group append function answered ${rows.length} of ${appends.length} appends`);
    }
    return rows;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.#ensureOpen();
    const backwards = options.direction === 'backwards';
    if (!backwards && options.direction !== undefined && options.direction !== 'forwards') {
      throw new EventStoreFailure('invalid_argument', `direction must be 'forwards' or 'backwards'`);
    }
    const from = validBound(options.from, 'from');
    const to = validBound(options.to, 'to');
    const low = clamp(backwards ? (to ?? 0n) : (from ?? 0n));
    const high = clamp(backwards ? (from ?? maxBigint) : (to ?? maxBigint));
    let remaining = validCount(options.maxCount);
    const read = async (window: { low: bigint; high: bigint }) =>
      remaining === 0 || window.low > window.high
        ? undefined
        : this.#readStreamWindow(streamId, window, backwards, Math.min(this.#batchSize, remaining));
    // While the caller works through one page, the next is already being read.
    let next = read({ low, high });
    try {
      for (let page = await next; page !== undefined; page = await next) {
        const last = page.events.at(-1);
        remaining -= page.events.length;
        // Revisions are dense: a page shorter than asked for is the end of the stream or of the range.
        next =
          last === undefined || page.events.length < page.limit
            ? Promise.resolve(undefined)
            : read(
                backwards ? { low, high: last.streamRevision - 1n } : { low: last.streamRevision + 1n, high },
              );
        yield* page.events;
      }
    } finally {
      next.catch(() => undefined);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.#ensureOpen();
    const after = clamp(validBound(options.after, 'after') ?? 0n);
    const to = clamp(validBound(options.to, 'to') ?? maxBigint);
    const filter = validFilter(options.filter);
    let remaining = validCount(options.maxCount);
    if (remaining === 0) return;
    for await (const page of this.#pages(after, to, filter, Math.min(this.#batchSize, remaining))) {
      for (const event of page) {
        yield event;
        if (--remaining === 0) return;
      }
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.#ensureOpen();
    const filter = validFilter(options.filter);
    let head = 0n;
    const subscription = new LiveSubscription(
      {
        readPage: async (after) => {
          if (after >= head) head = await this.#head();
          const end = min(head, after + BigInt(this.#batchSize));
          if (end <= after) return { events: [], scannedTo: after };
          return {
            events: await this.#readRange(after, end, filter, this.#batchSize),
            scannedTo: end,
          };
        },
        onAppend: (listener) => this.#notifier.listen(listener),
        pollIntervalMs: this.#pollIntervalMs,
        ended: () => this.#subscriptions.delete(subscription),
      },
      clamp(validBound(options.after, 'after') ?? 0n),
    );
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async streamExists(streamId: string): Promise<boolean> {
    this.#ensureOpen();
    const rows = await this.#query(`SELECT 1 FROM ${this.#names.events} WHERE stream_id = $1 LIMIT 1`, [
      streamId,
    ]);
    return rows.length > 0;
  }

  async lastPosition(): Promise<bigint | undefined> {
    this.#ensureOpen();
    const [row] = await this.#query<{ position: string | null }>(
      `SELECT max(global_position)::text AS position FROM ${this.#names.events}`,
      [],
    );
    return row?.position == null ? undefined : BigInt(row.position);
  }

  /** By the unique index on `event_id`. */
  async readEvent(eventId: string, options: ReadEventOptions = {}): Promise<RecordedEvent | undefined> {
    const [row] = await this.#readRows(
      `SELECT ${recordedColumns} FROM ${this.#names.events} e
       WHERE e.event_id = $1 AND ($2::text IS NULL OR e.stream_id = $2)`,
      [eventId, options.streamId ?? null],
    );
    return row === undefined ? undefined : toRecordedEvent(row);
  }

  async readSnapshot(name: string): Promise<Snapshot | undefined> {
    const [row] = await this.#query<{ version: string; position: string; state: Buffer }>(
      `SELECT version, "position"::text AS "position", state FROM ${this.#names.snapshots} WHERE name = $1`,
      [name],
    );
    return row === undefined ? undefined : { ...row, position: BigInt(row.position) };
  }

  async writeSnapshot(name: string, { version, position, state }: Snapshot): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#names.snapshots} (name, version, "position", state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE
       SET version = excluded.version, "position" = excluded."position", state = excluded.state,
         written_at = clock_timestamp()`,
      [name, version, position.toString(), Buffer.from(state)],
    );
  }

  /** Ends every subscription, then the pool; idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()));
    await this.#notifier.close();
    await this.#pool.end();
  }

  /** A pooled connection for `work`, released afterwards (destroyed when the work broke it). */
  async #withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    this.#ensureOpen();
    let client: PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw toStoreFailure(error, this.#server);
    }
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      const failure = toStoreFailure(error, this.#server);
      if (isEventStoreFailure(failure) && failure.code === 'unavailable' && error instanceof Error)
        broken = error;
      throw failure;
    } finally {
      client.release(broken);
    }
  }

  /**
   * The events in (after, to] that pass the filter, page by page, each page at most `limit`. While the
   * caller works through one page, the next is already being read.
   */
  async *#pages(after: bigint, to: bigint, filter: AllFilter | undefined, limit: number) {
    let head = 0n;
    const read = async (from: bigint) => {
      if (from >= head) head = await this.#head();
      const end = min(to, head, from + BigInt(this.#batchSize));
      return end <= from ? undefined : { events: await this.#readRange(from, end, filter, limit), end };
    };
    let next = read(after);
    try {
      for (let page = await next; page !== undefined; page = await next) {
        next = read(page.events.length === limit ? page.events.at(-1)!.globalPosition : page.end);
        yield page.events;
      }
    } finally {
      next.catch(() => undefined);
    }
  }

  /** Where each of these event ids is recorded (ids not in the log are left out). */
  async #whereRecorded(eventIds: readonly string[]): Promise<RecordedEventId[]> {
    const rows = await this.#query<{
      event_id: string;
      stream_id: string;
      revision: string;
      position: string;
    }>(
      `SELECT event_id, stream_id, stream_revision::text AS revision, global_position::text AS "position"
       FROM ${this.#names.events} WHERE event_id = ANY ($1)`,
      [eventIds],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      streamId: row.stream_id,
      streamRevision: BigInt(row.revision),
      globalPosition: BigInt(row.position),
    }));
  }

  /**
   * At most `limit` events of a stream with revisions in [low, high], in order. The query asks for a window of
   * `limit` revisions, not for `limit` rows of the whole range: revisions are dense, so the window holds
   * exactly the page, and the plan stays small even while the table's statistics still describe an empty
   * table (a plan that fetched every event of a long stream, then sorted, made each page read it all).
   * Backwards, the window ends at the stream's last revision, found in the same statement.
   */
  async #readStreamWindow(
    streamId: string,
    { low, high }: { low: bigint; high: bigint },
    backwards: boolean,
    limit: number,
  ) {
    const size = BigInt(limit);
    const rows = backwards
      ? await this.#readRows(
          `SELECT ${recordedColumns} FROM ${this.#names.events} e,
             (SELECT least($3::bigint, max(s.stream_revision)) AS top FROM ${this.#names.events} s
              WHERE s.stream_id = $1) last
           WHERE e.stream_id = $1 AND e.stream_revision BETWEEN greatest($2::bigint, last.top - $4 + 1) AND last.top
           ORDER BY e.stream_revision DESC LIMIT $4`,
          [streamId, low, high, limit],
        )
      : await this.#readRows(
          `SELECT ${recordedColumns} FROM ${this.#names.events} e
           WHERE e.stream_id = $1 AND e.stream_revision BETWEEN $2 AND $3
           ORDER BY e.stream_revision LIMIT $4`,
          [streamId, low, min(high, low + size - 1n), limit],
        );
    return { events: rows.map(toRecordedEvent), limit };
  }

  /**
   * The log's last position. Positions are handed out in commit order, so everything up to it has committed
   * and every later query sees it: reads go up to the head they saw, in windows, and never skip an event.
   */
  async #head(): Promise<bigint> {
    const [row] = await this.#query<{ head: string }>(
      `SELECT coalesce(max(global_position), 0)::text AS head FROM ${this.#names.events}`,
      [],
    );
    return BigInt(row!.head);
  }

  /**
   * Events in the window (after, end] that pass the filter, in order, at most `limit`. Bounded windows keep
   * every plan small, even while the table's statistics still describe an empty table.
   */
  async #readRange(after: bigint, end: bigint, filter: AllFilter | undefined, limit: number) {
    const params: unknown[] = [after, end, limit];
    const conditions = ['e.global_position > $1', 'e.global_position <= $2'];
    if (filter?.eventTypes !== undefined) {
      params.push(filter.eventTypes);
      conditions.push(`e.type = ANY ($${params.length}::text[])`);
    }
    if (filter?.streamPrefixes !== undefined) {
      params.push(likePrefixes(filter.streamPrefixes));
      conditions.push(`e.stream_id LIKE ANY ($${params.length}::text[])`);
    }
    const rows = await this.#readRows(
      `SELECT ${recordedColumns} FROM ${this.#names.events} e
       WHERE ${conditions.join(' AND ')} ORDER BY e.global_position LIMIT $3`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  /** Events as rows in array mode (see recorded-rows.ts). */
  async #readRows(text: string, params: unknown[]): Promise<RecordedRow[]> {
    this.#ensureOpen();
    try {
      return (await this.#pool.query<RecordedRow>({ text, values: params, rowMode: 'array' })).rows;
    } catch (error) {
      throw this.#queryFailure(error);
    }
  }

  async #query<Row extends object>(text: string, params: unknown[]): Promise<Row[]> {
    this.#ensureOpen();
    try {
      return (await this.#pool.query<Row & Record<string, unknown>>(text, params)).rows;
    } catch (error) {
      throw this.#queryFailure(error);
    }
  }

  #queryFailure(error: unknown): unknown {
    return this.#closed
      ? new EventStoreFailure('closed', 'the PostgreSQL event store was closed during the query', {
          cause: error,
        })
      : toStoreFailure(error, this.#server);
  }

  #ensureOpen() {
    if (this.#closed) throw new EventStoreFailure('closed', 'the PostgreSQL event store is closed');
  }
}

/** Opens (and creates or migrates) the event store in a PostgreSQL database. */
export const openPostgresEventStore = (options: PostgresEventStoreOptions): Promise<PostgresEventStore> =>
  PostgresEventStore.open(options);
