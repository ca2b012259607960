import type Database from 'better-sqlite3';
import type { EventStore, Projection } from '@styring/eventstore';
import { newEvent, newEvents } from '@styring/eventstore-testkit';
import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import { PostgresTx } from '../postgres/postgres-tx';
import type { ReadModelTx } from '../read-models/read-model-tx';
import { countEventsAfter } from '../sqlite/count-events';
import {
  postgresReadModelDatabase,
  type ReadModelDatabase,
  sqliteReadModelDatabase,
} from '../testing/read-model-databases';
import { temporaryDirectory } from '../testing/temporary-directory';
import { andThen } from './maybe-promise';
import { type CatchUpProgress, ProjectionRunner } from './projection-runner';

/** A read model that writes down every event it is handed, so that duplicates and gaps show. */
const seenProjection = (name: string, version = 1, types?: readonly string[]): Projection<ReadModelTx> => ({
  name,
  version,
  canHandle: (type) => types === undefined || types.includes(type),
  handle: (events, tx) => {
    if (tx instanceof PostgresTx) {
      return tx.client
        .query(`INSERT INTO ${name} (position, type) SELECT * FROM unnest($1::bigint[], $2::text[])`, [
          events.map((event) => event.globalPosition),
          events.map((event) => event.type),
        ])
        .then(() => undefined);
    }
    const insert = tx.prepare(`INSERT INTO ${name} (position, type) VALUES (?, ?)`);
    for (const event of events) insert.run(event.globalPosition, event.type);
    return undefined;
  },
  reset: (tx) => {
    // `seq` numbers the rows as inserted, so that the order they were applied in shows.
    if (tx instanceof PostgresTx) {
      return tx.client
        .query(
          `DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (seq BIGSERIAL, position BIGINT, type TEXT)`,
        )
        .then(() => undefined);
    }
    tx.exec(
      `DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (seq INTEGER PRIMARY KEY, position INTEGER, type TEXT)`,
    );
    return undefined;
  },
});

/** Fails on the event of a given type, to show that a batch is all or nothing. */
const failingOn = (type: string, inner: Projection<ReadModelTx>): Projection<ReadModelTx> => ({
  ...inner,
  handle: (events, tx) =>
    andThen(inner.handle(events, tx), () => {
      if (events.some((event) => event.type === type)) throw new Error(`cannot project ${type}`);
    }),
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

const allPositions = async (store: EventStore): Promise<bigint[]> => {
  const positions: bigint[] = [];
  for await (const event of store.readAll()) positions.push(event.globalPosition);
  return positions;
};

/**
 * The runner's suite, run on each database that keeps read models: the events are in a SQLite store, the
 * read models in the database `openReadModels` gives.
 */
const runnerSuite = (openReadModels: (db: Database.Database) => ReadModelDatabase) => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;
  let db: Database.Database;
  let readModels: ReadModelDatabase;
  const runners: ProjectionRunner<ReadModelTx>[] = [];

  const runnerFor = (
    projections: readonly Projection<ReadModelTx>[],
    options: {
      batchSize?: number;
      onProgress?: (progress: CatchUpProgress) => void;
      source?: EventStore;
    } = {},
  ) => {
    const runner = new ProjectionRunner<ReadModelTx>({
      events: options.source ?? store,
      store: readModels.store,
      projections,
      batchSize: options.batchSize ?? 7,
      countEventsAfter: (after) => countEventsAfter(db, after),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    runners.push(runner);
    return runner;
  };

  const positionsIn = async (table: string): Promise<bigint[]> =>
    (await readModels.reader.select<{ position: bigint }>(`SELECT position FROM ${table} ORDER BY seq`)).map(
      (row) => row.position,
    );

  const append = async (count: number, type = 'test-event', stream = 'stream-a') => {
    const outcome = await store.appendToStream(stream, newEvents(count, type), { expectedRevision: 'any' });
    if (outcome._tag !== 'Appended') throw new Error('append failed');
    return outcome.lastPosition;
  };

  beforeEach(() => {
    temporary = temporaryDirectory();
    store = openSqliteEventStore({ file: temporary.file('events.db'), pollIntervalMs: 10 });
    db = store.openConnection();
    readModels = openReadModels(db);
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await readModels.close();
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
    expect(await positionsIn('seen_all')).toEqual(positions);
    expect(await positionsIn('seen_other')).toEqual(positions.slice(30));
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

    expect(await positionsIn('seen_all')).toEqual(await allPositions(store));
  });

  it('rebuilds a projection whose version changed, and only that one, in the same pass', async () => {
    await append(12);
    await runnerFor([seenProjection('seen_a'), seenProjection('seen_b')]).catchUp();
    await readModels.execute("INSERT INTO seen_a (position, type) VALUES (999, 'stale')");
    await readModels.execute("INSERT INTO seen_b (position, type) VALUES (999, 'kept')");
    await append(3);
    const progress: CatchUpProgress[] = [];

    await runnerFor([seenProjection('seen_a', 2), seenProjection('seen_b')], {
      onProgress: (step) => progress.push(step),
    }).catchUp();

    const positions = await allPositions(store);
    expect(await positionsIn('seen_a')).toEqual(positions);
    expect(await positionsIn('seen_b')).toEqual([...positions.slice(0, 12), 999n, ...positions.slice(12)]);
    expect(progress.every((step) => step.rebuilding.join() === 'seen_a')).toBe(true);
    expect((await runnerFor([seenProjection('seen_a', 2)]).checkpoints()).get('seen_a')?.version).toBe(2);
  });

  it('rebuild(name) empties the read model and replays the whole log into it', async () => {
    await append(9);
    const runner = runnerFor([seenProjection('seen_a'), seenProjection('seen_b')]);
    await runner.catchUp();
    await readModels.execute("INSERT INTO seen_a (position, type) VALUES (999, 'stale')");

    await runner.rebuild('seen_a');

    expect(await positionsIn('seen_a')).toEqual(await allPositions(store));
    await expect(runner.rebuild('nothing')).rejects.toThrow(
      "no projection named 'nothing' (known: seen_a, seen_b)",
    );
  });

  it('lets projections finish a rebuild when a catch-up reaches the end, not at every catch-up', async () => {
    let finished = 0;
    const finishing = { ...seenProjection('finishing'), caughtUp: () => void finished++ };
    await append(20);
    const first = runnerFor([finishing]);
    await first.catchUp();
    expect(finished).toBe(1);
    await append(3);
    await first.catchUp();
    await first.catchUp();
    expect(finished).toBe(1);

    // A rebuild stopped part-way finishes at the next catch-up that gets to the end.
    let stops = 1;
    const stopping: ProjectionRunner<ReadModelTx> = runnerFor([finishing], {
      onProgress: () => {
        if (stops-- > 0) void stopping.stop();
      },
    });
    await stopping.rebuild();
    expect(finished).toBe(1);
    await stopping.catchUp();
    expect(finished).toBe(2);
    await stopping.catchUp();
    expect(finished).toBe(2);
    expect(await positionsIn('finishing')).toEqual(await allPositions(store));
  });

  it('opens no transaction for a catch-up when nothing was appended since its last one', async () => {
    let transactions = 0;
    const counted = readModels.store;
    readModels = {
      ...readModels,
      store: {
        checkpoints: counted.checkpoints,
        transaction: (work) => {
          transactions++;
          return counted.transaction(work);
        },
      },
    };
    await append(10);
    const runner = runnerFor([seenProjection('quiet')]);
    await runner.catchUp();
    const afterFirst = transactions;
    expect(await runner.catchUp()).toBe(await runner.catchUp());
    expect(transactions).toBe(afterFirst);

    const last = await append(2);
    expect(await runner.catchUp()).toBe(last);
    expect(transactions).toBeGreaterThan(afterFirst);
    expect(await positionsIn('quiet')).toEqual(await allPositions(store));

    // A rebuild replays the log even though nothing new was appended.
    await runner.rebuild('quiet');
    expect(await positionsIn('quiet')).toEqual(await allPositions(store));
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
    expect(await positionsIn('seen_all')).toEqual(positions.slice(0, 4));
    expect(await positionsIn('seen_failing')).toEqual(positions.slice(0, 4));
    expect((await runner.checkpoints()).get('seen_all')?.position).toBe(positions[3]);
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
    expect(await positionsIn('seen_all')).toEqual(await allPositions(store));

    await runner.stop();
    await expect(following).resolves.toBeUndefined();
    await append(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await positionsIn('seen_all')).toHaveLength(29);
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
    expect(await positionsIn('seen_a')).toEqual(positions);
    expect(await positionsIn('seen_b')).toEqual(positions);
  });
};

describe('the projection runner on SQLite', () => {
  runnerSuite(sqliteReadModelDatabase);
});

let schemas = 0;
describeWithPostgres('the projection runner on PostgreSQL', (cluster) => {
  runnerSuite(() => postgresReadModelDatabase(cluster().connectionString(), `runner_${++schemas}`));
});

describe('the projection runner on SQLite, whose transaction must not await', () => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;
  let db: Database.Database;

  beforeEach(() => {
    temporary = temporaryDirectory();
    store = openSqliteEventStore({ file: temporary.file('events.db'), pollIntervalMs: 10 });
    db = store.openConnection();
  });

  afterEach(async () => {
    db.close();
    await store.close();
    temporary.remove();
  });

  it('refuses a projection that awaits inside its transaction, and commits nothing it wrote', async () => {
    await store.appendToStream('stream-a', newEvents(3, 'test-event'), { expectedRevision: 'any' });
    const inner = seenProjection('seen_async');
    const awaiting: Projection<ReadModelTx> = {
      ...inner,
      handle: async (events, db) => {
        inner.handle(events.slice(0, 1), db);
        await new Promise((resolve) => setImmediate(resolve));
        inner.handle(events.slice(1), db);
      },
    };
    const readModels = sqliteReadModelDatabase(db);
    const runner = new ProjectionRunner<ReadModelTx>({
      events: store,
      store: readModels.store,
      projections: [awaiting],
    });

    await expect(runner.catchUp()).rejects.toThrow(
      'a SQLite read-model transaction must not await: its work returned a promise',
    );

    expect(Number(db.prepare('SELECT count(*) FROM seen_async').pluck().get())).toBe(0);
    expect((await runner.checkpoints()).get('seen_async')?.position).toBeUndefined();
    expect(db.inTransaction).toBe(false);
  });
});
