import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * A private PostgreSQL cluster for tests: its own data directory under the temp dir, trust authentication,
 * listening on 127.0.0.1 and a free port only. Started with the machine's `initdb` and `pg_ctl`; stopped and
 * deleted by `destroy()` (and, should a test run die first, by a hook when the process exits).
 */
export interface ThrowawayCluster {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly dataDir: string;
  /** The superuser every test may use (trust authentication: no password). */
  readonly user: 'postgres';
  connectionString(database?: string): string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Kills the server at once, as a crash would (`pg_ctl stop -m immediate`). */
  crash(): Promise<void>;
  /** Starts the server again on the same port and data directory (crash recovery runs then). */
  restart(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  destroy(): Promise<void>;
}

const runFile = promisify(execFile);
/** From the temp dir: the postgres user may not be allowed into the caller's working directory. */
const run = (file: string, args: string[]) => runFile(file, args, { cwd: tmpdir() });

const versionedBinDirs = (): string[] => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin'));
};

/** The directory holding `initdb` and `pg_ctl`, or undefined when this machine has no PostgreSQL. */
export const findPostgresBinaries = (): string | undefined => {
  const pathDirs = (process.env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  const candidates = [process.env['PG_BIN_DIR'], ...pathDirs, ...versionedBinDirs()];
  return candidates.find(
    (dir): dir is string =>
      dir !== undefined && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: then every binary runs as the `postgres` system user. */
const command = (binDir: string, binary: string, args: string[]): [string, string[]] =>
  isRoot()
    ? ['runuser', ['-u', 'postgres', '--', join(binDir, binary), ...args]]
    : [join(binDir, binary), args];

const postgresUid = (): { uid: number; gid: number } => {
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error('running as root, but there is no postgres user');
  return { uid: Number(uid), gid: Number(gid) };
};

/** Stops clusters a dying test run left behind, synchronously, since 'exit' handlers cannot wait. */
const running = new Map<string, () => void>();
let exitHookInstalled = false;

export const startThrowawayCluster = async (): Promise<ThrowawayCluster> => {
  const binDir = findPostgresBinaries();
  if (binDir === undefined) throw new Error('no PostgreSQL binaries (initdb, pg_ctl) on this machine');
  const dataDir = mkdtempSync(join(tmpdir(), 'styring-pg-'));
  if (isRoot()) {
    const { uid, gid } = postgresUid();
    chownSync(dataDir, uid, gid);
  }
  const pgCtl = (args: string[]) => run(...command(binDir, 'pg_ctl', ['-D', dataDir, ...args]));
  const stopNow = () => {
    try {
      execFileSync(...command(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']), {
        stdio: 'ignore',
        cwd: tmpdir(),
      });
    } catch {
      // already stopped
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  await run(
    ...command(binDir, 'initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']),
  );
  if (!exitHookInstalled) process.once('exit', () => running.forEach((stop) => stop()));
  exitHookInstalled = true;
  running.set(dataDir, stopNow);

  let port = 0;
  const start = () =>
    pgCtl([
      '-w',
      '-l',
      join(dataDir, 'server.log'),
      '-o',
      `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  // Another process may take the free port between our probe and the server's bind: try a few.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (error) {
      if (attempt >= 3) {
        stopNow();
        running.delete(dataDir);
        throw error;
      }
    }
  }

  const connectionString = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    host: '127.0.0.1',
    port,
    dataDir,
    user: 'postgres',
    connectionString,
    createDatabase: async (name) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new Client({ connectionString: connectionString() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return connectionString(name);
    },
    crash: async () => {
      await pgCtl(['-m', 'immediate', 'stop']);
    },
    restart: async () => {
      await start();
    },
    destroy: async () => {
      running.delete(dataDir);
      try {
        await pgCtl(['-m', 'fast', 'stop']);
      } catch {
        // already stopped (a test crashed it)
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
