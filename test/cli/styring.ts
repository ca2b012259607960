import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issueLocalToken } from '@styring/app';
import { type ProcessResult, repositoryRoot, runProcess } from '../support/run-process';

/** The committed shim that `npx styring` runs: the tests start the CLI exactly the way users do. */
export const styringBin = path.join(repositoryRoot, 'apps', 'cli', 'bin', 'styring.js');

/** A scratch working directory per test file: `./data` and every relative path land in it. */
export const scratchDirectory = (): { readonly dir: string; readonly remove: () => void } => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-cli-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};

/** Runs `styring ARGS` in `cwd`, with no STYRING_* variables leaking in from the developer's shell. */
export const styring = (
  cwd: string,
  args: readonly string[],
  options: { readonly input?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessResult> => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('STYRING_')),
  );
  return runProcess(process.execPath, [styringBin, ...args], {
    cwd,
    env: { ...env, ...options.env },
    inheritEnv: false,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
};

/** The JSON lines a command printed on stdout. */
export const jsonLines = (stdout: string): unknown[] =>
  stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);

/** `--token T` for a caller of the scratch folder's local key (`./data`), as `styring tokens issue` mints it. */
export const tokenFlag = async (
  cwd: string,
  role: string,
  unit = 'styv',
  subject = `test-${role}`,
): Promise<string[]> => [
  '--token',
  await issueLocalToken({ dataDir: path.join(cwd, 'data'), subject, role, unit }),
];
