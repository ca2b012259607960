import type Database from 'better-sqlite3';
import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { sqliteProjectionRunner } from '../governance-projections';
import { appendSyntheticHistory } from '../synthetic/synthetic-history';
import { temporaryDirectory } from '../testing/temporary-directory';
import { holdCaughtUpReadModels } from './held-read-models';

const decisionCount = (db: Database.Database) =>
  Number(db.prepare('SELECT count(*) FROM decision_log').safeIntegers(true).pluck().get() as bigint);

/**
 * The read models a process keeps beside its SQLite store, held at one position while another process (a
 * running service) appends and projects: what is read through the held connection stays at that position.
 */
describe('holdCaughtUpReadModels', () => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;
  let now = new Date(0);

  beforeEach(async () => {
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
    const held = store.openConnection();
    const service = store.openConnection();
    try {
      const holding = await holdCaughtUpReadModels(held, () =>
        sqliteProjectionRunner({ events: store, db: held }).catchUp(),
      );
      const end = await store.lastPosition();
      expect(holding?.position).toBe(end);
      const decisions = decisionCount(held);

      // Another connection appends and projects meanwhile, as the service does.
      await appendSyntheticHistory(store, { events: 400, seed: 4, setClock: (at) => (now = at) });
      await sqliteProjectionRunner({ events: store, db: service }).catchUp();
      expect(decisionCount(service)).toBeGreaterThan(decisions);
      expect(decisionCount(held)).toBe(decisions);

      holding?.release();
      expect(decisionCount(held)).toBe(decisionCount(service));
    } finally {
      held.close();
      service.close();
    }
  });

  it('gives up, holding nothing, when the read models never reach where the catch-up says it got', async () => {
    const db = store.openConnection();
    try {
      await sqliteProjectionRunner({ events: store, db }).catchUp();
      const end = (await store.lastPosition()) as bigint;
      let tries = 0;
      const holding = await holdCaughtUpReadModels(db, async () => {
        tries += 1;
        return end + 1n; // as when another process resets them for a rebuild right after each catch-up
      });
      expect(holding).toBeUndefined();
      expect(tries).toBe(3);
      expect(db.inTransaction).toBe(false);
    } finally {
      db.close();
    }
  });
});
