import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpuSecondsOf } from './process-cpu';

const apiMain = resolve(__dirname, '..', '..', '..', 'apps', 'api', 'dist', 'main.js');

export interface RunningService {
  readonly url: string;
  /** CPU time (user + system) the service process has used so far, from /proc; undefined off Linux. */
  readonly cpuSeconds: () => number | undefined;
  /** SIGTERM by pid, then waits for the exit (requests in flight finish; a CPU profile is written). */
  readonly stop: () => Promise<void>;
}

/**
 * The built service (`apps/api/dist/main.js --demo`), as `npm start` runs it, on a fresh store under
 * `directory`, on a free loopback port. Its JSON log goes to `directory/service.log`, as to a log file in
 * production. `nodeArgs` (e.g. `--cpu-prof`) go to its Node.
 */
export const startService = (
  directory: string,
  nodeArgs: readonly string[] = [],
): Promise<RunningService> => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('STYRING_')),
  );
  const log = openSync(join(directory, 'service.log'), 'w');
  const child = spawn(process.execPath, [...nodeArgs, apiMain, '--demo'], {
    cwd: directory,
    env: { ...env, PORT: '', STYRING_PORT: '0', STYRING_HOST: '127.0.0.1' },
    stdio: ['ignore', log, 'pipe'],
  });
  closeSync(log);
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGTERM');
    const timer = setTimeout(() => process.kill(child.pid!, 'SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((started, failed) => {
    let banner = '';
    void exited.then(() => failed(new Error(`the service ended before it listened:\n${banner}`)));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      banner += chunk;
      // The banner's last line says the service is ready.
      const url = /styring API: (http:\/\/[\d.:]+)\n[\s\S]*Stop with Ctrl\+C/.exec(banner)?.[1];
      if (url !== undefined) started({ url, cpuSeconds: () => cpuSecondsOf(child.pid!), stop });
    });
  });
};
