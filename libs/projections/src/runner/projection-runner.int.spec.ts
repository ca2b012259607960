import type Database from 'better-sqlite3';
import type { EventStore, Projection } from '@styring/eventstore';
import { newEvent, newEvents } from '@styring/eventstore-testkit';
import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { countEventsAfter } from '../sqlite/count-events';
import { sqliteProjectionStore, type SqliteTx } from '../sqlite/sqlite-projection-store';
import { temporaryDirectory } from '../testing/temporary-directory';
import { type CatchUpProgress, ProjectionRunner } from './projection-runner';

/** A read model that writes down every event it is handed, so that duplicates and gaps show. */
const seenProjection = (name: string, version = 1, types?: readonly string[]): Projection<SqliteTx> => ({
  name,
  version,
  canHandle: (type) => types === undefined || types.includes(type),
  handle: (events, db) => {
    const insert = db.prepare(`INSERT INTO ${name} (position, type) VALUES (?, ?)`);
    for (const event of events) insert.run(event.globalPosition, event.type);
  },
  reset: (db) => {
    db.exec(`DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (position INTEGER, type TEXT)`);
  },
});

/** Fails on the event of a given type, to show that a batch is all or nothing. */
const failingOn = (type: string, inner: Projection<SqliteTx>): Projection<SqliteTx> => ({
  ...inner,
  handle: (events, db) => {
    inner.handle(events, db);
    if (events.some((event) => event.type === type)) throw new Error(`cannot project ${type}`);
  },
});

/** Counts how often the log is read, to show that one pass serves every projection. */
const countingReads = (store: EventStore) => {
  const counter = { reads: 0, source: store as Pick<EventStore, 'readAll' | 'subscribeToAll'> };
  counter.source = {
    readAll: (options) => {
      counter.reads++;
      return store.readAll(options);
    },
    subscribeToAll: (options) => store.subscribeToAll(options),
  };
  return counter;
};

const positionsIn = (db: Database.Database, table: string): bigint[] =>
  db.prepare(`SELECT position FROM ${table} ORDER BY rowid`).pluck().all() as bigint[];

const allPositions = async (store: EventStore): Promise<bigint[]> => {
  const positions: bigint[] = [];
  for await (const event of store.readAll()) positions.push(event.globalPosition);
  return positions;
};

describe('the projection runner on SQLite', () => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;
  let db: Database.Database;
  const runners: ProjectionRunner<SqliteTx>[] = [];

  const runnerFor = (
    projections: readonly Projection<SqliteTx>[],
    options: {
      batchSize?: number;
      onProgress?: (progress: CatchUpProgress) => void;
      source?: EventStore;
    } = {},
  ) => {
    const runner = new ProjectionRunner<SqliteTx>({
      events: options.source ?? store,
      store: sqliteProjectionStore(db),
      projections,
      batchSize: options.batchSize ?? 7,
      countEventsAfter: (after) => countEventsAfter(db, after),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    runners.push(runner);
    return runner;
  };

  const append = async (count: number, type = 'test-event', stream = 'stream-a') => {
    const outcome = await store.appendToStream(stream, newEvents(count, type), { expectedRevision: 'any' });
    if (outcome._tag !== 'Appended') throw new Error('append failed');
    return outcome.lastPosition;
  };

  beforeEach(() => {
    temporary = temporaryDirectory();
    store = openSqliteEventStore({ file: temporary.file('events.db'), pollIntervalMs: 10 });
    db = store.openConnection();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    db.close();
    await store.close();
    temporary.remove();
  });

  it('applies every event once, in order, to several projections in one read of the log', async () => {
    await append(30);
    await append(5, 'other-event', 'stream-b');
    const counting = countingReads(store);
    const runner = runnerFor([seenProjection('seen_all'), seenProjection('seen_other', 1, ['other-event'])], {
      source: counting.source as EventStore,
    });

    const reached = await runner.catchUp();

    const positions = await allPositions(store);
    expect(reached).toBe(positions[positions.length - 1]);
    expect(positionsIn(db, 'seen_all')).toEqual(positions);
    expect(positionsIn(db, 'seen_other')).toEqual(positions.slice(30));
    expect(counting.reads).toBe(1);
    const checkpoints = await runner.checkpoints();
    expect(checkpoints.get('seen_all')?.position).toBe(reached);
    expect(checkpoints.get('seen_other')?.position).toBe(reached);
  });

  it('resumes after its checkpoint: a second runner applies only what was appended since', async () => {
    await append(10);
    await runnerFor([seenProjection('seen_all')]).catchUp();
    await append(4);

    await runnerFor([seenProjection('seen_all')]).catchUp();

    expect(positionsIn(db, 'seen_all')).toEqual(await allPositions(store));
  });

  it('rebuilds a projection whose version changed, and only that one, in the same pass', async () => {
    await append(12);
    await runnerFor([seenProjection('seen_a'), seenProjection('seen_b')]).catchUp();
    db.exec("INSERT INTO seen_a (position, type) VALUES (999, 'stale')");
    db.exec("INSERT INTO seen_b (position, type) VALUES (999, 'kept')");
    await append(3);
    const progress: CatchUpProgress[] = [];

    await runnerFor([seenProjection('seen_a', 2), seenProjection('seen_b')], {
      onProgress: (step) => progress.push(step),
    }).catchUp();

    const positions = await allPositions(store);
    expect(positionsIn(db, 'seen_a')).toEqual(positions);
    expect(positionsIn(db, 'seen_b')).toEqual([...positions.slice(0, 12), 999n, ...positions.slice(12)]);
    expect(progress.every((step) => step.rebuilding.join() === 'seen_a')).toBe(true);
    expect((await runnerFor([seenProjection('seen_a', 2)]).checkpoints()).get('seen_a')?.version).toBe(2);
  });

  it('rebuild(name) empties the read model and replays the whole log into it', async () => {
    await append(9);
    const runner = runnerFor([seenProjection('seen_a'), seenProjection('seen_b')]);
    await runner.catchUp();
    db.exec("INSERT INTO seen_a (position, type) VALUES (999, 'stale')");

    await runner.rebuild('seen_a');

    expect(positionsIn(db, 'seen_a')).toEqual(await allPositions(store));
    await expect(runner.rebuild('nothing')).rejects.toThrow(
      "no projection named 'nothing' (known: seen_a, seen_b)",
    );
  });

  it('reports progress per batch with the number of events to read', async () => {
    await append(20);
    const progress: CatchUpProgress[] = [];

    await runnerFor([seenProjection('seen_all')], {
      batchSize: 6,
      onProgress: (step) => progress.push(step),
    }).catchUp();

    expect(progress.map((step) => step.done)).toEqual([6, 12, 18, 20]);
    expect(progress.every((step) => step.total === 20)).toBe(true);
    expect(progress[0]?.rebuilding).toEqual(['seen_all']);
  });

  it('rolls back the whole batch, checkpoints included, when a projection fails', async () => {
    await append(5);
    await store.appendToStream('stream-a', [newEvent('poison')], { expectedRevision: 'any' });
    await append(5);
    const runner = runnerFor(
      [seenProjection('seen_all'), failingOn('poison', seenProjection('seen_failing'))],
      {
        batchSize: 4,
      },
    );

    await expect(runner.catchUp()).rejects.toThrow('cannot project poison');

    const positions = await allPositions(store);
    expect(positionsIn(db, 'seen_all')).toEqual(positions.slice(0, 4));
    expect(positionsIn(db, 'seen_failing')).toEqual(positions.slice(0, 4));
    expect((await runner.checkpoints()).get('seen_all')?.position).toBe(positions[3]);
  });

  it('refuses a projection that awaits inside its transaction, and commits nothing it wrote', async () => {
    await append(3);
    const inner = seenProjection('seen_async');
    const awaiting: Projection<SqliteTx> = {
      ...inner,
      handle: async (events, db) => {
        inner.handle(events.slice(0, 1), db);
        await new Promise((resolve) => setImmediate(resolve));
        inner.handle(events.slice(1), db);
      },
    };
    const runner = runnerFor([awaiting]);

    await expect(runner.catchUp()).rejects.toThrow(
      'a SQLite read-model transaction must not await: its work returned a promise',
    );

    expect(positionsIn(db, 'seen_async')).toEqual([]);
    expect((await runner.checkpoints()).get('seen_async')?.position).toBeUndefined();
    expect(db.inTransaction).toBe(false);
  });

  it('refuses a database whose projection was written by newer code', async () => {
    await append(2);
    await runnerFor([seenProjection('seen_all', 3)]).catchUp();

    await expect(runnerFor([seenProjection('seen_all', 2)]).catchUp()).rejects.toThrow(
      "projection 'seen_all' is at version 3 in the database, newer than this code's version 2",
    );
  });

  it('follows new events live until stopped, and waitUntil resolves once they are applied', async () => {
    await append(3);
    const runner = runnerFor([seenProjection('seen_all')]);
    const following = runner.follow();
    await runner.waitUntil(await append(1));
    const last = await append(25, 'test-event', 'stream-b');

    await runner.waitUntil(last);
    expect(positionsIn(db, 'seen_all')).toEqual(await allPositions(store));

    await runner.stop();
    await expect(following).resolves.toBeUndefined();
    await append(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(positionsIn(db, 'seen_all')).toHaveLength(29);
  });

  it('rebuilds a projection while following, without handing it live events out of order', async () => {
    await append(10);
    const runner = runnerFor([seenProjection('seen_a'), seenProjection('seen_b')]);
    void runner.follow();
    await runner.waitUntil(await append(1));

    const rebuilt = runner.rebuild('seen_a');
    const during = await append(6, 'test-event', 'stream-b');
    await rebuilt;
    await runner.waitUntil(during);

    const positions = await allPositions(store);
    expect(positionsIn(db, 'seen_a')).toEqual(positions);
    expect(positionsIn(db, 'seen_b')).toEqual(positions);
  });
});
