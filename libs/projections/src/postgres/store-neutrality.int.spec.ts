import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import type { EventCorrected } from '@styring/governance';
import { governanceProjectionSpecs, governanceProjections } from '../governance-projections';
import { decodeGovernanceEvent } from '../governance/decode';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type { ReadModelTx } from '../read-models/read-model-tx';
import { ProjectionRunner } from '../runner/projection-runner';
import { appendSyntheticHistory } from '../synthetic/synthetic-history';
import {
  postgresReadModelDatabase,
  type ReadModelDatabase,
  sqliteReadModelDatabase,
} from '../testing/read-model-databases';
import { temporaryDirectory } from '../testing/temporary-directory';

/** Every read-model table with its columns, as SQLite has them. */
const tablesOf = (store: SqliteEventStore) => {
  const db = store.openConnection();
  try {
    const names = [
      'projection_checkpoints',
      'projection_revisions',
      ...governanceProjectionSpecs.flatMap((spec) => spec.tables.map((table) => table.name)),
    ];
    return names.map((name) => ({
      name,
      columns: db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[],
    }));
  } finally {
    db.close();
  }
};

/** Every row of every table, ordered by every column (NULLs first on both databases). */
const snapshot = async (reader: ReadModelReader, tables: ReturnType<typeof tablesOf>) => {
  const rows: Record<string, unknown[]> = {};
  for (const { name, columns } of tables) {
    const order = columns.map((column) => `${column} NULLS FIRST`).join(', ');
    rows[name] = await reader.select(`SELECT ${columns.join(', ')} FROM ${name} ORDER BY ${order}`);
  }
  return rows;
};

/**
 * Corrections of corrections: each of the first corrections of the history is reverted, then the revert
 * reverted, both appended together (so they fall in one batch, far from the first correction's).
 */
const correctCorrections = async (store: SqliteEventStore, count: number) => {
  const corrections: EventCorrected[] = [];
  for await (const recorded of store.readAll()) {
    if (recorded.type !== 'EventCorrected') continue;
    corrections.push(decodeGovernanceEvent(recorded) as EventCorrected);
    if (corrections.length === count) break;
  }
  for (const correction of corrections) {
    const reverted = correction.changes.map((change) => ({
      ...change,
      before: change.after,
      after: change.before,
    }));
    const events = [reverted, correction.changes].map((changes) => ({
      type: 'EventCorrected',
      schemaVersion: 1,
      eventId: crypto.randomUUID(),
      data: { ...correction, changes, reason: 'Rettet på nytt' },
      metadata: { actor: 'a', role: 'r', correlationId: 'c', causationId: 'c', effectiveAt: '2026-01-01' },
    }));
    await store.appendToStream(`correction-again-${correction.correctedEventId}`, events, {
      expectedRevision: 'any',
    });
  }
  return corrections.length;
};

describeWithPostgres('the governance read models on SQLite and PostgreSQL', (cluster) => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;
  let sqlite: ReadModelDatabase;
  const sqliteDb = () => store.openConnection();

  const runner = (readModels: ReadModelDatabase, batchSize: number) =>
    new ProjectionRunner<ReadModelTx>({
      events: store,
      store: readModels.store,
      projections: governanceProjections(store),
      batchSize,
    });

  beforeAll(async () => {
    temporary = temporaryDirectory();
    let now = new Date(0);
    store = openSqliteEventStore({ file: temporary.file('events.db'), clock: () => now });
    await appendSyntheticHistory(store, { events: 8_000, seed: 5, setClock: (at) => (now = at) });
    expect(await correctCorrections(store, 10)).toBeGreaterThan(0);
    // Batches of 500: most synthetic corrections fall in the same batch as the event they correct.
    sqlite = sqliteReadModelDatabase(sqliteDb());
    await runner(sqlite, 500).catchUp();
  }, 120_000);

  afterAll(async () => {
    await store.close();
    temporary.remove();
  });

  it('hold the same rows in every table, corrections of corrections included', async () => {
    const postgres = postgresReadModelDatabase(cluster().connectionString(), 'neutral');
    await runner(postgres, 500).catchUp();
    const tables = tablesOf(store);
    const expected = await snapshot(sqlite.reader, tables);
    expect(expected['decision_log']?.length).toBeGreaterThan(100);
    expect(expected['projection_revisions']?.length).toBeGreaterThan(0);
    const actual = await snapshot(postgres.reader, tables);
    await postgres.close();
    expect(actual).toEqual(expected);
  }, 120_000);

  it('apply each event once when two instances catch up at the same time on one database', async () => {
    const first = postgresReadModelDatabase(cluster().connectionString(), 'shared');
    const second = postgresReadModelDatabase(cluster().connectionString(), 'shared');
    await Promise.all([runner(first, 97).catchUp(), runner(second, 89).catchUp()]);
    const tables = tablesOf(store);
    const actual = await snapshot(second.reader, tables);
    await Promise.all([first.close(), second.close()]);
    expect(actual).toEqual(await snapshot(sqlite.reader, tables));
  }, 120_000);
});
