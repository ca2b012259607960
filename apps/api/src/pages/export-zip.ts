import * as fs from 'node:fs';
import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';
import type { ExportsService } from '../exports/exports.service';

/**
 * One export as a zip, streamed: every file of its own (those its manifest lists, the manifest and its
 * signature) in a folder named after the export, read through the same safe opening as a single download.
 */
export const writeExportZip = (exports: ExportsService, id: string, out: Writable): Promise<void> =>
  new Promise((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error !== null) {
        reject(error);
        return;
      }
      out.write(chunk);
      if (final) {
        out.end();
        resolve();
      }
    });
    const addFiles = async () => {
      for (const file of exports.describe(id).files) {
        const entry = new ZipDeflate(`${id}/${file.path}`, { level: 6 });
        zip.add(entry);
        const { fd } = exports.openFile(id, file.path);
        for await (const chunk of fs.createReadStream(file.path, { fd })) entry.push(chunk as Uint8Array);
        entry.push(new Uint8Array(0), true);
      }
      zip.end();
    };
    addFiles().catch(reject);
  });
