import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import { governanceProjections } from '../governance-projections';
import { ProjectionRunner } from '../runner/projection-runner';
import { appendSyntheticHistory } from '../synthetic/synthetic-history';
import {
  postgresReadModelDatabase,
  type ReadModelDatabase,
  sqliteReadModelDatabase,
} from '../testing/read-model-databases';
import { temporaryDirectory } from '../testing/temporary-directory';
import { holdCaughtUpReadModels } from './held-read-models';
import type { ReadModelTx } from './read-model-tx';

const decisionCount = async (reader: ReadModelDatabase['reader']) =>
  Number((await reader.select<{ n: bigint }>('SELECT count(*) AS n FROM decision_log'))[0]!.n);

/**
 * Read models kept beside a store, held at one position while another process (a running service) appends
 * and projects: what is read through the held snapshot stays at that position, on both databases.
 */
const suite = (readModelsOf: (store: SqliteEventStore, test: number) => ReadModelDatabase) => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;
  let now = new Date(0);
  let test = 0;
  /** Another connection to this test's read models. */
  const open = () => readModelsOf(store, test);
  const catchUp = (readModels: ReadModelDatabase) => () =>
    new ProjectionRunner<ReadModelTx>({
      events: store,
      store: readModels.store,
      projections: governanceProjections(store),
    }).catchUp();

  beforeEach(async () => {
    test += 1;
    temporary = temporaryDirectory();
    now = new Date(0);
    store = openSqliteEventStore({ file: temporary.file('events.db'), clock: () => now });
    await appendSyntheticHistory(store, { events: 400, seed: 3, setClock: (at) => (now = at) });
  });

  afterEach(async () => {
    await store.close();
    temporary.remove();
  });

  it('catches up, then shows that position however the log and the read models move on, until released', async () => {
    const held = open();
    const service = open();
    const holding = await holdCaughtUpReadModels(catchUp(held), () => held.snapshot());
    try {
      expect(holding?.position).toBe(await store.lastPosition());
      const decisions = await decisionCount(holding!.reader);

      // Another connection appends and projects meanwhile, as the service does.
      await appendSyntheticHistory(store, { events: 400, seed: 4, setClock: (at) => (now = at) });
      await catchUp(service)();
      expect(await decisionCount(service.reader)).toBeGreaterThan(decisions);
      expect(await decisionCount(holding!.reader)).toBe(decisions);
      let visited = 0;
      await holding!.reader.forEachRow('SELECT event_id FROM decision_log', [], () => (visited += 1));
      expect(visited).toBe(decisions);

      await holding!.release();
      expect(await decisionCount(held.reader)).toBe(await decisionCount(service.reader));
    } finally {
      await holding?.release();
      await held.close();
      await service.close();
    }
  }, 30_000);

  it('gives up, holding nothing, while one read model stands elsewhere than the others', async () => {
    const readModels = open();
    try {
      const end = (await catchUp(readModels)()) as bigint;
      // As when another process has reset one read model for a rebuild and not yet caught it up.
      await readModels.execute(
        "UPDATE projection_checkpoints SET position = NULL WHERE name = 'decision-log'",
      );
      expect(
        await holdCaughtUpReadModels(
          async () => end,
          () => readModels.snapshot(),
        ),
      ).toBeUndefined();
      expect(
        await holdCaughtUpReadModels(
          async () => undefined,
          () => readModels.snapshot(),
        ),
      ).toBeUndefined();
    } finally {
      await readModels.close();
    }
  }, 30_000);

  it('gives up, holding nothing, when the read models never reach where the catch-up says it got', async () => {
    const readModels = open();
    try {
      const end = (await catchUp(readModels)()) as bigint;
      let tries = 0;
      let snapshots = 0;
      const holding = await holdCaughtUpReadModels(
        async () => {
          tries += 1;
          return end + 1n; // as when another process resets them for a rebuild right after each catch-up
        },
        async () => {
          snapshots += 1;
          return readModels.snapshot();
        },
      );
      expect(holding).toBeUndefined();
      expect([tries, snapshots]).toEqual([3, 3]);
      // Every snapshot was ended: the connection reads (and the runner writes) as before.
      expect(await catchUp(readModels)()).toBe(end);
    } finally {
      await readModels.close();
    }
  }, 30_000);
};

describe('holdCaughtUpReadModels', () => {
  describe('in SQLite, beside the events', () => {
    suite((store) => {
      const db = store.openConnection();
      return { ...sqliteReadModelDatabase(db), close: async () => void db.close() };
    });
  });

  describeWithPostgres('in PostgreSQL', (cluster) => {
    suite((_store, test) => postgresReadModelDatabase(cluster().connectionString(), `held_${test}`));
  });
});
