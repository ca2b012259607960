import { createHash, type Hash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ManifestFile } from './format';

const CAPACITY = 1 << 20;

/**
 * A new file written through two reusable buffers (one fills while the other is written), hashed (SHA-256)
 * and counted on the way, and synced to disk on close: what the manifest lists about it comes from the
 * bytes that were written, not a re-read. Text is encoded straight into the buffer; `room` + `buffer` +
 * `commit` let a caller encode there itself. Calls return a promise only when a buffer had to be handed
 * over for writing first: await it before going on.
 */
export class OutputFile {
  readonly #handle: FileHandle;
  readonly #hash: Hash = createHash('sha256');
  #buffer = Buffer.allocUnsafe(CAPACITY);
  #spare = Buffer.allocUnsafe(CAPACITY);
  #used = 0;
  #bytes = 0;
  /** Bytes handed over for writing so far (the file's length once they are written). */
  #handedOver = 0;
  /** The write of the spare buffer, still under way. */
  #writing: Promise<void> = Promise.resolve();

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

  get buffer(): Buffer {
    return this.#buffer;
  }

  /** Where the next byte goes in `buffer`. */
  get used(): number {
    return this.#used;
  }

  /** The offset in the file where the next byte written goes. */
  get position(): number {
    return this.#handedOver + this.#used;
  }

  /** Makes room for `bytes` more bytes in `buffer`. */
  room(bytes: number): Promise<void> | undefined {
    return this.#used + bytes <= this.#buffer.length ? undefined : this.#makeRoom(bytes);
  }

  /** Takes the bytes a caller encoded into `buffer`, up to `end`. */
  commit(end: number): void {
    this.#used = end;
  }

  write(text: string): Promise<void> | undefined {
    const waiting = this.room(text.length * 3);
    if (waiting !== undefined) return waiting.then(() => this.#append(text));
    this.#append(text);
    return undefined;
  }

  #append(text: string) {
    this.#used += this.#buffer.write(text, this.#used);
  }

  async #makeRoom(bytes: number) {
    await this.flush();
    if (bytes > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(bytes);
  }

  async writeBytes(bytes: Buffer): Promise<void> {
    await this.flush();
    await this.#writing;
    this.#handedOver += bytes.length;
    await this.#writeOut(bytes);
  }

  /** Hands the filled buffer over for writing and goes on with the spare one. */
  async flush(): Promise<void> {
    if (this.#used === 0) return;
    await this.#writing;
    const filled = this.#buffer.subarray(0, this.#used);
    this.#handedOver += filled.length;
    this.#writing = this.#writeOut(filled);
    this.#writing.catch(() => undefined); // awaited, and so reported, at the next flush or on close
    [this.#buffer, this.#spare] = [this.#spare, this.#buffer];
    this.#used = 0;
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
      await this.#writing;
      await this.#handle.sync();
    } finally {
      await this.#handle.close();
    }
    return { name: basename(this.path), sha256: this.#hash.digest('hex'), bytes: this.#bytes };
  }

  /** Closes without caring about the content (the export failed and its folder is being removed). */
  async discard(): Promise<void> {
    await this.#writing.catch(() => undefined);
    await this.#handle.close().catch(() => undefined);
  }
}
