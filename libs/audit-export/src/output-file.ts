import { createHash, type Hash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ManifestFile } from './format';

const FLUSH_AT = 1 << 20;

/**
 * A new file written through a bounded buffer, hashed (SHA-256) and counted on the way, and synced to disk
 * on close: what the manifest lists about it comes from the bytes that were written, not from a re-read.
 */
export class OutputFile {
  readonly #handle: FileHandle;
  readonly #hash: Hash = createHash('sha256');
  #pending: string[] = [];
  #pendingLength = 0;
  #bytes = 0;

  private constructor(
    readonly path: string,
    handle: FileHandle,
  ) {
    this.#handle = handle;
  }

  /** Creates the file; refuses to overwrite one. */
  static async create(path: string): Promise<OutputFile> {
    return new OutputFile(path, await open(path, 'wx', 0o644));
  }

  /** Buffers text; returns a promise to await when the buffer was full and is being written out. */
  write(text: string): Promise<void> | undefined {
    this.#pending.push(text);
    this.#pendingLength += text.length;
    return this.#pendingLength >= FLUSH_AT ? this.flush() : undefined;
  }

  async writeBytes(bytes: Buffer): Promise<void> {
    await this.flush();
    await this.#writeOut(bytes);
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const bytes = Buffer.from(this.#pending.join(''), 'utf8');
    this.#pending = [];
    this.#pendingLength = 0;
    await this.#writeOut(bytes);
  }

  async #writeOut(bytes: Buffer): Promise<void> {
    this.#hash.update(bytes);
    this.#bytes += bytes.length;
    let written = 0;
    while (written < bytes.length) {
      written += (await this.#handle.write(bytes, written, bytes.length - written)).bytesWritten;
    }
  }

  /** Writes what is buffered, syncs and closes; the file's entry for the manifest. */
  async close(): Promise<ManifestFile> {
    try {
      await this.flush();
      await this.#handle.sync();
    } finally {
      await this.#handle.close();
    }
    return { name: basename(this.path), sha256: this.#hash.digest('hex'), bytes: this.#bytes };
  }

  /** Closes without caring about the content (the export failed and its folder is being removed). */
  async discard(): Promise<void> {
    await this.#handle.close().catch(() => undefined);
  }
}
