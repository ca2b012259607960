import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type AppendOutcome, isEventStoreFailure } from '@styring/eventstore';
import { newEvents } from '@styring/eventstore-testkit';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { temporaryStoreFile } from './temporary-store-file';

/** Frames in the write-ahead log: each commit adds the pages it changed, plus a commit frame. */
const walFrames = (connection: Database.Database) =>
  (connection.pragma('wal_checkpoint(PASSIVE)') as { log: bigint }[])[0]!.log;

describe('SQLite group commit: appends made at the same moment in one process', () => {
  let temporary: ReturnType<typeof temporaryStoreFile>;
  let store: SqliteEventStore;
  let reader: Database.Database;

  beforeEach(() => {
    temporary = temporaryStoreFile();
    store = openSqliteEventStore({ file: temporary.file });
    reader = store.openConnection();
  });
  afterEach(async () => {
    reader.close();
    await store.close();
    temporary.remove();
  });

  /** WAL frames that `work` adds, from an emptied log. */
  const framesOf = async (work: () => Promise<unknown>) => {
    await store.appendToStream('warm-up', newEvents(1), { expectedRevision: 'any' });
    reader.pragma('wal_checkpoint(TRUNCATE)');
    await work();
    return walFrames(reader);
  };

  it('share one commit: twenty concurrent appends write the log pages once, not twenty times', async () => {
    const appendTo = (n: number) =>
      store.appendToStream(`plan-${n}`, newEvents(1), { expectedRevision: 'no_stream' });
    const concurrent = await framesOf(() => Promise.all(Array.from({ length: 20 }, (_, n) => appendTo(n))));
    const oneByOne = await framesOf(async () => {
      for (let n = 20; n < 40; n++) await appendTo(n);
    });
    expect(oneByOne).toBeGreaterThanOrEqual(20n);
    expect(concurrent * 5n).toBeLessThan(oneByOne);
    expect(await readCount(store)).toBe(42); // with the two warm-ups
  });

  it('acknowledges an append only once it is committed: another connection reads it when the promise settles', async () => {
    const acknowledged = await Promise.all(
      Array.from({ length: 5 }, () =>
        store.appendToStream(`plan-${randomUUID()}`, newEvents(1), { expectedRevision: 'no_stream' }),
      ),
    );
    const last = (acknowledged as Extract<AppendOutcome, { _tag: 'Appended' }>[]).map((a) => a.lastPosition);
    const visible = reader.prepare('SELECT max(global_position) FROM events').pluck().get() as bigint;
    expect(visible).toBe(last.reduce((a, b) => (a > b ? a : b)));
  });

  it('commits what is waiting when the store is closed, and refuses appends after', async () => {
    const waiting = store.appendToStream('plan-late', newEvents(1), { expectedRevision: 'no_stream' });
    await store.close();
    expect((await waiting)._tag).toBe('Appended');
    const refused = await store
      .appendToStream('plan-later', newEvents(1), { expectedRevision: 'no_stream' })
      .catch((error: unknown) => error);
    expect(isEventStoreFailure(refused) && refused.code).toBe('closed');
    const reopened = openSqliteEventStore({ file: temporary.file });
    expect(await reopened.streamExists('plan-late')).toBe(true);
    await reopened.close();
  });
});

const readCount = async (store: SqliteEventStore) => {
  let n = 0;
  for await (const _ of store.readAll()) n++;
  return n;
};
