import { spawnSync } from 'node:child_process';
import { repositoryRoot } from './run-process';

/**
 * Jest's global setup for the end-to-end tier: builds the CLI and the service (and what they depend on)
 * with `tsc -b` before any test runs, so a source edit is always in the program under test. `tsc -b` is
 * incremental: when nothing changed it only compares timestamps.
 */
export default function buildOnce(): void {
  const built = spawnSync('npx', ['tsc', '-b', 'apps/cli', 'apps/api'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`tsc -b apps/cli apps/api failed:\n${built.stdout}${built.stderr}`);
}
