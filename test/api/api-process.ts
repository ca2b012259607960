import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repositoryRoot } from '../support/run-process';

export const apiMain = path.join(repositoryRoot, 'apps', 'api', 'dist', 'main.js');

export interface ApiProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>`, as the service printed it. */
  readonly url: string;
  /** The working directory; `./data` is in it. */
  readonly cwd: string;
  /** The banner the service printed on stderr (docs URL, sample tokens). */
  readonly banner: () => string;
  /** The JSON log lines it printed on stdout so far. */
  readonly logs: () => Record<string, unknown>[];
  /** Sends a signal and resolves with how the process ended. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** A sample token from the banner, by role. */
  readonly tokenFor: (role: string) => string;
}

const running = new Set<ChildProcess>();

/** Kills every service a test file started and did not stop (by pid). */
export const stopAll = async (): Promise<void> => {
  for (const child of running) {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  }
  running.clear();
};

export const scratchDirectory = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'styring-api-'));

/**
 * Starts the built service the way `npm start` does, on a free port, in `cwd`, and waits until it has
 * printed where it listens. No STYRING_* variable leaks in from the developer's shell.
 */
export const startApi = (
  cwd: string,
  options: {
    readonly args?: readonly string[];
    readonly env?: NodeJS.ProcessEnv;
    readonly timeoutMs?: number;
  } = {},
): Promise<ApiProcess> => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('STYRING_')),
  );
  const child = spawn(process.execPath, [apiMain, ...(options.args ?? [])], {
    cwd,
    env: { ...env, PORT: '', STYRING_PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the service did not start within ${options.timeoutMs ?? 60_000} ms:\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(
        new Error(`the service ended before it listened (${JSON.stringify(exit)}):\n${stderr}\n${stdout}`),
      );
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      // The banner's last line says it is complete.
      const url = /styring API: (http:\/\/127\.0\.0\.1:\d+)\n[\s\S]*Stop with Ctrl\+C.*\n/.exec(stderr)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({
        child,
        url,
        cwd,
        banner: () => stderr,
        logs: () =>
          stdout
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as Record<string, unknown>),
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
        tokenFor: (role) => {
          const token = new RegExp(`  ${role} \\([^)]*\\):\\n    (\\S+)`).exec(stderr)?.[1];
          if (token === undefined) throw new Error(`no sample token for ${role} in:\n${stderr}`);
          return token;
        },
      });
    });
  });
};
