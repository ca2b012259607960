import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import type { NewEvent } from '@styring/eventstore';
import { newEvent, storeWith } from '@styring/eventstore-testkit';
import { emptyGovernanceContext, governanceEventSerde } from '@styring/governance';
import { appendSyntheticHistory } from '@styring/projections';
import { contextSnapshot, contextSnapshotName } from './context-snapshot';
import { governanceContextLoader } from './governance-context-loader';

/** A SQLite store holding `events` of the synthetic history, appended in turns so a test can add more. */
const historyStore = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-context-'));
  let now = new Date(0);
  const store = openSqliteEventStore({ file: path.join(dir, 'events.db'), clock: () => now });
  let seed = 1;
  return {
    store,
    append: (events: number) =>
      appendSyntheticHistory(store, { events, seed: seed++, setClock: (at) => (now = at) }),
    remove: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** `count` status reports: events of the log that are no fact of the context. */
const statusReports = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({
    ...newEvent('ProjectStatusReported'),
    ...governanceEventSerde.toStored({
      type: 'ProjectStatusReported',
      projectId: 'prosjekt-utenfor',
      reportedOn: '2025-01-15',
      health: 'gronn',
      summary: `Statusrapport ${n}`,
      reportedTo: 'kommunestyret',
    }),
  }));

/** The context and position a loader without snapshots gives: the fold of the whole log. */
const fullFold = (store: SqliteEventStore) => governanceContextLoader(store)();

describe('the governance context loader', () => {
  let history: ReturnType<typeof historyStore>;
  beforeEach(() => (history = historyStore()));
  afterEach(() => history.remove());

  it('reads each part of the log once: a catch-up starts where the last one ended, not at the last fact', async () => {
    await history.append(300);
    const starts: (bigint | undefined)[] = [];
    const store = history.store;
    const load = governanceContextLoader(
      storeWith<SqliteEventStore>(store, {
        readAll: (options) => {
          starts.push(options?.after);
          return store.readAll(options);
        },
      }),
    );
    const first = await load();
    expect(first.position).toBe(300n);
    // Events that are no fact of the context (status reports), appended after the last fact.
    await store.appendToStream('prosjekt-utenfor', statusReports(40), { expectedRevision: 'any' });
    const second = await load();
    expect(second.position).toBe(340n);
    expect(await load()).toEqual(second);
    expect(starts).toEqual([undefined, 300n]);
    expect(second).toEqual(await fullFold(store));
  });
});

describe('the governance context loader with snapshots', () => {
  let history: ReturnType<typeof historyStore>;
  beforeEach(() => (history = historyStore()));
  /** The store's snapshots, written after every 20 facts (the synthetic history has about 1 in 20 events). */
  const snapshots = () => ({ store: history.store, every: 20 });
  afterEach(() => history.remove());

  it('writes a snapshot that a new process resumes, and gives the context of the whole log', async () => {
    await history.append(2000);
    const first = await governanceContextLoader(history.store, undefined, snapshots())();
    // Read to the end of the log; the snapshot ends at the last fact, at most there.
    expect(first.position).toBe(await history.store.lastPosition());
    const snapshot = await history.store.readSnapshot(contextSnapshotName);
    expect(snapshot!.position <= first.position!).toBe(true);
    expect(first).toEqual(await fullFold(history.store));

    await history.append(500);
    const resumed = await governanceContextLoader(history.store, undefined, snapshots())();
    expect(resumed).toEqual(await fullFold(history.store));
    const resumedSnapshot = (await history.store.readSnapshot(contextSnapshotName))!;
    expect(resumedSnapshot.position > snapshot!.position).toBe(true);
    expect(resumedSnapshot.position <= resumed.position!).toBe(true);
  });

  it('starts from the snapshot instead of the log when the snapshot fits the log', async () => {
    await history.append(1000);
    const whole = await fullFold(history.store);
    // A snapshot that claims nothing happened up to the last fact: a loader that trusts it shows that.
    const last = [];
    for await (const event of history.store.readAll({ after: whole.position! - 1n })) last.push(event);
    await history.store.writeSnapshot(
      contextSnapshotName,
      contextSnapshot(emptyGovernanceContext(), whole.position!, last[0]!.eventId),
    );
    const loaded = await governanceContextLoader(history.store, undefined, snapshots())();
    expect(loaded.context.delegations.size).toBe(0);
    expect(loaded.position).toBe(whole.position);
  });

  it.each([
    ['of another version', { version: 'governance-context/0/old' }],
    ['beyond the end of the log', { position: 1_000_000n }],
    ['ending at an event the log does not hold there', { position: 5n }],
    ['unreadable', { state: new Uint8Array([0xff, 0x0f, 0x00]) }],
  ])('folds the whole log again when the snapshot is %s, and replaces it', async (_, change) => {
    await history.append(1000);
    const whole = await fullFold(history.store);
    const last = [];
    for await (const event of history.store.readAll({ after: whole.position! - 1n })) last.push(event);
    const stale = contextSnapshot(emptyGovernanceContext(), whole.position!, last[0]!.eventId);
    await history.store.writeSnapshot(contextSnapshotName, { ...stale, ...change });
    expect(await governanceContextLoader(history.store, undefined, snapshots())()).toEqual(whole);
    const replaced = await history.store.readSnapshot(contextSnapshotName);
    expect(replaced!.position <= whole.position!).toBe(true);
    expect(replaced?.state).not.toEqual(stale.state);
  });
});
