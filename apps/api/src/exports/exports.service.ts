import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type ExportSummary } from '@styring/audit-export';
import { generateKeyPairIn, type OpenedStore, runExport, signingKeyFiles } from '@styring/app';
import { STYRING_STORE } from '@styring/nestjs';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';

/** An export folder's name: when it was made, safe in a URL and a file system, in creation order. */
const exportIdPattern = /^\d{8}T\d{6}(\d{3})?Z(-\d+)?$/;

export interface ExportListing {
  readonly id: string;
  readonly manifest: unknown;
  /** Every file of the export, by its path inside the folder, with its size. */
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

const filesIn = (root: string, dir = root): { path: string; size: number }[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesIn(root, full);
    return entry.isFile()
      ? [{ path: path.relative(root, full).split(path.sep).join('/'), size: fs.statSync(full).size }]
      : [];
  });

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
        ...(previous === undefined ? {} : { previousExport: path.join(this.config.exportDir, previous) }),
      });
      return { ...summary, id };
    });
    this.queue = made.catch(() => undefined);
    return made;
  }

  describe(id: string): ExportListing {
    const dir = this.folderOf(id);
    return {
      id,
      manifest: JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as unknown,
      files: filesIn(dir),
    };
  }

  /** The absolute path of one file of an export; anything outside the export folder is not found. */
  fileOf(id: string, file: string): string {
    const dir = this.folderOf(id);
    const full = path.resolve(dir, file);
    if (!full.startsWith(dir + path.sep) || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      throw notFound(`export ${id} has no file '${file}'`);
    }
    return full;
  }

  private folderOf(id: string): string {
    if (!this.list().includes(id)) throw notFound(`no export '${id}'`);
    return path.join(this.config.exportDir, id);
  }
}

const notFound = (messageEn: string) =>
  new NotFoundException({ error: 'not_found', message: 'Fant ikke eksporten eller filen.', messageEn });
