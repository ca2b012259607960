import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import { governanceProjections, governanceProjectionSpecs } from '../governance-projections';
import { ProjectionRunner } from '../runner/projection-runner';
import { positionIndex, secondaryIndexes } from '../sqlite/versioned-table';
import { appendSyntheticHistory } from '../synthetic/synthetic-history';
import {
  postgresReadModelDatabase,
  type ReadModelDatabase,
  sqliteReadModelDatabase,
} from '../testing/read-model-databases';
import { temporaryDirectory } from '../testing/temporary-directory';
import type { ReadModelTx } from './read-model-tx';

const tables = governanceProjectionSpecs.flatMap((spec) => spec.tables);
const positionIndexes = tables.map((table) => positionIndex(table).name).sort();
const allIndexes = [
  ...positionIndexes,
  ...tables.flatMap(secondaryIndexes).map((index) => index.name),
].sort();

/** The names of the read models' indexes, as the database lists them. */
const indexesIn = async (readModels: ReadModelDatabase): Promise<string[]> => {
  const rows =
    readModels.kind === 'sqlite'
      ? await readModels.reader.select(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name LIKE '%\\_by\\_%' ESCAPE '\\'",
        )
      : await readModels.reader.select(
          "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE '%\\_by\\_%'",
        );
  return rows.map((row) => String((row as { name: string }).name)).sort();
};

/**
 * A rebuild creates its tables with the position index alone and builds the queries' indexes once it has
 * caught up; a rebuild interrupted part-way gets them when a later catch-up reaches the end of the log.
 */
const suite = (open: () => ReadModelDatabase, store: () => SqliteEventStore) => {
  const runner = (readModels: ReadModelDatabase, onBatch?: () => void) =>
    new ProjectionRunner<ReadModelTx>({
      events: store(),
      store: readModels.store,
      projections: governanceProjections(store()),
      batchSize: 100,
      ...(onBatch === undefined ? {} : { onProgress: onBatch }),
    });

  it('builds the queries’ indexes when a rebuild has caught up, not while it runs', async () => {
    const readModels = open();
    try {
      const interrupted: ProjectionRunner<ReadModelTx> = runner(readModels, () => void interrupted.stop());
      await interrupted.rebuild();
      expect((await interrupted.checkpoints()).get('decision-log')?.position).toBeDefined();
      expect(await indexesIn(readModels)).toEqual(positionIndexes);

      await runner(readModels).catchUp();
      expect(await indexesIn(readModels)).toEqual(allIndexes);
      expect(allIndexes.length).toBeGreaterThan(positionIndexes.length);
    } finally {
      await readModels.close();
    }
  }, 60_000);
};

describe('the read models’ query indexes', () => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;

  beforeAll(async () => {
    temporary = temporaryDirectory();
    let now = new Date(0);
    store = openSqliteEventStore({ file: temporary.file('events.db'), clock: () => now });
    await appendSyntheticHistory(store, { events: 600, seed: 11, setClock: (at) => (now = at) });
  });

  afterAll(async () => {
    await store.close();
    temporary.remove();
  });

  describe('in SQLite', () => {
    suite(
      () => {
        const db = store.openConnection();
        return { ...sqliteReadModelDatabase(db), close: async () => void db.close() };
      },
      () => store,
    );
  });

  describeWithPostgres('in PostgreSQL', (cluster) => {
    suite(
      () => postgresReadModelDatabase(cluster().connectionString(), 'indexes'),
      () => store,
    );
  });
});
