/**
 * Acceptance: kill -9 during a rebuild or a live follow, restart, and the read models equal those of a
 * clean rebuild into a fresh database. The projections run in a real child process (the compiled worker),
 * which is killed with SIGKILL part-way through a batch stream.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { governanceProjectionSpecs, sqliteProjectionRunner } from './governance-projections';
import { appendSyntheticHistory, syntheticGovernanceHistory } from './synthetic/synthetic-history';
import { readModelSnapshot } from './testing/read-model-snapshot';
import { temporaryDirectory } from './testing/temporary-directory';

const libraryRoot = join(__dirname, '..');
const worker = join(libraryRoot, 'dist', 'testing', 'projection-worker.js');

const newestSource = (directory: string): number =>
  Math.max(
    ...readdirSync(directory, { withFileTypes: true }).map((entry) => {
      const path = join(directory, entry.name);
      return entry.isDirectory()
        ? newestSource(path)
        : entry.name.endsWith('.spec.ts')
          ? 0
          : statSync(path).mtimeMs;
    }),
  );

/** CI builds with `tsc -b` before jest; locally, build the worker when it is missing or older than the code. */
const buildWorker = () => {
  if (existsSync(worker) && statSync(worker).mtimeMs >= newestSource(join(libraryRoot, 'src'))) return;
  execFileSync('npx', ['tsc', '-b', join(libraryRoot, 'tsconfig.json')], {
    cwd: join(libraryRoot, '..', '..'),
    stdio: 'inherit',
  });
};

interface Worker {
  readonly child: ChildProcess;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | string>;
  /** Resolves when the worker has printed a line that passes `test`. */
  readonly line: (test: (line: string) => boolean) => Promise<string>;
}

const startWorker = (mode: 'rebuild' | 'catch-up' | 'follow', file: string, batchSize: number): Worker => {
  const child = spawn(process.execPath, [worker, mode, file, String(batchSize)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  let buffered = '';
  child.stdout?.on('data', (data: Buffer) => {
    buffered += data.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    lines.push(...complete);
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const listener of listeners) listener();
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  const line = (test: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(test);
        if (found !== undefined) {
          listeners.delete(check);
          resolve(found);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(check);
          reject(
            new Error(`worker ended (${child.exitCode ?? child.signalCode}) before the line: ${stderr}`),
          );
        }
      };
      listeners.add(check);
      check();
    });
  return { child, exited, line };
};

const killed = async (running: Worker) => {
  running.child.kill('SIGKILL');
  expect(await running.exited).toBe('SIGKILL');
};

const finished = async (running: Worker) => {
  await running.line((line) => line === 'done');
  expect(await running.exited).toBe(0);
};

const progressPast = (events: number) => (line: string) =>
  line.startsWith('progress ') && Number(line.split(' ')[1]) >= events;

describe('crash safety of the projections (kill -9, restart, compare with a clean rebuild)', () => {
  let temporary: ReturnType<typeof temporaryDirectory>;
  let store: SqliteEventStore;
  let db: Database.Database;
  let now = new Date(0);
  const running: Worker[] = [];

  const start = (mode: 'rebuild' | 'catch-up' | 'follow', batchSize: number) => {
    const started = startWorker(mode, temporary.file('events.db'), batchSize);
    running.push(started);
    return started;
  };

  /** The read models rebuilt from scratch, in process, into a database of their own. */
  const cleanRebuild = async () => {
    const fresh = new Database(temporary.file(`clean-${Date.now()}.db`));
    fresh.defaultSafeIntegers(true);
    try {
      await sqliteProjectionRunner({ events: store, db: fresh }).rebuild();
      return readModelSnapshot(fresh);
    } finally {
      fresh.close();
    }
  };

  const checkpointPositions = () =>
    db.prepare('SELECT position FROM projection_checkpoints').pluck().all() as (bigint | null)[];

  beforeAll(buildWorker, 120_000);
  beforeEach(() => {
    temporary = temporaryDirectory();
    store = openSqliteEventStore({ file: temporary.file('events.db'), clock: () => now });
    db = store.openConnection();
  });
  afterEach(async () => {
    for (const { child } of running.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    db.close();
    await store.close();
    temporary.remove();
  });

  it('a rebuild killed twice part-way resumes to the same read models as a clean rebuild', async () => {
    const total = await appendSyntheticHistory(store, {
      events: 12_000,
      seed: 3,
      setClock: (at) => (now = at),
    });
    const head = BigInt(total);

    const first = start('rebuild', 50);
    await first.line(progressPast(3_000));
    await killed(first);
    const afterFirstKill = checkpointPositions();
    expect(afterFirstKill.every((position) => position !== null && position < head)).toBe(true);

    const second = start('catch-up', 50);
    await second.line(progressPast(3_000));
    await killed(second);
    expect(checkpointPositions().every((position) => position !== null && position < head)).toBe(true);

    await finished(start('catch-up', 50));
    expect(checkpointPositions()).toEqual(governanceProjectionSpecs.map(() => head));
    expect(readModelSnapshot(db)).toEqual(await cleanRebuild());
  }, 120_000);

  it('a live follow killed while events are being appended resumes to the same read models', async () => {
    await appendSyntheticHistory(store, { events: 2_000, seed: 5, setClock: (at) => (now = at) });
    const following = start('follow', 20);
    await following.line((line) => line === 'following');
    const chunks = [...syntheticGovernanceHistory({ events: 8_000, seed: 6 })];
    let appended = 0;
    for (const [n, chunk] of chunks.entries()) {
      now = chunk.recordedAt;
      // The second history's event ids must not repeat the first's.
      const events = chunk.events.map((event) => ({ ...event, eventId: `live-${event.eventId}` }));
      await store.appendToStream(chunk.streamId, events, { expectedRevision: 'any' });
      appended += events.length;
      if (n === Math.floor(chunks.length / 2)) {
        // Let the follower take in part of what was appended, then kill it mid-stream.
        while ((checkpointPositions()[0] ?? 0n) < 2_000n + BigInt(appended) / 2n) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await killed(following);
      }
    }
    const lastPosition = BigInt(2_000 + appended);
    expect(checkpointPositions().every((position) => position !== null && position < lastPosition)).toBe(
      true,
    );

    await finished(start('catch-up', 20));
    expect(readModelSnapshot(db)).toEqual(await cleanRebuild());
  }, 120_000);
});
