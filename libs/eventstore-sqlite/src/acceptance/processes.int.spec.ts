import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@styring/eventstore';
import { openSqliteEventStore } from '../sqlite-event-store';
import { temporaryStoreFile } from '../temporary-store-file';

// Real processes run the built adapter (dist/): `tsc -b` builds it first (a no-op when it is up to date).
const repository = resolve(__dirname, '../../../..');
const childScript = join(__dirname, 'append-child.js');

interface Line {
  readonly ready?: boolean;
  readonly stream?: string;
  readonly ids?: string[];
  readonly revision?: string;
  readonly conflict?: string;
  readonly expected?: string;
  readonly actual?: string;
}

interface Child {
  readonly process: ChildProcess;
  readonly lines: Line[];
  /** Resolves with the exit code (or signal) once the process has ended and its output is read. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves once the child has reported `count` lines. */
  readonly reported: (count: number) => Promise<void>;
}

const children = new Set<ChildProcess>();

const startChild = (...args: string[]): Child => {
  const child = spawn(process.execPath, [childScript, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  const lines: Line[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const output = createInterface({ input: child.stdout! });
  output.on('line', (line) => {
    lines.push(JSON.parse(line) as Line);
    for (const wait of waiting.filter((w) => lines.length >= w.count)) wait.resolve();
  });
  const outputRead = new Promise<void>((done) => output.on('close', done));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  ).then(async (exit) => {
    await outputRead;
    children.delete(child);
    return { ...exit, stderr };
  });
  const reported = (count: number) =>
    lines.length >= count
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((done) => waiting.push({ count, resolve: done })),
          exited.then((exit) => {
            if (lines.length < count)
              throw new Error(`the child ended (${JSON.stringify(exit)}) after ${lines.length} lines`);
          }),
        ]);
  return { process: child, lines, exited, reported };
};

const collect = async (events: AsyncIterable<RecordedEvent>) => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

const integrityCheck = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

describe('the SQLite event store used by real processes', () => {
  let temporary: ReturnType<typeof temporaryStoreFile>;

  beforeAll(() => {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-b', 'libs/eventstore-sqlite/tsconfig.json'],
      {
        cwd: repository,
        stdio: 'inherit',
      },
    );
  }, 120_000);
  beforeEach(() => (temporary = temporaryStoreFile()));
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
    temporary.remove();
  });

  /**
   * After a kill: the file is sound, each stream's revisions are dense, every reported append is there at
   * its revision, and a batch that committed just before the kill, unreported, is there whole or not at all.
   */
  const expectReportedAndWhole = async (streamIds: readonly string[], reported: readonly Line[]) => {
    expect(integrityCheck(temporary.file)).toBe('ok');
    const store = openSqliteEventStore({ file: temporary.file });
    const streams = await Promise.all(streamIds.map((streamId) => collect(store.readStream(streamId))));
    await store.close();
    for (const stream of streams)
      expect(stream.map((event) => event.streamRevision)).toEqual(stream.map((_, n) => BigInt(n)));
    const byId = new Map(streams.flat().map((event) => [event.eventId, event]));
    for (const line of reported) {
      const last = byId.get(line.ids!.at(-1)!);
      expect(last?.streamRevision).toBe(BigInt(line.revision!));
      for (const id of line.ids!) expect(byId.has(id)).toBe(true);
    }
    const batches = new Map<string, { size: number; found: number }>();
    for (const event of streams.flat()) {
      const [batch, size] = event.eventId.split(/-\d+-of-/) as [string, string];
      const entry = batches.get(batch) ?? { size: Number(size), found: 0 };
      batches.set(batch, { ...entry, found: entry.found + 1 });
    }
    for (const [batch, { size, found }] of batches) expect({ batch, found }).toEqual({ batch, found: size });
  };

  it('keeps every reported append, whole, through kill -9 in the middle of appending', async () => {
    const reported: Line[] = [];
    for (const [round, killAfter] of [15, 40, 80].entries()) {
      const child = startChild(temporary.file, 'sequence', 'plan-1', `round${round}`);
      await child.reported(killAfter);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      child.process.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal).toBe('SIGKILL');
      reported.push(...child.lines);
      await expectReportedAndWhole(['plan-1'], reported);
    }
  }, 60_000);

  it('keeps every reported append of concurrent writers sharing commits, whole, through kill -9', async () => {
    const writers = 8;
    for (const [round, killAfter] of [20, 60, 150].entries()) {
      const child = startChild(temporary.file, 'group', `group${round}`, `round${round}`, String(writers));
      await child.reported(killAfter);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      child.process.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal).toBe('SIGKILL');
      const streams = Array.from({ length: writers }, (_, w) => `group${round}-${w}`);
      expect(new Set(child.lines.map((line) => line.stream)).size).toBe(writers);
      await expectReportedAndWhole(streams, child.lines);
    }
  }, 60_000);

  it('lets many processes create a new store file at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const file = join(temporary.directory, `new-${round}.db`);
      const at = String(Date.now() + 400);
      const openers = Array.from({ length: 6 }, (_, n) =>
        startChild(file, 'open', 'opened', `opener-${n}`, at),
      );
      for (const opener of openers)
        expect(await opener.exited).toEqual({ code: 0, signal: null, stderr: '' });
      const store = openSqliteEventStore({ file });
      const stream = await collect(store.readStream('opened'));
      await store.close();
      expect(stream.map((event) => event.eventId).sort()).toEqual(openers.map((_, n) => `opener-${n}`));
    }
  }, 60_000);

  it('loses and duplicates nothing when two processes append to one stream at once', async () => {
    const count = 150;
    const [a, b] = [
      startChild(temporary.file, 'contend', 'budget-1', 'A', String(count)),
      startChild(temporary.file, 'contend', 'budget-1', 'B', String(count)),
    ];
    // Both open the new file at the same time (and so race to create the schema); then they race to append.
    await Promise.all([a.reported(1), b.reported(1)]);
    const watcher = openSqliteEventStore({ file: temporary.file });
    const subscription = watcher.subscribeToAll();
    for (const child of [a, b]) child.process.stdin!.end('go\n');
    const seen: RecordedEvent[] = [];
    try {
      for await (const event of subscription) if (seen.push(event) === 2 * count) break;
      for (const child of [a, b]) expect(await child.exited).toEqual({ code: 0, signal: null, stderr: '' });

      const stream = await collect(watcher.readStream('budget-1'));
      expect(stream.map((event) => event.streamRevision)).toEqual(stream.map((_, n) => BigInt(n)));
      const ids = stream.map((event) => event.eventId);
      for (const label of ['A', 'B']) {
        expect(ids.filter((id) => id.startsWith(`${label}-`))).toEqual(
          Array.from({ length: count }, (_, n) => `${label}-${n}`),
        );
      }
      for (const line of [...a.lines, ...b.lines].filter((l) => !l.ready)) {
        if (line.conflict === undefined) expect(ids[Number(line.revision)]).toBe(line.ids![0]);
        else {
          expect(line.conflict).toBe('ConcurrencyError');
          expect(line.actual).not.toBe(line.expected);
        }
      }
      // The live subscription in this process saw the other processes' appends, in order.
      expect(seen.map((event) => event.eventId)).toEqual(ids);
    } finally {
      await subscription.close();
      await watcher.close();
    }
    expect(integrityCheck(temporary.file)).toBe('ok');
    // The race really happened: some appends met the other process's writes.
    expect([...a.lines, ...b.lines].filter((line) => line.conflict !== undefined).length).toBeGreaterThan(0);
  }, 60_000);
});
