import { cpus, loadavg, tmpdir } from 'node:os';
import { commandLatencyBenchmark } from './command-latency-bench';
import { exportBenchFigures } from './export-bench';
import type { Figure } from './figure';
import { httpBenchmark } from './http-bench';
import { postgresStoreBenchmark } from './postgres-store-bench';
import { projectionsBenchmark } from './projections-bench';
import { sqliteStoreBenchmark } from './sqlite-store-bench';
import { formatCount, formatTable } from './table';
import { readWorkload, type Workload } from './workload';

/**
 * Each benchmark is a section: its own file, a title, and figures measured in this run, or the one line
 * that says why the section could not run here (the other sections still run).
 */
interface Section {
  readonly title: string;
  readonly run: (workload: Workload) => Promise<readonly Figure[] | string>;
}

const sections: readonly Section[] = [
  {
    title:
      'Event store on SQLite (WAL, synchronous = FULL) against raw better-sqlite3 and Emmett on SQLite ' +
      'with the same durability',
    run: sqliteStoreBenchmark,
  },
  {
    title:
      'Event store on PostgreSQL (a throwaway local cluster, fsync = on, synchronous_commit = on) against ' +
      'raw pg and Emmett on PostgreSQL on the same server',
    run: postgresStoreBenchmark,
  },
  {
    title:
      'Projections: rebuild every read model from a synthetic governance history, on SQLite and on ' +
      'PostgreSQL, at two lengths to show that memory stays flat (BENCH_PROJECTION_EVENTS)',
    run: () => projectionsBenchmark(),
  },
  {
    title:
      'Signed audit export of a SQLite store, and its offline verification (BENCH_EXPORT_EVENTS, a million ' +
      'by default)',
    run: exportBenchFigures,
  },
  {
    title:
      'Commands through the library as the history grows: a running service and a fresh process (what ' +
      '`styring exec` does) on SQLite and PostgreSQL (BENCH_COMMAND_EVENTS)',
    run: () => commandLatencyBenchmark(),
  },
  {
    title:
      'HTTP: the service (apps/api) on a fresh SQLite store, 10 connections of autocannon on loopback ' +
      '(BENCH_HTTP_SECONDS per load)',
    run: httpBenchmark,
  },
];

const ratio = (ours: number, other: number | 'unavailable' | undefined) =>
  typeof other === 'number' ? `${(ours / other).toFixed(2)}×` : other === undefined ? '' : '—';

const rows = (figures: readonly Figure[]) =>
  figures.map((figure) => [
    figure.measure,
    formatCount(figure.count),
    `${formatCount(figure.perSecond)} ${figure.unit}/s`,
    figure.floor === undefined ? '' : `${formatCount(figure.floor)}/s`,
    figure.floor === undefined ? '' : `${((100 * figure.perSecond) / figure.floor).toFixed(0)} %`,
    typeof figure.peer === 'number' ? `${formatCount(figure.peer)}/s` : figure.peer === undefined ? '' : '—',
    ratio(figure.perSecond, figure.peer),
    figure.target === undefined
      ? ''
      : `${formatCount(figure.target)}/s ${figure.perSecond >= figure.target ? 'met' : 'MISSED'}`,
  ]);

const main = async () => {
  const workload = readWorkload(process.argv.slice(2), process.env);
  console.log(
    `styring benchmark: Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}, ` +
      `files in ${tmpdir()}\n`,
  );
  const started = Date.now();
  for (const section of sections) {
    const figures = await section.run(workload);
    console.log(
      typeof figures === 'string'
        ? `${section.title}\n\n${figures}\n`
        : formatTable(
            section.title,
            ['measure', 'count', 'rate', 'raw floor', 'of floor', 'Emmett', 'ours / Emmett', 'target'],
            rows(figures),
          ),
    );
  }
  console.log(`measured in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
