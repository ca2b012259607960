import type {
  Checkpoint,
  EventReader,
  EventSubscriber,
  RecordedEvent,
  Subscription,
} from '@styring/eventstore';
import { batchesOf } from './batches';
import { andThen, forEachInOrder, mapInOrder, type MaybePromise } from './maybe-promise';
import type { ProjectionStore } from './projection-store';
import type { RunnerProjection } from './runner-projection';

/** How far a catch-up (or rebuild) has come: enough for a progress bar. */
export interface CatchUpProgress {
  /** Events read in this pass so far. */
  readonly done: number;
  /** Events in the log after the pass's starting point when it began; `undefined` when it cannot be counted. */
  readonly total: number | undefined;
  /** Global position of the last event applied. */
  readonly position: bigint;
  /** Projections being rebuilt from the start in this pass (new, changed `version`, or `rebuild(name)`). */
  readonly rebuilding: readonly string[];
}

export interface ProjectionRunnerOptions<Transaction> {
  /** The global log: read once per pass, whatever the number of projections. */
  readonly events: EventReader & EventSubscriber;
  readonly store: ProjectionStore<Transaction>;
  readonly projections: readonly RunnerProjection<Transaction>[];
  /** Events per transaction. Larger batches amortise commits; smaller ones hold the write lock less long. */
  readonly batchSize?: number;
  /** Counts the events after a position, so that progress can show a total. */
  readonly countEventsAfter?: (after: bigint | undefined) => Promise<number> | number;
  readonly onProgress?: (progress: CatchUpProgress) => void;
}

export const defaultBatchSize = 5_000;

/** Why a pass stopped before the end of what it read. */
type PassEnd = 'done' | 'restart' | 'stopped';

/** `a < b` on positions where `undefined` is "before the first event". */
const isBefore = (a: bigint | undefined, b: bigint | undefined): boolean =>
  b !== undefined && (a === undefined || a < b);

/**
 * Keeps projections up to date from the global log, exactly once:
 * - every batch of events is applied to the read models and the checkpoints advanced in ONE transaction,
 *   so after a crash each projection resumes right after the last batch it committed;
 * - the log is read once per pass and each event handed to every projection that has not seen it yet;
 * - a projection that is new, or whose `version` differs from its checkpoint, is reset and rebuilt.
 *
 * Checkpoints are reloaded inside each batch's transaction, so that a reset made meanwhile (by `rebuild`
 * here or by another process on the same database) is noticed: the pass restarts from the lowest
 * checkpoint rather than handing a reset projection events out of order.
 */
export class ProjectionRunner<Transaction> {
  private readonly batchSize: number;
  private readonly byName: ReadonlyMap<string, RunnerProjection<Transaction>>;
  private readonly projections: readonly RunnerProjection<Transaction>[];
  private readonly handlersByType = new Map<string, readonly RunnerProjection<Transaction>[]>();
  private lowest: bigint | undefined;
  private following: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private stopRequested = false;
  /** Passes begun so far: a catch-up that began after a reset has replayed it. */
  private passesStarted = 0;
  /** `rebuild` calls while following: a live pass must not start on a read model reset meanwhile. */
  private resets = 0;
  /**
   * Whether the projections' `caughtUp` is due at the end of the next complete catch-up: at this runner's
   * first (a rebuild may have been interrupted before it started), and after any pass that began a rebuild.
   * Not at every catch-up: a service catches up before each query, and that must stay cheap.
   */
  private finishDue = true;
  /**
   * Whether this runner's last pass got to the end of the log (at `lowest`) and nothing was reset since: a
   * catch-up that then finds nothing appended after `lowest` has nothing to do.
   */
  private upToDate = false;
  private readonly catchUpListeners = new Set<{ after: number; resolve: () => void }>();
  private readonly waiters = new Set<{ position: bigint; resolve: () => void }>();

  constructor(private readonly options: ProjectionRunnerOptions<Transaction>) {
    this.batchSize = options.batchSize ?? defaultBatchSize;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${String(options.batchSize)}`);
    }
    const byName = new Map<string, RunnerProjection<Transaction>>();
    for (const projection of options.projections) {
      if (byName.has(projection.name)) throw new Error(`two projections are named '${projection.name}'`);
      byName.set(projection.name, projection);
    }
    this.byName = byName;
    this.projections = [...byName.values()];
  }

  /** The projections' names, in the order they were given. */
  get projectionNames(): readonly string[] {
    return [...this.byName.keys()];
  }

  /** The checkpoints as stored now, one per projection (`undefined` for one that has never run). */
  async checkpoints(): Promise<ReadonlyMap<string, Checkpoint | undefined>> {
    return this.options.store.transaction((tx) =>
      andThen(
        this.loadCheckpoints(tx),
        (loaded) => new Map(this.projections.map((p, n) => [p.name, loaded[n]])),
      ),
    );
  }

  /**
   * Brings every projection to the end of the log in one pass, rebuilding those that are new or whose
   * version changed. Returns the position reached (`undefined` for an empty log).
   */
  async catchUp(): Promise<bigint | undefined> {
    if (this.following !== undefined)
      throw new Error('the runner is following the log: use waitUntil(position)');
    this.stopRequested = false;
    // A service catches up before every query: when nothing was appended since, that costs one read of the
    // log's end, not a write transaction that would wait for (and hold up) the appends.
    if (this.upToDate && !(await this.appendedAfter(this.lowest))) {
      return this.lowest;
    }
    for (;;) {
      const end = await this.pass(false);
      if (end === 'done' || end === 'stopped') return this.lowest;
    }
  }

  /**
   * Empties the named projections' read models (all of them when no name is given) and replays the whole
   * log into them in one pass.
   */
  async rebuild(...names: string[]): Promise<void> {
    const projections = (names.length === 0 ? [...this.byName.keys()] : names).map((name) => {
      const projection = this.byName.get(name);
      if (projection === undefined) {
        throw new Error(`no projection named '${name}' (known: ${[...this.byName.keys()].join(', ')})`);
      }
      return projection;
    });
    this.upToDate = false;
    await this.options.store.transaction((tx) =>
      forEachInOrder(projections, (projection) => this.reset(projection, tx)),
    );
    if (this.following === undefined) {
      await this.catchUp();
      return;
    }
    // Synchronously with the count, so that a live pass either sees it before subscribing or gets closed here.
    this.resets++;
    const resetBefore = this.passesStarted;
    const closing = this.subscription?.close();
    const following = this.following;
    await closing;
    const caughtUp = new Promise<void>((resolve) =>
      this.catchUpListeners.add({ after: resetBefore, resolve }),
    );
    await Promise.race([caughtUp, following.catch(() => undefined)]);
    if (this.following !== following) await this.catchUp();
  }

  /**
   * Catches up, then applies new events as they are committed, until `stop()`. Resolves when stopped;
   * rejects when a projection or the store fails (the batch in flight is rolled back, nothing half-applied).
   */
  follow(): Promise<void> {
    if (this.following !== undefined) throw new Error('the runner is already following the log');
    this.stopRequested = false;
    this.following = this.followLoop().finally(() => {
      this.following = undefined;
    });
    return this.following;
  }

  /** Ends `follow()` (or a catch-up) after the batch in flight has committed. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    await this.subscription?.close();
    await this.following?.catch(() => undefined);
  }

  /** Resolves once every projection has applied the log up to `position` (read-your-writes after a command). */
  waitUntil(position: bigint): Promise<void> {
    if (!isBefore(this.lowest, position)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  private async followLoop(): Promise<void> {
    while (!this.stopRequested) {
      const caughtUp = await this.pass(false);
      if (caughtUp !== 'done' || this.stopRequested) continue;
      await this.pass(true, this.lowest);
    }
  }

  /**
   * One read of the log from the lowest checkpoint: a finite `readAll` to the current end, or (live) a
   * subscription that runs until stopped. Each batch is one transaction.
   */
  private async pass(live: boolean, caughtUpTo?: bigint): Promise<PassEnd> {
    const passNumber = ++this.passesStarted;
    const resetsBefore = this.resets;
    this.upToDate = false;
    const { start, rebuilding } = await this.options.store.transaction((tx) => this.startPass(tx));
    if (rebuilding.length > 0) this.finishDue = true;
    // A live pass follows on from a catch-up; anything reset since needs a catch-up first.
    if (live && (start !== caughtUpTo || this.resets !== resetsBefore)) return 'restart';
    // stop() found no subscription to close while the checkpoints were read (an async store): do not open one.
    if (this.stopRequested) return 'stopped';
    this.lowest = start;
    const subscription = live ? this.options.events.subscribeToAll({ after: start }) : undefined;
    this.subscription = subscription;
    const total = live ? undefined : await this.options.countEventsAfter?.(start);
    const source = subscription ?? this.options.events.readAll({ after: start });
    let after = start;
    let done = 0;
    const end = async (how: PassEnd): Promise<PassEnd> => {
      // A live subscription must be closed before leaving the loop: its pending read only ends that way.
      await subscription?.close();
      if (how === 'done' && !live) {
        if (this.finishDue) await this.finishCatchUp();
        this.upToDate = true;
        this.caughtUp(passNumber);
      }
      return how;
    };
    try {
      for await (const batch of batchesOf(source, this.batchSize, { flushWhenIdle: live })) {
        await this.prepareBatch(batch);
        const applied = await this.options.store.transaction((tx) => this.apply(tx, batch, after));
        if (!applied) return await end('restart');
        after = batch[batch.length - 1]?.globalPosition;
        this.advanced(after);
        done += batch.length;
        if (!live && after !== undefined) {
          this.options.onProgress?.({ done, total, position: after, rebuilding });
        }
        if (this.stopRequested) return await end('stopped');
      }
      return await end(this.stopRequested ? 'stopped' : 'done');
    } finally {
      this.subscription = undefined;
      await subscription?.close();
    }
  }

  /** Whether the log may hold an event after `position` (`undefined`: any event at all). */
  private async appendedAfter(position: bigint | undefined): Promise<boolean> {
    const last = await this.options.events.lastPosition();
    return last !== undefined && (position === undefined || last > position);
  }

  /** Lets every projection finish what it put off until the end of the log (see `caughtUp`). */
  private async finishCatchUp(): Promise<void> {
    const finishing = this.projections.filter((projection) => projection.caughtUp !== undefined);
    if (finishing.length > 0) {
      await this.options.store.transaction((tx) =>
        forEachInOrder(finishing, (projection) => projection.caughtUp?.(tx)),
      );
    }
    this.finishDue = false;
  }

  private caughtUp(passNumber: number): void {
    for (const listener of this.catchUpListeners) {
      if (passNumber > listener.after) {
        this.catchUpListeners.delete(listener);
        listener.resolve();
      }
    }
  }

  /** Resets the projections that are new or changed; returns the lowest checkpoint, where the pass starts. */
  private startPass(tx: Transaction): MaybePromise<{ start: bigint | undefined; rebuilding: string[] }> {
    return andThen(this.loadCheckpoints(tx), (checkpoints) => {
      const rebuilding: string[] = [];
      let start: bigint | undefined;
      const stale = new Set(
        this.projections.filter((projection, n) => {
          const checkpoint = checkpoints[n];
          this.refuseNewer(projection, checkpoint);
          return checkpoint === undefined || checkpoint.version !== projection.version;
        }),
      );
      this.projections.forEach((projection, n) => {
        const position = stale.has(projection) ? undefined : checkpoints[n]?.position;
        if (position === undefined) rebuilding.push(projection.name);
        if (n === 0 || isBefore(position, start)) start = position;
      });
      return andThen(
        forEachInOrder([...stale], (projection) => this.reset(projection, tx)),
        () => ({ start, rebuilding }),
      );
    });
  }

  /** Empties a projection's read model and moves its checkpoint back to before the first event. */
  private reset(projection: RunnerProjection<Transaction>, tx: Transaction): MaybePromise<void> {
    return andThen(projection.reset(tx), () =>
      this.options.store.checkpoints.save(
        { name: projection.name, version: projection.version, position: undefined },
        tx,
      ),
    );
  }

  private loadCheckpoints(tx: Transaction): MaybePromise<(Checkpoint | undefined)[]> {
    return mapInOrder(this.projections, (projection) =>
      this.options.store.checkpoints.load(projection.name, tx),
    );
  }

  /**
   * Lets the projections read what they need from outside the read-model store for this batch, before its
   * transaction opens: the transaction then runs without awaiting when the projections and the checkpoint
   * store are synchronous.
   */
  private async prepareBatch(batch: readonly RecordedEvent[]): Promise<void> {
    for (const projection of this.projections) {
      await projection.prepare?.(batch);
    }
  }

  /**
   * Applies one batch inside `tx`: each projection gets the events after its own checkpoint that it
   * handles, and its checkpoint moves to the batch's last position. Returns false, writing nothing, when a
   * projection's checkpoint is behind where this read started (it was reset meanwhile): the pass restarts.
   * Synchronous from start to end when every projection and the checkpoint store are.
   */
  private apply(
    tx: Transaction,
    batch: readonly RecordedEvent[],
    after: bigint | undefined,
  ): MaybePromise<boolean> {
    const last = batch[batch.length - 1];
    if (last === undefined) return true;
    return andThen(this.loadCheckpoints(tx), (checkpoints) => {
      const positions = new Map<RunnerProjection<Transaction>, bigint | undefined>();
      for (const [n, projection] of this.projections.entries()) {
        const checkpoint = checkpoints[n];
        this.refuseNewer(projection, checkpoint);
        if (checkpoint === undefined || checkpoint.version !== projection.version) return false;
        if (isBefore(checkpoint.position, after)) return false;
        if (isBefore(checkpoint.position, last.globalPosition))
          positions.set(projection, checkpoint.position);
      }
      const selected = new Map<RunnerProjection<Transaction>, RecordedEvent[]>();
      for (const projection of positions.keys()) selected.set(projection, []);
      for (const event of batch) {
        for (const projection of this.handlersOf(event.type)) {
          const events = selected.get(projection);
          if (events !== undefined && isBefore(positions.get(projection), event.globalPosition))
            events.push(event);
        }
      }
      return andThen(
        forEachInOrder([...selected], ([projection, events]) =>
          andThen(events.length > 0 ? projection.handle(events, tx) : undefined, () =>
            this.options.store.checkpoints.save(
              { name: projection.name, version: projection.version, position: last.globalPosition },
              tx,
            ),
          ),
        ),
        () => true,
      );
    });
  }

  private handlersOf(type: string): readonly RunnerProjection<Transaction>[] {
    let handlers = this.handlersByType.get(type);
    if (handlers === undefined) {
      handlers = [...this.byName.values()].filter((projection) => projection.canHandle(type));
      this.handlersByType.set(type, handlers);
    }
    return handlers;
  }

  /** A database written by newer code is not ours to downgrade. */
  private refuseNewer(projection: RunnerProjection<Transaction>, checkpoint: Checkpoint | undefined): void {
    if (checkpoint !== undefined && checkpoint.version > projection.version) {
      throw new Error(
        `projection '${projection.name}' is at version ${checkpoint.version} in the database, ` +
          `newer than this code's version ${projection.version}`,
      );
    }
  }

  private advanced(position: bigint | undefined): void {
    this.lowest = position;
    for (const waiter of this.waiters) {
      if (!isBefore(position, waiter.position)) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }
}
