import { spawn } from 'node:child_process';
import * as path from 'node:path';

/** The repository root, where `npx styring` and `npm start` run. */
export const repositoryRoot = path.resolve(__dirname, '..', '..');

export interface ProcessResult {
  /** The exit code, or `null` when a signal ended the process. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Added to (and overriding) this process's environment, or the whole environment with `inheritEnv: false`. */
  readonly env?: NodeJS.ProcessEnv;
  readonly inheritEnv?: boolean;
  /** Written to the process's standard input, which is then closed. */
  readonly input?: string;
  /** The process is killed (by its pid) and the test fails when it runs longer. */
  readonly timeoutMs?: number;
}

/** Runs a built program as its own process to the end, and collects what it printed. */
export const runProcess = (command: string, args: readonly string[], options: RunOptions = {}) =>
  new Promise<ProcessResult>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? repositoryRoot,
      env: options.inheritEnv === false ? { ...options.env } : { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} ran longer than ${options.timeoutMs} ms\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
