import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type EventStoreFailureCode, isEventStoreFailure, type RecordedEvent } from '@styring/eventstore';
import { newEvent, newEvents } from '@styring/eventstore-testkit';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { temporaryStoreFile } from './temporary-store-file';

const collect = async (events: AsyncIterable<RecordedEvent>) => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

const failureCode = (work: () => unknown): Promise<EventStoreFailureCode | 'no failure'> =>
  Promise.resolve()
    .then(work)
    .then(
      () => 'no failure' as const,
      (error: unknown) => {
        if (isEventStoreFailure(error)) return error.code;
        throw error;
      },
    );

const snapshot = (directory: string) =>
  readdirSync(directory)
    .sort()
    .map(
      (name) =>
        `${name}:${createHash('sha256')
          .update(readFileSync(join(directory, name)))
          .digest('hex')}`,
    );

describe('the SQLite event store', () => {
  let temporary: ReturnType<typeof temporaryStoreFile>;
  const opened: SqliteEventStore[] = [];
  const open = (options: { busyTimeoutMs?: number; clock?: () => Date } = {}) => {
    const store = openSqliteEventStore({ file: temporary.file, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => (temporary = temporaryStoreFile()));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    temporary.remove();
  });

  describe('opening a file', () => {
    it('creates a durable WAL database at the latest schema version, marked as a styring event store', () => {
      const connection = open().openConnection();
      try {
        expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(connection.pragma('synchronous', { simple: true })).toBe(2n); // FULL
        expect(connection.pragma('user_version', { simple: true })).toBe(1n);
        expect(connection.pragma('application_id', { simple: true })).toBe(0x53545952n);
      } finally {
        connection.close();
      }
    });

    it('opens an existing store again with its events', async () => {
      await open().appendToStream('plan-1', newEvents(3), { expectedRevision: 'no_stream' });
      expect(await collect(open().readStream('plan-1'))).toHaveLength(3);
    });

    it('refuses a file that is not SQLite with not_an_event_store and leaves it as it was', async () => {
      writeFileSync(temporary.file, 'Vedtak i kommunestyret 19.06.2024\n'.repeat(200));
      const before = snapshot(temporary.directory);
      expect(await failureCode(() => open())).toBe('not_an_event_store');
      expect(snapshot(temporary.directory)).toEqual(before);
    });

    it('refuses a SQLite database of something else with not_an_event_store and leaves it as it was', async () => {
      const other = new Database(temporary.file);
      other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not ours')");
      other.close();
      const before = snapshot(temporary.directory);
      expect(await failureCode(() => open())).toBe('not_an_event_store');
      expect(snapshot(temporary.directory)).toEqual(before);
    });

    it('refuses a store written by a newer schema version with schema_too_new and leaves it as it was', async () => {
      await open().appendToStream('plan-1', newEvents(1), { expectedRevision: 'no_stream' });
      await opened.pop()!.close();
      const raw = new Database(temporary.file);
      raw.pragma('user_version = 99');
      raw.close();
      const before = snapshot(temporary.directory);
      expect(await failureCode(() => open())).toBe('schema_too_new');
      expect(snapshot(temporary.directory)).toEqual(before);
    });

    it('fails with locked when another connection holds the file longer than the busy timeout', async () => {
      const holder = new Database(temporary.file);
      holder.exec('BEGIN EXCLUSIVE');
      const started = Date.now();
      expect(await failureCode(() => open({ busyTimeoutMs: 150 }))).toBe('locked');
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      holder.exec('ROLLBACK');
      holder.close();
      await open().appendToStream('plan-1', newEvents(1), { expectedRevision: 'no_stream' });
    });

    it('fails with unavailable when the directory does not exist', async () => {
      const code = await failureCode(() =>
        openSqliteEventStore({ file: join(temporary.directory, 'no', 'x.db') }),
      );
      expect(code).toBe('unavailable');
    });
  });

  describe('appending', () => {
    it('waits for another writer, then fails with locked past the busy timeout, writing nothing', async () => {
      const store = open({ busyTimeoutMs: 100 });
      await store.appendToStream('plan-1', newEvents(1), { expectedRevision: 'no_stream' });
      const writer = store.openConnection();
      writer.exec('BEGIN IMMEDIATE');
      expect(
        await failureCode(() => store.appendToStream('plan-1', newEvents(1), { expectedRevision: 0n })),
      ).toBe('locked');
      writer.exec('ROLLBACK');
      writer.close();
      expect(await store.appendToStream('plan-1', newEvents(1), { expectedRevision: 0n })).toMatchObject({
        nextExpectedRevision: 1n,
      });
      const check = new Database(temporary.file);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    });

    it("recognizes a retried append with 'any' by the stream's last events and writes nothing", async () => {
      const store = open();
      const events = newEvents(3);
      await store.appendToStream('plan-1', newEvents(1), { expectedRevision: 'any' });
      const first = await store.appendToStream('plan-1', events, { expectedRevision: 'any' });
      const retried = await store.appendToStream('plan-1', events, { expectedRevision: 'stream_exists' });
      expect(retried).toEqual(first);
      expect(await collect(store.readStream('plan-1'))).toHaveLength(4);
    });

    it('names the bad field of an event it refuses', async () => {
      const event = { ...newEvent('adopted'), metadata: { actor: 'a', role: 'r' } };
      await expect(
        open().appendToStream('plan-1', [newEvent('ok'), event as never], { expectedRevision: 'any' }),
      ).rejects.toMatchObject({
        code: 'invalid_argument',
        message: 'events[1].metadata.correlationId must be a string',
      });
    });

    it('records the time of the injected clock', async () => {
      const store = open({ clock: () => new Date('2024-06-19T10:00:00.000Z') });
      await store.appendToStream('plan-1', newEvents(2), { expectedRevision: 'no_stream' });
      const read = await collect(store.readStream('plan-1'));
      expect(read.map((event) => event.recordedAt)).toEqual([
        '2024-06-19T10:00:00.000Z',
        '2024-06-19T10:00:00.000Z',
      ]);
    });

    it('keeps the history immutable even for a connection that bypasses the store', async () => {
      const store = open();
      await store.appendToStream('plan-1', newEvents(1), { expectedRevision: 'no_stream' });
      const raw = store.openConnection();
      try {
        expect(() => raw.exec("UPDATE events SET type = 'forged'")).toThrow(/immutable/);
        expect(() => raw.exec('DELETE FROM events')).toThrow(/immutable/);
      } finally {
        raw.close();
      }
      expect((await collect(store.readStream('plan-1')))[0]?.type).toBe('test-event');
    });

    it('fails with closed once closed', async () => {
      const store = open();
      await store.close();
      expect(
        await failureCode(() => store.appendToStream('s', newEvents(1), { expectedRevision: 'any' })),
      ).toBe('closed');
      expect(await failureCode(() => collect(store.readAll()))).toBe('closed');
    });
  });

  describe('beyond 2^53', () => {
    const base = 2n ** 53n + 10n;

    it('hands out and reads global positions exactly', async () => {
      const store = open();
      const raw = store.openConnection();
      raw.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)").run(base);
      raw.close();

      const outcome = await store.appendToStream('plan-1', newEvents(3), { expectedRevision: 'no_stream' });
      expect(outcome).toMatchObject({ lastPosition: base + 3n });
      const all = await collect(store.readAll());
      expect(all.map((event) => event.globalPosition)).toEqual([base + 1n, base + 2n, base + 3n]);
      // As a JavaScript number, base + 1 and base + 2 are the same: only bigints tell them apart.
      expect(Number(base + 1n)).toBe(Number(base + 2n));
      expect((await collect(store.readAll({ after: base + 1n }))).map((e) => e.globalPosition)).toEqual([
        base + 2n,
        base + 3n,
      ]);
      expect((await collect(store.readAll({ to: base + 2n }))).map((e) => e.globalPosition)).toEqual([
        base + 1n,
        base + 2n,
      ]);

      const subscription = store.subscribeToAll({ after: base + 2n });
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).value?.globalPosition).toBe(base + 3n);
      await subscription.close();
    });

    it('compares stream revisions as bigints', async () => {
      const store = open();
      const raw = store.openConnection();
      raw
        .prepare(
          `INSERT INTO events (stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at)
           VALUES ('old', ?, 'e-far', 'far', 1, '{}', '{}', '2024-01-01T00:00:00.000Z')`,
        )
        .run(2n ** 53n + 1n);
      raw.close();

      const near = await store.appendToStream('old', newEvents(1), { expectedRevision: 2n ** 53n });
      expect(near).toEqual({
        _tag: 'ConcurrencyError',
        streamId: 'old',
        expected: 2n ** 53n,
        actual: 2n ** 53n + 1n,
      });
      const exact = await store.appendToStream('old', newEvents(1), { expectedRevision: 2n ** 53n + 1n });
      expect(exact).toMatchObject({ _tag: 'Appended', nextExpectedRevision: 2n ** 53n + 2n });
      const read = await collect(store.readStream('old', { from: 2n ** 53n + 2n }));
      expect(read.map((event) => event.streamRevision)).toEqual([2n ** 53n + 2n]);
    });
  });
});
