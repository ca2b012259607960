/**
 * The HTTP service under load: the built `apps/api` in a process of its own on a fresh SQLite store (the demo
 * history), driven by autocannon with 10 connections on loopback. Simple reads (the decision log, 20 rows)
 * and simple writes (a project status report, to one of 200 projects, each a new event) with a bearer token
 * the service verifies. Each is printed beside a floor from the same run: reads beside a bare `node:http`
 * server answering the same JSON, and NestJS on Express answering it without any work of the service's own
 * (the framework's ceiling), writes beside the store's own durable appends by 10 concurrent writers.
 * The CPU the service used per request and the load average (2 shared cores) are printed beside the rates.
 * BENCH_HTTP_SECONDS (10 by default) is how long each load runs; BENCH_HTTP_PROFILE=<dir> runs the service
 * with `node --cpu-prof` and leaves its profile there.
 * Run alone: `npx tsc -b tools/bench apps/api && node tools/bench/dist/http-bench.js`.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { issueLocalToken } from '@styring/app';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { type FloorKind, startBareServer } from './bare-http-floor';
import type { Figure } from './figure';
import { startService } from './http-service';
import { perSecond } from './measure';
import { formatCount } from './table';
import { withScratchDirectory } from './scratch-directory';
import { benchEvent, readWorkload, type Workload } from './workload';

const CONNECTIONS = 10;
const PROJECTS = 200;
const READS_TARGET = 4_000;
const WRITES_TARGET = 1_500;
const WRITES_P99_TARGET_MS = 50;
const READ_PATH = '/api/decision-log?limit=20';

const projectId = (n: number) => `ytelsesmaling-${n}`;
const statusReport = (n: number) =>
  JSON.stringify({
    reportedOn: '2025-03-14',
    health: (['gronn', 'gul', 'rod'] as const)[n % 3],
    summary: 'Framdrift etter plan; kostnadene ligger innenfor rammen',
    reportedTo: 'kommunestyret',
  });

interface Load {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Service CPU (user + system) per request, in µs; undefined where /proc is not there. */
  readonly cpuMicros: number | undefined;
  readonly load: readonly [number, number];
}

/** One autocannon run; any answer other than 2xx, or any connection error, makes the figure void. */
const drive = async (
  options: autocannon.Options,
  cpuSeconds: () => number | undefined = () => undefined,
): Promise<Load> => {
  const loadBefore = loadavg()[0]!;
  const cpuBefore = cpuSeconds();
  const result = await autocannon({ connections: CONNECTIONS, ...options });
  const cpuAfter = cpuSeconds();
  const requests = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0 || requests === 0)
    throw new Error(
      `${options.method ?? 'GET'} ${String(options.url)}: ${result.non2xx} answers not 2xx, ` +
        `${result.errors} errors (${JSON.stringify(result.statusCodeStats)})`,
    );
  return {
    requests,
    perSecond: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicros:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : ((cpuAfter - cpuBefore) / requests) * 1e6,
    load: [loadBefore, loadavg()[0]!],
  };
};

/** What the store itself does with the writes' durability and concurrency: 10 writers, one event per append. */
const storeAppendsPerSecond = async (directory: string, appends: number) => {
  const store = openSqliteEventStore({ file: join(directory, 'floor.db') });
  try {
    const writer = async (w: number) => {
      for (let n = 0; n < appends / CONNECTIONS; n++) {
        const outcome = await store.appendToStream(`floor-${w}`, [benchEvent(n)], {
          expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1),
        });
        if (outcome._tag !== 'Appended') throw new Error(`floor append refused: ${outcome._tag}`);
      }
    };
    const count = CONNECTIONS * Math.ceil(appends / CONNECTIONS);
    return await perSecond(count, () =>
      Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => writer(w))),
    );
  } finally {
    await store.close();
  }
};

const loadNote = (load: Load) =>
  `p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
  `CPU ${load.cpuMicros === undefined ? '?' : load.cpuMicros.toFixed(0)} µs/request, ` +
  `load ${load.load.map((value) => value.toFixed(1)).join('→')}`;

const seconds = (env: NodeJS.ProcessEnv) => {
  const value = Number(env['BENCH_HTTP_SECONDS'] ?? 10);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error('BENCH_HTTP_SECONDS must be a positive whole number');
  return value;
};

export const httpBenchmark = (workload: Workload, env: NodeJS.ProcessEnv = process.env): Promise<Figure[]> =>
  withScratchDirectory(async (directory) => {
    const duration = seconds(env);
    const profile = env['BENCH_HTTP_PROFILE'];
    const service = await startService(directory, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
    try {
      const token = await issueLocalToken({
        dataDir: join(directory, 'data'),
        subject: 'bench-radgiver-styv',
        role: 'styv',
        unit: 'styv',
        expiresIn: '1h',
      });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      // Ten at a time, as the load will come; each project's stream then holds a few dozen reports at most.
      const register = async (n: number) => {
        const registered = await fetch(`${service.url}/api/projects`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            projectId: projectId(n),
            name: `Ytelsesmåling ${n}`,
            portfolio: 'utvikling-digitalisering',
            owningUnit: 'oppvekst-og-utdanning',
            need: 'Målt last mot tjenesten',
            registeredOn: '2025-01-15',
          }),
        });
        if (registered.status !== 201)
          throw new Error(`registering ${projectId(n)}: ${registered.status} ${await registered.text()}`);
      };
      for (let n = 0; n < PROJECTS; n += CONNECTIONS) {
        await Promise.all(Array.from({ length: CONNECTIONS }, (_, lane) => register(n + lane)));
      }
      const read = await fetch(`${service.url}${READ_PATH}`, { headers });
      const readBody = await read.text();
      const reads = await drive({ url: `${service.url}${READ_PATH}`, headers, duration }, service.cpuSeconds);
      let written = 0;
      const writes = await drive(
        {
          url: service.url,
          method: 'POST',
          headers,
          duration,
          requests: [
            {
              setupRequest: (request) => {
                const n = written++;
                return {
                  ...request,
                  path: `/api/projects/${projectId(n % PROJECTS)}/status-reports`,
                  body: statusReport(n),
                };
              },
            },
          ],
        },
        service.cpuSeconds,
      );
      const floorReads = async (kind: FloorKind) => {
        const floor = await startBareServer(kind, read.status, readBody);
        return drive({ url: `${floor.url}${READ_PATH}`, headers, duration }, floor.cpuSeconds).finally(
          floor.stop,
        );
      };
      const bareReads = await floorReads('node');
      const nestReads = await floorReads('nest');
      const storeFloor = await storeAppendsPerSecond(directory, workload.singleAppends);
      return [
        {
          measure: `reads, GET ${READ_PATH} (${loadNote(reads)}); floor: bare node:http, same JSON`,
          count: reads.requests,
          unit: 'requests',
          perSecond: reads.perSecond,
          floor: bareReads.perSecond,
          target: READS_TARGET,
        },
        {
          measure:
            `reads, floor of the framework: NestJS on Express as the service runs it, one controller sending ` +
            `the same JSON, no token, no query (${loadNote(nestReads)}); floor: bare node:http`,
          count: nestReads.requests,
          unit: 'requests',
          perSecond: nestReads.perSecond,
          floor: bareReads.perSecond,
        },
        {
          measure:
            `writes, POST …/status-reports (${loadNote(writes)}; p99 target < ${WRITES_P99_TARGET_MS} ms ` +
            `${writes.p99 < WRITES_P99_TARGET_MS ? 'met' : 'MISSED'}); floor: the store, 10 concurrent single appends`,
          count: writes.requests,
          unit: 'requests',
          perSecond: writes.perSecond,
          floor: storeFloor,
          target: WRITES_TARGET,
        },
      ];
    } finally {
      await service.stop();
    }
  });

if (require.main === module) {
  httpBenchmark(readWorkload(process.argv.slice(2), process.env)).then(
    (figures) => {
      for (const figure of figures)
        console.log(
          `${formatCount(figure.perSecond)} ${figure.unit}/s (floor ${formatCount(figure.floor!)}/s` +
            `${figure.target === undefined ? '' : `, target ${formatCount(figure.target)}/s`}): ${figure.measure}`,
        );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
