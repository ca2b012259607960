import { join } from 'node:path';
import { CHECKSUMS_FILE, type ManifestFile } from './format';
import { OutputFile } from './output-file';

/**
 * SHA256SUMS in the layout `sha256sum` writes and `sha256sum -c` reads (hash, two spaces, name): the files
 * written before it, so that an archivist can check them with standard tools. The manifest and its
 * signature cannot be in it (the manifest lists this file), and the verifier checks those.
 */
export const writeChecksums = async (
  staging: string,
  written: readonly ManifestFile[],
): Promise<ManifestFile> => {
  const output = await OutputFile.create(join(staging, CHECKSUMS_FILE));
  try {
    output.write(written.map((file) => `${file.sha256}  ${file.name}\n`).join(''));
    return await output.close();
  } catch (error) {
    await output.discard();
    throw error;
  }
};
