import type { KeyObject } from 'node:crypto';
import { AuditExportError } from './audit-export-error';
import { type ExportManifest, readSignedManifest } from './format';

export interface PreviousExport {
  readonly directory: string;
  readonly manifest: ExportManifest;
  readonly manifestSha256: string;
}

/**
 * The export the new one continues: its manifest, signed with the same key and made for the same origin.
 * (Its tree size and root are all the new export needs; the events are read again from the store.)
 */
export const readPreviousExport = async (
  directory: string,
  publicKey: KeyObject,
  origin: string,
): Promise<PreviousExport> => {
  let signed;
  try {
    signed = await readSignedManifest(directory, publicKey);
  } catch (error) {
    throw new AuditExportError(
      'invalid_previous_export',
      `previous export ${directory}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (signed.manifest.origin !== origin) {
    throw new AuditExportError(
      'invalid_previous_export',
      `previous export ${directory}: made for origin "${signed.manifest.origin}", not "${origin}"`,
    );
  }
  return { directory, ...signed };
};
