import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFEST_FILE, SIGNATURE_FILE } from '@styring/audit-export';

// Never through a symbolic link (ELOOP instead), and a FIFO opens at once (to be refused) instead of hanging.
const SAFE_OPEN = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;
const MAX_MANIFEST_BYTES = 1 << 20;

/** An open regular file of an export: the descriptor to stream from, and its size. */
export interface OpenedExportFile {
  readonly fd: number;
  readonly size: number;
}

/** Opens a regular file, not through a symbolic link; undefined for anything else or nothing. */
const openRegular = (file: string): OpenedExportFile | undefined => {
  let fd: number;
  try {
    fd = fs.openSync(file, SAFE_OPEN);
  } catch {
    return undefined;
  }
  const stats = fs.fstatSync(fd);
  if (stats.isFile()) return { fd, size: stats.size };
  fs.closeSync(fd);
  return undefined;
};

/** The export's manifest.json, parsed; undefined when it is no regular file, too large, or no JSON object. */
export const readOwnManifest = (dir: string): Record<string, unknown> | undefined => {
  const manifest = openRegular(path.join(dir, MANIFEST_FILE));
  if (manifest === undefined) return undefined;
  try {
    if (manifest.size > MAX_MANIFEST_BYTES) return undefined;
    const parsed = JSON.parse(fs.readFileSync(manifest.fd, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(manifest.fd);
  }
};

/**
 * The names of an export's own files: those its manifest lists, the manifest and its signature. Anything
 * else in the folder (a file or link planted there) is not the export's and is never served.
 */
export const ownFileNames = (dir: string, manifest = readOwnManifest(dir)): ReadonlySet<string> => {
  if (manifest === undefined) return new Set();
  const listed = Array.isArray(manifest['files'])
    ? manifest['files'].flatMap((file: { name?: unknown }) =>
        typeof file?.name === 'string' ? [file.name] : [],
      )
    : [];
  return new Set([...listed.filter((name) => path.basename(name) === name), MANIFEST_FILE, SIGNATURE_FILE]);
};

/** Opens one of the export's own files as a regular file (never a link to one); undefined otherwise. */
export const openOwnFile = (dir: string, name: string): OpenedExportFile | undefined =>
  ownFileNames(dir).has(name) ? openRegular(path.join(dir, name)) : undefined;
