import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A store file in a fresh temporary directory, and the means to remove both. For tests and benchmarks. */
export const temporaryStoreFile = (name = 'events.db') => {
  const directory = mkdtempSync(join(tmpdir(), 'styring-sqlite-'));
  return {
    directory,
    file: join(directory, name),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
};
