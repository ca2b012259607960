import * as path from 'node:path';
import { type ExportManifest, verifyExport } from '@styring/audit-export';
import type { ExportsService } from '../exports/exports.service';

/** One export as the pages show it: its manifest and whether it verifies now. */
export interface ExportStatus {
  readonly id: string;
  readonly manifest: ExportManifest;
  readonly files: readonly { readonly path: string; readonly size: number }[];
  readonly valid: boolean;
  /** Why not, when it does not verify: the first bad file or line, as the verifier says. */
  readonly problem?: string;
  readonly publicKeyFingerprint: string;
}

/**
 * Each export checked as an auditor would offline: against the service's export key, and against the
 * export before it (so it proves the history was only appended to). Newest first.
 */
export const exportStatuses = async (exports: ExportsService, exportDir: string): Promise<ExportStatus[]> => {
  const publicKey = await exports.publicKey();
  const ids = exports.list();
  const statuses = await Promise.all(
    ids.map(async (id, index) => {
      const previous = ids[index - 1];
      const result = await verifyExport(path.join(exportDir, id), {
        publicKey,
        ...(previous === undefined ? {} : { previous: path.join(exportDir, previous) }),
      });
      const listing = exports.describe(id);
      return {
        id,
        manifest: listing.manifest as ExportManifest,
        files: listing.files,
        valid: result.valid,
        publicKeyFingerprint: result.publicKeyFingerprint,
        ...(result.valid ? {} : { problem: result.message }),
      };
    }),
  );
  return statuses.reverse();
};
