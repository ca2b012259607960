import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

/** The section titles main.ts prints, each followed by its table when it ran. */
const sectionTitles = [
  'Event store on SQLite',
  'Event store on PostgreSQL',
  'Projections: rebuild every read model',
  'Signed audit export of a SQLite store',
  'Commands through the library as the history grows',
  'HTTP: the service (apps/api)',
];

/** Runs the built bench (`npm run bench`'s program) to the end, its output collected. */
const runBench = (env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/bench/dist/main.js', '--single=20', '--batches=3'], {
      cwd: repositoryRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

/**
 * The bench is only run by hand (`npm run bench`), so nothing else would notice it breaking: this runs every
 * section at tiny sizes (figures meaningless, only that each section measures and prints its table).
 */
describe('npm run bench, at tiny sizes', () => {
  beforeAll(() => {
    const built = spawnSync('npx', ['tsc', '-b', 'tools/bench', 'apps/api'], {
      cwd: repositoryRoot,
      encoding: 'utf8',
    });
    if (built.status !== 0)
      throw new Error(`tsc -b tools/bench apps/api failed:\n${built.stdout}${built.stderr}`);
  }, 300_000);

  it('runs every section to its table of figures', async () => {
    const { code, stdout, stderr } = await runBench({
      BENCH_STREAM_EVENTS: '50',
      BENCH_ALL_EVENTS: '200',
      BENCH_PROJECTION_EVENTS: '300,600',
      BENCH_EXPORT_EVENTS: '300',
      BENCH_COMMAND_EVENTS: '300,600',
      BENCH_HTTP_SECONDS: '1',
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const starts = sectionTitles.map((title) => stdout.indexOf(title));
    expect(starts.every((start) => start >= 0)).toBe(true);
    for (const [n, start] of starts.entries()) {
      const section = stdout.slice(start, starts[n + 1] ?? stdout.length);
      expect(section).toMatch(/\n\nmeasure +count +rate/);
      expect(section).toMatch(/\/s/);
    }
    // The ceilings printed under the targets they explain.
    expect(stdout).toMatch(/batched appends \(\d+ per call\): raw better-sqlite3 on the store's own table/);
    expect(stdout).toMatch(/reads, floor of the framework: NestJS on Express/);
    expect(stdout).toMatch(/measured in \d+\.\d s/);
  }, 600_000);
});
