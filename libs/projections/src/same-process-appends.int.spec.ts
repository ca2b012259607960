/**
 * A runner following the log while the same process appends to the same SQLite file through the event
 * store's own connection (a service: commands and read models side by side). The store waits for a busy
 * write lock synchronously, blocking the event loop; a read-model transaction left open across an await
 * could then never commit, and the append would fail with `locked` after the busy timeout.
 */
import Database from 'better-sqlite3';
import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { sqliteProjectionRunner } from './governance-projections';
import { syntheticGovernanceHistory } from './synthetic/synthetic-history';
import { readModelSnapshot } from './testing/read-model-snapshot';
import { temporaryDirectory } from './testing/temporary-directory';

const appends = 2_000;

describe('following live while the same process appends to the same file', () => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;
  let db: Database.Database;
  let now = new Date(0);

  beforeEach(() => {
    temporary = temporaryDirectory();
    // A short busy timeout: an append that waits for the read models' lock fails fast instead of stalling.
    store = openSqliteEventStore({
      file: temporary.file('events.db'),
      clock: () => now,
      busyTimeoutMs: 1_000,
    });
    db = store.openConnection();
  });
  afterEach(async () => {
    db.close();
    await store.close();
    temporary.remove();
  });

  const cleanRebuild = async () => {
    const fresh = new Database(temporary.file('clean.db'));
    fresh.defaultSafeIntegers(true);
    try {
      await sqliteProjectionRunner({ events: store, db: fresh }).rebuild();
      return readModelSnapshot(fresh);
    } finally {
      fresh.close();
    }
  };

  it(`takes ${appends.toLocaleString('en-US')} appends interleaved with its batches: none fails, the read models equal a clean rebuild`, async () => {
    const chunks = [...syntheticGovernanceHistory({ events: 40_000, seed: 7 })].slice(0, appends);
    expect(chunks).toHaveLength(appends);
    const runner = sqliteProjectionRunner({ events: store, db, batchSize: 10 });
    const following = runner.follow();
    const failures: string[] = [];
    let last = 0n;
    let batchesDuringAppends = 0;
    const checkpointOf = () =>
      db.prepare("SELECT position FROM projection_checkpoints WHERE name = 'decision-log'").pluck().get();
    let seen = checkpointOf();

    for (const [n, chunk] of chunks.entries()) {
      now = chunk.recordedAt;
      try {
        const outcome = await store.appendToStream(chunk.streamId, chunk.events, { expectedRevision: 'any' });
        if (outcome._tag === 'Appended') last = outcome.lastPosition;
        else failures.push(`${chunk.streamId}: conflict`);
      } catch (error) {
        failures.push(`${chunk.streamId}: ${String(error)}`);
      }
      // Like a service: a few appends within one turn of the event loop, then other work gets a turn.
      if (n % 4 === 3) await new Promise((resolve) => setImmediate(resolve));
      const checkpoint = checkpointOf();
      if (checkpoint !== seen) batchesDuringAppends++;
      seen = checkpoint;
    }
    await runner.waitUntil(last);
    await runner.stop();
    await following;

    expect(failures).toEqual([]);
    // The runner committed batches while the appends went on, not only once they were over.
    expect(batchesDuringAppends).toBeGreaterThan(100);
    expect(readModelSnapshot(db)).toEqual(await cleanRebuild());
  }, 120_000);
});
