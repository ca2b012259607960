import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditExportError } from './audit-export-error';
import {
  type ManifestFile,
  parseCheckpointNote,
  WITNESS_COSIGNATURE_FILE,
  witnessCosignatureFileName,
} from './format';
import { OutputFile } from './output-file';
import type { PreviousExport } from './previous-export';

/**
 * A witness cosignature the export carries: one sent back by a witness (the auditor) for this history, or
 * carried by the previous export. Each is a file of its own, `witness-<tree size>-<key ID>.cosignature`,
 * byte for byte as the witness wrote it, so that standard witness tooling reads it. The writer holds its
 * own events to each tree head (EventChain), and the verifier does again.
 */
export interface CarriedCosignature {
  readonly fileName: string;
  readonly text: string;
  readonly treeSize: number;
  readonly merkleRoot: string;
  /** The first cosigner's name. */
  readonly cosigner: string;
}

/** A cosignature is a few hundred bytes. */
const MAX_COSIGNATURE_BYTES = 64 * 1024;

const toCarry = (text: string, origin: string, label: string): CarriedCosignature => {
  const refuse = (why: string) =>
    new AuditExportError('invalid_option', `${label}: ${why}; it is not carried`);
  let note: ReturnType<typeof parseCheckpointNote>;
  try {
    note = parseCheckpointNote(text);
  } catch (error) {
    throw refuse(`not a witness cosignature (${(error as Error).message})`);
  }
  if (note.origin !== origin) throw refuse(`it is for the log "${note.origin}", not "${origin}"`);
  const first = note.cosignatures[0];
  if (first === undefined) throw refuse('it holds no Ed25519 cosignature line');
  return {
    fileName: witnessCosignatureFileName(note.treeSize, first.keyId.toString('hex')),
    text,
    treeSize: note.treeSize,
    merkleRoot: note.merkleRoot,
    cosigner: first.name,
  };
};

/** Those the previous export carries, each checked against its signed manifest. */
const carriedByPrevious = async (previous: PreviousExport): Promise<CarriedCosignature[]> => {
  const label = (file: ManifestFile) => `previous export ${previous.directory}: ${file.name}`;
  const carried: CarriedCosignature[] = [];
  for (const file of previous.manifest.files.filter((entry) => WITNESS_COSIGNATURE_FILE.test(entry.name))) {
    const path = join(previous.directory, file.name);
    const stats = await lstat(path).catch(() => undefined);
    const bytes =
      stats?.isFile() === true && stats.size <= MAX_COSIGNATURE_BYTES ? await readFile(path) : undefined;
    if (bytes === undefined || createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
      throw new AuditExportError(
        'invalid_previous_export',
        `${label(file)}: missing, not a regular file, or not the file its signed manifest lists`,
      );
    }
    carried.push(toCarry(bytes.toString('utf8'), previous.manifest.origin, label(file)));
  }
  return carried;
};

/**
 * The cosignatures to carry: those given (texts of cosignature files; `witnessCosignatures[i]` names a bad
 * one), then those of the previous export; one per file name, the first kept.
 */
export const cosignaturesToCarry = async (
  given: readonly string[],
  origin: string,
  previous: PreviousExport | undefined,
): Promise<CarriedCosignature[]> => {
  const all = [
    ...given.map((text, i) => toCarry(text, origin, `witnessCosignatures[${i}]`)),
    ...(previous === undefined ? [] : await carriedByPrevious(previous)),
  ];
  const byName = new Map<string, CarriedCosignature>();
  for (const cosignature of all)
    if (!byName.has(cosignature.fileName)) byName.set(cosignature.fileName, cosignature);
  return [...byName.values()];
};

/** Writes each into the staging folder, byte for byte. */
export const writeCosignatures = async (
  staging: string,
  cosignatures: readonly CarriedCosignature[],
): Promise<ManifestFile[]> => {
  const written: ManifestFile[] = [];
  for (const cosignature of cosignatures) {
    const output = await OutputFile.create(join(staging, cosignature.fileName));
    try {
      await output.write(cosignature.text);
      written.push(await output.close());
    } catch (error) {
      await output.discard();
      throw error;
    }
  }
  return written;
};
