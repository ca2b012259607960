/**
 * Rebuilding every governance read model (`governanceProjectionSpecs`: Vedtakslogg, plan register,
 * portfolios, risk register, reporting calendar, authority, Endringslogg, internkontroll, project folder,
 * tilsyn register, organization units, procurements, ownership) from a realistic generated history, at two
 * log lengths, to show the rate and that memory stays flat however long the log is: on SQLite (read models
 * in the store's file) and on PostgreSQL (a throwaway local cluster; read models in the store's database,
 * schema `styring_read_models`, as a deployment keeps them).
 *
 * The history is appended through each event store's own API first (one append per stream chunk, not
 * timed). Each rebuild then runs in a child process of its own, with its V8 heap capped, so that its peak
 * memory (the RSS high-water mark, process.resourceUsage().maxRSS) is the rebuild's alone and a rebuild that
 * kept anything per event would run out of heap on the longer log. PostgreSQL's own memory is the server's,
 * not counted. Run alone: `npx tsc -b tools/bench && node tools/bench/dist/projections-bench.js
 * [--events 250000,1000000]` (or BENCH_PROJECTION_EVENTS=250000,1000000).
 */
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import {
  findPostgresBinaries,
  openPostgresEventStore,
  startThrowawayCluster,
} from '@styring/eventstore-postgres';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import {
  governanceProjectionSpecs,
  openPostgresReadModels,
  postgresProjectionRunner,
  sqliteProjectionRunner,
} from '@styring/projections';
import { stopExpectingIdleClientsToDrop } from './expected-shutdown';
import type { Figure } from './figure';
import { memoryVerdict } from './memory-limit';
import { configuredSizes, parseSizes } from './history-sizes';
import { withScratchDirectory } from './scratch-directory';
import { syntheticPostgresDatabase, syntheticStoreFile } from './synthetic-store';

/** Events per second each database's rebuild should reach (issue 14 for SQLite, issue 17 for PostgreSQL). */
const TARGETS = { SQLite: 100_000, PostgreSQL: 80_000 } as const;
type Database = keyof typeof TARGETS;
const DEFAULT_SIZES = [250_000, 1_000_000];
/** The rebuild's V8 heap is capped: that a million events rebuild within it shows memory does not grow. */
const HEAP_LIMIT_MB = 64;
const projectionCount = governanceProjectionSpecs.length;

interface RebuildResult {
  readonly events: number;
  readonly seconds: number;
  readonly maxRssMb: number;
}

/** Times one rebuild of every projection; `done` is how many events it has read so far. */
const timed = async (rebuild: () => Promise<void>, done: () => number): Promise<RebuildResult> => {
  const started = process.hrtime.bigint();
  await rebuild();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events: done(), seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 };
};

/** In the child: rebuild every projection in the SQLite store file. */
const rebuildSqlite = async (file: string): Promise<RebuildResult> => {
  const store = openSqliteEventStore({ file });
  const db = store.openConnection();
  try {
    let events = 0;
    const runner = sqliteProjectionRunner({
      events: store,
      db,
      onProgress: (progress) => (events = progress.done),
    });
    return await timed(
      () => runner.rebuild(),
      () => events,
    );
  } finally {
    db.close();
    await store.close();
  }
};

/** In the child: rebuild every projection of the PostgreSQL store, into its own database. */
const rebuildPostgres = async (connection: string): Promise<RebuildResult> => {
  const store = await openPostgresEventStore({ connection });
  const readModels = openPostgresReadModels({ connectionString: connection });
  try {
    let events = 0;
    const runner = postgresProjectionRunner({
      events: store,
      store: readModels.store,
      onProgress: (progress) => (events = progress.done),
    });
    return await timed(
      () => runner.rebuild(),
      () => events,
    );
  } finally {
    await readModels.close();
    await store.close();
  }
};

/** The rebuild a child runs, by `--rebuild`: of the SQLite file or the PostgreSQL database `--at` names. */
const rebuilds: Readonly<Record<Database, (location: string) => Promise<RebuildResult>>> = {
  SQLite: rebuildSqlite,
  PostgreSQL: rebuildPostgres,
};

const rebuildInChild = (database: Database, location: string): Promise<RebuildResult> =>
  new Promise((resolve, reject) => {
    const child = fork(__filename, ['--rebuild', database, '--at', location], {
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
  readonly database: Database;
  readonly eventsPerSecond: number;
}

const withRate = (database: Database, result: RebuildResult): ProjectionsBenchmarkResult => ({
  ...result,
  database,
  eventsPerSecond: result.events / result.seconds,
});

const measureOnSqlite = (sizes: readonly number[]): Promise<ProjectionsBenchmarkResult[]> =>
  withScratchDirectory(async (directory) => {
    const results: ProjectionsBenchmarkResult[] = [];
    for (const size of sizes) {
      const file = await syntheticStoreFile(directory, size);
      results.push(withRate('SQLite', await rebuildInChild('SQLite', file)));
    }
    return results;
  });

const measureOnPostgres = async (sizes: readonly number[]): Promise<ProjectionsBenchmarkResult[]> => {
  const cluster = await startThrowawayCluster();
  try {
    const results: ProjectionsBenchmarkResult[] = [];
    for (const size of sizes) {
      const connection = await syntheticPostgresDatabase(cluster, `rebuild_${size}`, size);
      results.push(withRate('PostgreSQL', await rebuildInChild('PostgreSQL', connection)));
    }
    return results;
  } finally {
    await stopExpectingIdleClientsToDrop(() => cluster.destroy());
  }
};

/** Generates each history size and rebuilds every projection from it in a child process, on each database. */
export const measureProjectionRebuilds = async (
  sizes: readonly number[] = DEFAULT_SIZES,
): Promise<ProjectionsBenchmarkResult[]> => [
  ...(await measureOnSqlite(sizes)),
  ...(findPostgresBinaries() === undefined ? [] : await measureOnPostgres(sizes)),
];

/** The benchmark as a section of the bench runner: one figure per database and history size. */
export const projectionsBenchmark = async (
  sizes: readonly number[] = configuredSizes('BENCH_PROJECTION_EVENTS', DEFAULT_SIZES),
): Promise<Figure[]> =>
  (await measureProjectionRebuilds(sizes)).map((result) => ({
    measure: `${result.database}: rebuild all ${projectionCount} projections (heap ≤ ${HEAP_LIMIT_MB} MB, ${memoryVerdict(result.maxRssMb)})`,
    count: result.events,
    unit: 'events',
    perSecond: result.eventsPerSecond,
    target: TARGETS[result.database],
  }));

const main = async () => {
  const { values } = parseArgs({
    options: { rebuild: { type: 'string' }, at: { type: 'string' }, events: { type: 'string' } },
  });
  if (values.rebuild !== undefined) {
    const rebuild = Object.hasOwn(rebuilds, values.rebuild)
      ? rebuilds[values.rebuild as Database]
      : undefined;
    if (rebuild === undefined || values.at === undefined) {
      throw new Error(`--rebuild takes ${Object.keys(rebuilds).join(' or ')} and --at the store to rebuild`);
    }
    process.send?.(await rebuild(values.at));
    return;
  }
  const sizes =
    values.events === undefined
      ? configuredSizes('BENCH_PROJECTION_EVENTS', DEFAULT_SIZES)
      : parseSizes(values.events);
  console.log(
    `Rebuilding all ${projectionCount} projections from a synthetic governance history ` +
      `(SQLite, then PostgreSQL; one process per size, V8 heap capped at ${HEAP_LIMIT_MB} MB)`,
  );
  for (const result of await measureProjectionRebuilds(sizes)) {
    const rate = Math.round(result.eventsPerSecond);
    const target = TARGETS[result.database];
    console.log(
      `${result.database.padEnd(10)} ${result.events.toLocaleString('en-US').padStart(10)} events  ` +
        `${result.seconds.toFixed(2).padStart(7)} s  ${rate.toLocaleString('en-US').padStart(8)} events/s  ` +
        `${memoryVerdict(result.maxRssMb)}  target ${target.toLocaleString('en-US')}/s ${rate >= target ? 'met' : 'MISSED'}`,
    );
  }
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
