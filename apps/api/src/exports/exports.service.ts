import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type ExportSummary } from '@styring/audit-export';
import { generateKeyPairIn, type OpenedStore, runExport, signingKeyFiles } from '@styring/app';
import { readModelQueries, STYRING_STORE } from '@styring/nestjs';
import { exportRegisters } from '@styring/read-routes';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { openOwnFile, type OpenedExportFile, ownFileNames, readOwnManifest } from './export-files';

/** An export folder's name: when it was made, safe in a URL and a file system, in creation order. */
const exportIdPattern = /^\d{8}T\d{6}(\d{3})?Z(-\d+)?$/;

export interface ExportListing {
  readonly id: string;
  readonly manifest: unknown;
  /** Every file of the export (those its manifest lists, the manifest, its signature), with its size. */
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

/**
 * Signed audit exports of the whole history, kept under the export folder. Each new export names the one
 * before it, so it carries the proof that history was only appended to. Exports are made one at a time.
 */
@Injectable()
export class ExportsService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(STYRING_STORE) private readonly store: OpenedStore,
  ) {}

  private get keys() {
    return signingKeyFiles(path.join(this.config.dataDir, 'keys'));
  }

  /** The key pair that signs exports: made on first use, never replaced (that would orphan earlier exports). */
  private async ensureSigningKey(): Promise<void> {
    if (!fs.existsSync(this.keys.privateKeyFile))
      await generateKeyPairIn(path.dirname(this.keys.privateKeyFile));
  }

  async publicKey(): Promise<string> {
    await this.ensureSigningKey();
    return fs.readFileSync(this.keys.publicKeyFile, 'utf8');
  }

  list(): string[] {
    if (!fs.existsSync(this.config.exportDir)) return [];
    return fs
      .readdirSync(this.config.exportDir)
      .filter(
        (name) =>
          exportIdPattern.test(name) &&
          fs.existsSync(path.join(this.config.exportDir, name, 'manifest.json')),
      )
      .sort();
  }

  create(now: Date = new Date()): Promise<ExportSummary & { id: string }> {
    const made = this.queue.then(async () => {
      await this.ensureSigningKey();
      fs.mkdirSync(this.config.exportDir, { recursive: true });
      const previous = this.list().at(-1);
      const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
      let id = stamp;
      for (let n = 2; fs.existsSync(path.join(this.config.exportDir, id)); n++) id = `${stamp}-${n}`;
      const summary = await runExport(this.store, {
        directory: path.join(this.config.exportDir, id),
        keyFile: this.keys.privateKeyFile,
        registers: exportRegisters(readModelQueries),
        ...(previous === undefined ? {} : { previousExport: path.join(this.config.exportDir, previous) }),
      });
      return { ...summary, id };
    });
    this.queue = made.catch(() => undefined);
    return made;
  }

  describe(id: string): ExportListing {
    const dir = this.folderOf(id);
    const manifest = readOwnManifest(dir);
    if (manifest === undefined) throw notFound(`export ${id} has no readable manifest`);
    return {
      id,
      manifest,
      files: [...ownFileNames(dir, manifest)].sort().flatMap((name) => {
        const stats = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
        return stats?.isFile() ? [{ path: name, size: stats.size }] : [];
      }),
    };
  }

  /**
   * One of the export's own files, opened for download: a name its manifest lists (or the manifest and its
   * signature), a regular file reached without following a symbolic link. Anything else is not found.
   */
  openFile(id: string, file: string): OpenedExportFile {
    const opened = openOwnFile(this.folderOf(id), file);
    if (opened === undefined) throw notFound(`export ${id} has no file '${file}'`);
    return opened;
  }

  private folderOf(id: string): string {
    const dir = path.join(this.config.exportDir, id);
    // A folder of the export directory itself, not a link to one elsewhere.
    if (!this.list().includes(id) || !fs.lstatSync(dir).isDirectory()) throw notFound(`no export '${id}'`);
    return dir;
  }
}

const notFound = (messageEn: string) =>
  new NotFoundException({ error: 'not_found', message: 'Fant ikke eksporten eller filen.', messageEn });
