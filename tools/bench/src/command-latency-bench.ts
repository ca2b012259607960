/**
 * How long one command takes through the library (`createCommandExecutor` on the SQLite store) as the
 * history grows: the same status report on a running project, after 10,000, 100,000 and 1,000,000 events
 * of the synthetic governance history. Each size runs in a fresh child process, which measures:
 * - `fresh process`: open the store, build the executor, decide and append one command, as every
 *   `styring exec` does (Node's own start-up and the CLI's token check not included);
 * - `running service`: the next commands on the same executor, which reads only what was appended since
 *   its last command: p50 and p99 over `COMMANDS` commands.
 * Run alone: `npx tsc -b tools/bench && node tools/bench/dist/command-latency-bench.js [--events 10000,…]`
 * (or BENCH_COMMAND_EVENTS=…).
 */
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createCommandExecutor } from '@styring/app';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import type { Figure } from './figure';
import { configuredSizes, parseSizes } from './history-sizes';
import { withScratchDirectory } from './scratch-directory';
import { syntheticStoreFile } from './synthetic-store';

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const COMMANDS = 200;
/** A fresh process decides one command within this (issue 17: `styring exec` under 0.5 s at a million). */
const FRESH_TARGET_MS = 500;
/** The running service's p50 at the largest size may be at most this many times its p50 at the smallest. */
const GROWTH_LIMIT = 2;

interface LatencyResult {
  readonly events: number;
  readonly freshMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
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
const runningProject = async (file: string): Promise<string> => {
  const store = openSqliteEventStore({ file });
  const running = new Set<string>();
  try {
    const eventTypes = ['ProjectRegistered', 'ProjectCompleted', 'ProjectCancelled'];
    for await (const event of store.readAll({ filter: { eventTypes } })) {
      const { projectId } = event.data as { projectId: string };
      if (event.type === 'ProjectRegistered') running.add(projectId);
      else running.delete(projectId);
    }
  } finally {
    await store.close();
  }
  const [projectId] = running;
  if (projectId === undefined) throw new Error(`${file} holds no running project to report on`);
  return projectId;
};

const milliseconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** In the child: the first command in a fresh process, then COMMANDS more on the same executor. */
const measureInThisProcess = async (
  file: string,
  projectId: string,
): Promise<Omit<LatencyResult, 'events'>> => {
  const started = process.hrtime.bigint();
  const store = openSqliteEventStore({ file });
  try {
    const executor = createCommandExecutor(store);
    const run = async (n: number) => {
      const result = await executor.execute(statusReport(projectId, n), caller);
      if (result.status !== 'accepted')
        throw new Error(`the command was not accepted: ${JSON.stringify(result)}`);
    };
    await run(0);
    const freshMs = milliseconds(started);
    const latencies: number[] = [];
    for (let n = 1; n <= COMMANDS; n += 1) {
      const commandStarted = process.hrtime.bigint();
      await run(n);
      latencies.push(milliseconds(commandStarted));
    }
    latencies.sort((a, b) => a - b);
    return { freshMs, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
  } finally {
    await store.close();
  }
};

const measureInChild = (file: string, projectId: string): Promise<Omit<LatencyResult, 'events'>> =>
  new Promise((resolve, reject) => {
    const child = fork(__filename, ['--measure', file, '--project', projectId], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: Omit<LatencyResult, 'events'> | undefined;
    child.once('message', (message) => (result = message as Omit<LatencyResult, 'events'>));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 && result !== undefined
        ? resolve(result)
        : reject(new Error(`the command process exited with ${code}`)),
    );
  });

export const measureCommandLatency = (sizes: readonly number[]): Promise<LatencyResult[]> =>
  withScratchDirectory(async (directory) => {
    const results: LatencyResult[] = [];
    for (const size of sizes) {
      const file = await syntheticStoreFile(directory, size);
      results.push({ events: size, ...(await measureInChild(file, await runningProject(file))) });
    }
    return results;
  });

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

/**
 * The benchmark as a section of the bench runner: per size, the running service's rate with its p50/p99
 * (and whether its p50 stays within GROWTH_LIMIT× of the smallest size's), and the fresh process's time.
 */
export const commandLatencyBenchmark = async (
  sizes: readonly number[] = configuredSizes('BENCH_COMMAND_EVENTS', DEFAULT_SIZES),
): Promise<Figure[]> => {
  const results = await measureCommandLatency(sizes);
  const smallest = results[0]!;
  return results.flatMap((result) => [
    {
      measure:
        `running service: one command after ${result.events.toLocaleString('en-US')} events, p50 ` +
        `${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms (p50 ≤ ${GROWTH_LIMIT}× the ` +
        `${smallest.events.toLocaleString('en-US')}-event p50: ${verdict(result.p50Ms <= GROWTH_LIMIT * smallest.p50Ms)})`,
      count: COMMANDS,
      unit: 'commands',
      perSecond: 1000 / result.p50Ms,
    },
    {
      measure:
        `fresh process: open the store and decide one command after ${result.events.toLocaleString('en-US')} ` +
        `events, ${result.freshMs.toFixed(0)} ms (≤ ${FRESH_TARGET_MS} ms: ${verdict(result.freshMs <= FRESH_TARGET_MS)})`,
      count: 1,
      unit: 'commands',
      perSecond: 1000 / result.freshMs,
    },
  ]);
};

const main = async () => {
  const { values } = parseArgs({
    options: { measure: { type: 'string' }, project: { type: 'string' }, events: { type: 'string' } },
  });
  if (values.measure !== undefined && values.project !== undefined) {
    process.send?.(await measureInThisProcess(values.measure, values.project));
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
