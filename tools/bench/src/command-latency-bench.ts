/**
 * How long one command takes through the library (`openStore` and `createCommandExecutor`, as `styring
 * exec` runs them) as the history grows: the same status report on a running project, after 10,000, 100,000
 * and 1,000,000 events of the synthetic governance history, on SQLite and on PostgreSQL (a throwaway
 * cluster, skipped without PostgreSQL binaries). Per store and size, two fresh child processes, one after
 * the other, measure:
 * - `fresh process`: open the store, build the executor, decide and append one command, as every
 *   `styring exec` does (Node's own start-up, loading the library and the CLI's token check not included).
 *   The first process finds the history as it was written, without a snapshot of the governance context
 *   (it folds the whole log once and writes one); the second finds the snapshot the first left, as every
 *   later command does; the target is for the second;
 * - `running service`: in the second, the next commands on the same executor, which reads only what was
 *   appended since its last command: p50 and p99 over `COMMANDS` commands.
 * Run alone: `npx tsc -b tools/bench && node tools/bench/dist/command-latency-bench.js [--events 10000,…]`
 * (or BENCH_COMMAND_EVENTS=…).
 */
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createCommandExecutor, openStore } from '@styring/app';
import type { EventReader } from '@styring/eventstore';
import {
  findPostgresBinaries,
  openPostgresEventStore,
  startThrowawayCluster,
} from '@styring/eventstore-postgres';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { stopExpectingIdleClientsToDrop } from './expected-shutdown';
import type { Figure } from './figure';
import { configuredSizes, parseSizes } from './history-sizes';
import { withScratchDirectory } from './scratch-directory';
import { syntheticPostgresDatabase, syntheticStoreFile } from './synthetic-store';

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const COMMANDS = 200;
/** A fresh process decides one command within this (issue 17: `styring exec` under 0.5 s at a million). */
const FRESH_TARGET_MS = 500;
/** The running service's p50 at the largest size may be at most this many times its p50 at the smallest. */
const GROWTH_LIMIT = 2;

type StoreName = 'SQLite' | 'PostgreSQL';

/** What one child process measured. */
interface Measured {
  readonly freshMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

interface LatencyResult {
  readonly store: StoreName;
  readonly events: number;
  /** The first fresh process: no snapshot of the context yet. */
  readonly coldMs: number;
  /** The second: the snapshot the first left; its running service's p50 and p99. */
  readonly warm: Measured;
}

const caller = { actor: 'benchmark@lorenskog.kommune.no', role: 'kommunedirektor' };

const statusReport = (projectId: string, n: number) => ({
  type: 'ReportProjectStatus',
  projectId,
  reportedOn: '2030-06-30',
  health: 'gronn',
  summary: `Statusrapport ${n} fra benchmarken`,
  reportedTo: 'kommunestyret',
});

/** A project of the history that is still running (registered, neither completed nor cancelled). */
const runningProject = async (store: EventReader): Promise<string> => {
  const running = new Set<string>();
  const eventTypes = ['ProjectRegistered', 'ProjectCompleted', 'ProjectCancelled'];
  for await (const event of store.readAll({ filter: { eventTypes } })) {
    const { projectId } = event.data as { projectId: string };
    if (event.type === 'ProjectRegistered') running.add(projectId);
    else running.delete(projectId);
  }
  const [projectId] = running;
  if (projectId === undefined) throw new Error('the history holds no running project to report on');
  return projectId;
};

const milliseconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** In the child: the first command in a fresh process, then `commands` more on the same executor. */
const measureInThisProcess = async (url: string, projectId: string, commands: number): Promise<Measured> => {
  const started = process.hrtime.bigint();
  const store = await openStore(url);
  try {
    const executor = createCommandExecutor(store.events);
    const run = async (n: number) => {
      const result = await executor.execute(statusReport(projectId, n), caller);
      if (result.status !== 'accepted')
        throw new Error(`the command was not accepted: ${JSON.stringify(result)}`);
    };
    await run(0);
    const freshMs = milliseconds(started);
    const latencies: number[] = [];
    for (let n = 1; n <= commands; n += 1) {
      const commandStarted = process.hrtime.bigint();
      await run(n);
      latencies.push(milliseconds(commandStarted));
    }
    latencies.sort((a, b) => a - b);
    return { freshMs, p50Ms: percentile(latencies, 50) ?? 0, p99Ms: percentile(latencies, 99) ?? 0 };
  } finally {
    await store.close();
  }
};

const measureInChild = (url: string, projectId: string, commands: number): Promise<Measured> =>
  new Promise((resolve, reject) => {
    const child = fork(
      __filename,
      ['--measure', url, '--project', projectId, '--commands', String(commands)],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    let result: Measured | undefined;
    child.once('message', (message) => (result = message as Measured));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 && result !== undefined
        ? resolve(result)
        : reject(new Error(`the command process exited with ${code}`)),
    );
  });

/** The cold process (one command, no snapshot yet), then the warm one (the snapshot, then COMMANDS more). */
const measureStore = async (
  store: StoreName,
  events: number,
  url: string,
  projectId: string,
): Promise<LatencyResult> => {
  const cold = await measureInChild(url, projectId, 0);
  return { store, events, coldMs: cold.freshMs, warm: await measureInChild(url, projectId, COMMANDS) };
};

const measureOnSqlite = (sizes: readonly number[]): Promise<LatencyResult[]> =>
  withScratchDirectory(async (directory) => {
    const results: LatencyResult[] = [];
    for (const size of sizes) {
      const file = await syntheticStoreFile(directory, size);
      const store = openSqliteEventStore({ file });
      const projectId = await runningProject(store).finally(() => store.close());
      results.push(await measureStore('SQLite', size, `sqlite:${file}`, projectId));
    }
    return results;
  });

const measureOnPostgres = async (sizes: readonly number[]): Promise<LatencyResult[]> => {
  const cluster = await startThrowawayCluster();
  try {
    const results: LatencyResult[] = [];
    for (const size of sizes) {
      const connection = await syntheticPostgresDatabase(cluster, `history_${size}`, size);
      const store = await openPostgresEventStore({ connection });
      const projectId = await runningProject(store).finally(() => store.close());
      results.push(await measureStore('PostgreSQL', size, connection, projectId));
    }
    return results;
  } finally {
    await stopExpectingIdleClientsToDrop(() => cluster.destroy());
  }
};

export const measureCommandLatency = async (sizes: readonly number[]): Promise<LatencyResult[]> => [
  ...(await measureOnSqlite(sizes)),
  ...(findPostgresBinaries() === undefined ? [] : await measureOnPostgres(sizes)),
];

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

const count = (events: number) => events.toLocaleString('en-US');

/** The figures of one store's sizes, each beside its target. */
const storeFigures = (results: readonly LatencyResult[]): Figure[] => {
  const smallest = results[0]!;
  return results.flatMap(({ store, events, coldMs, warm }) => [
    {
      measure:
        `${store}, running service: one command after ${count(events)} events, p50 ${warm.p50Ms.toFixed(1)} ` +
        `ms, p99 ${warm.p99Ms.toFixed(1)} ms (p50 ≤ ${GROWTH_LIMIT}× the ${count(smallest.events)}-event p50 ` +
        `of ${smallest.warm.p50Ms.toFixed(1)} ms: ${verdict(warm.p50Ms <= GROWTH_LIMIT * smallest.warm.p50Ms)})`,
      count: COMMANDS,
      unit: 'commands',
      perSecond: 1000 / warm.p50Ms,
    },
    {
      measure:
        `${store}, fresh process: open the store and decide one command after ${count(events)} events, ` +
        `${warm.freshMs.toFixed(0)} ms (≤ ${FRESH_TARGET_MS} ms: ${verdict(warm.freshMs <= FRESH_TARGET_MS)}); ` +
        `the first after the history was written, without a context snapshot: ${coldMs.toFixed(0)} ms`,
      count: 1,
      unit: 'commands',
      perSecond: 1000 / warm.freshMs,
    },
  ]);
};

/**
 * The benchmark as a section of the bench runner: per store and size, the running service's p50/p99 (and
 * whether its p50 stays within GROWTH_LIMIT× of the smallest size's), and the fresh process's time.
 */
export const commandLatencyBenchmark = async (
  sizes: readonly number[] = configuredSizes('BENCH_COMMAND_EVENTS', DEFAULT_SIZES),
): Promise<Figure[]> => {
  const results = await measureCommandLatency(sizes);
  const stores = [...new Set(results.map((result) => result.store))];
  return stores.flatMap((store) => storeFigures(results.filter((result) => result.store === store)));
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      measure: { type: 'string' },
      project: { type: 'string' },
      commands: { type: 'string' },
      events: { type: 'string' },
    },
  });
  if (values.measure !== undefined && values.project !== undefined) {
    process.send?.(await measureInThisProcess(values.measure, values.project, Number(values.commands)));
    return;
  }
  const sizes =
    values.events === undefined
      ? configuredSizes('BENCH_COMMAND_EVENTS', DEFAULT_SIZES)
      : parseSizes(values.events);
  for (const figure of await commandLatencyBenchmark(sizes)) console.log(figure.measure);
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
