import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory for a test's database files, and the means to remove it. */
export const temporaryDirectory = () => {
  const directory = mkdtempSync(join(tmpdir(), 'styring-projections-'));
  return {
    directory,
    file: (name: string) => join(directory, name),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
};
