/**
 * Rebuilding every governance read model (`governanceProjectionSpecs`: Vedtakslogg, plan register,
 * portfolios, risk register, reporting calendar, authority, Endringslogg, internkontroll, project folder,
 * tilsyn register, organization units, procurements, ownership) from a realistic generated history, at two
 * log lengths, to show the rate and that memory stays flat however long the log is.
 *
 * The history is appended through the SQLite event store's own API first (one append per stream chunk,
 * not timed). Each rebuild then runs in a child process of its own, with its V8 heap capped, so that its
 * peak memory (the RSS high-water mark, process.resourceUsage().maxRSS) is the rebuild's alone and a
 * rebuild that kept anything per event would run out of heap on the longer log. Run alone:
 * `npx tsc -b tools/bench && node tools/bench/dist/projections-bench.js [--events 250000,1000000]`
 * (or BENCH_PROJECTION_EVENTS=250000,1000000).
 */
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { governanceProjectionSpecs, sqliteProjectionRunner } from '@styring/projections';
import type { Figure } from './figure';
import { configuredSizes, parseSizes } from './history-sizes';
import { withScratchDirectory } from './scratch-directory';
import { syntheticStoreFile } from './synthetic-store';

const TARGET_EVENTS_PER_SECOND = 100_000;
const DEFAULT_SIZES = [250_000, 1_000_000];
/** The rebuild's V8 heap is capped: that a million events rebuild within it shows memory does not grow. */
const HEAP_LIMIT_MB = 64;
const projectionCount = governanceProjectionSpecs.length;

interface RebuildResult {
  readonly events: number;
  readonly seconds: number;
  readonly maxRssMb: number;
}

/** In the child: rebuild every projection in the store file and report the time and peak memory. */
const rebuildInThisProcess = async (file: string): Promise<RebuildResult> => {
  const store = openSqliteEventStore({ file });
  const db = store.openConnection();
  try {
    let events = 0;
    const runner = sqliteProjectionRunner({
      events: store,
      db,
      onProgress: (progress) => (events = progress.done),
    });
    const started = process.hrtime.bigint();
    await runner.rebuild();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { events, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    db.close();
    await store.close();
  }
};

const rebuildInChild = (file: string): Promise<RebuildResult> =>
  new Promise((resolve, reject) => {
    const child = fork(__filename, ['--rebuild', file], {
      execArgv: [...process.execArgv, `--max-old-space-size=${HEAP_LIMIT_MB}`],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (result) => resolve(result as RebuildResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the rebuild process exited with ${code}`));
    });
  });

export interface ProjectionsBenchmarkResult extends RebuildResult {
  readonly eventsPerSecond: number;
}

/** Generates each history size and rebuilds every projection from it in a child process. */
export const measureProjectionRebuilds = async (
  sizes: readonly number[] = DEFAULT_SIZES,
): Promise<ProjectionsBenchmarkResult[]> =>
  withScratchDirectory(async (directory) => {
    const results: ProjectionsBenchmarkResult[] = [];
    for (const size of sizes) {
      const result = await rebuildInChild(await syntheticStoreFile(directory, size));
      results.push({ ...result, eventsPerSecond: result.events / result.seconds });
    }
    return results;
  });

/** The benchmark as a section of the bench runner: one figure per history size, peak memory in the name. */
export const projectionsBenchmark = async (
  sizes: readonly number[] = configuredSizes('BENCH_PROJECTION_EVENTS', DEFAULT_SIZES),
): Promise<Figure[]> =>
  (await measureProjectionRebuilds(sizes)).map((result) => ({
    measure: `rebuild all ${projectionCount} projections (heap ≤ ${HEAP_LIMIT_MB} MB, peak RSS ${result.maxRssMb.toFixed(0)} MB)`,
    count: result.events,
    unit: 'events',
    perSecond: result.eventsPerSecond,
    target: TARGET_EVENTS_PER_SECOND,
  }));

const main = async () => {
  const { values } = parseArgs({ options: { rebuild: { type: 'string' }, events: { type: 'string' } } });
  if (values.rebuild !== undefined) {
    process.send?.(await rebuildInThisProcess(values.rebuild));
    return;
  }
  const sizes =
    values.events === undefined
      ? configuredSizes('BENCH_PROJECTION_EVENTS', DEFAULT_SIZES)
      : parseSizes(values.events);
  console.log(
    `Rebuilding all ${projectionCount} projections from a synthetic governance history ` +
      `(SQLite, one process per size, V8 heap capped at ${HEAP_LIMIT_MB} MB)`,
  );
  for (const result of await measureProjectionRebuilds(sizes)) {
    const rate = Math.round(result.eventsPerSecond);
    console.log(
      `${result.events.toLocaleString('en-US').padStart(10)} events  ${result.seconds.toFixed(2).padStart(7)} s  ` +
        `${rate.toLocaleString('en-US').padStart(8)} events/s  peak RSS ${result.maxRssMb.toFixed(0).padStart(4)} MB  ` +
        `target ${TARGET_EVENTS_PER_SECOND.toLocaleString('en-US')}/s ${rate >= TARGET_EVENTS_PER_SECOND ? 'met' : 'MISSED'}`,
    );
  }
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
