import { randomBytes } from 'node:crypto';
import { link, open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a new file so that it is either complete or absent, never empty or cut short: the bytes go to a
 * hidden temporary file beside it, are synced, and only then linked to the name (link, unlike rename,
 * refuses an existing name atomically, so a file is never overwritten); the folder is synced last. A full
 * disk therefore leaves no file under the name. Rejects with EEXIST when the name exists.
 */
export const writeFileAtomically = async (file: string, content: string, mode: number): Promise<void> => {
  const temporary = join(dirname(file), `.${basename(file)}.tmp-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  const folder = await open(dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
};
