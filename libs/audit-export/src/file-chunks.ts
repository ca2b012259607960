import { open } from 'node:fs/promises';

const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of a file, a chunk at a time, read into one buffer that every chunk reuses. A read stream
 * allocates a new buffer per chunk, freed only when the garbage collector gets round to it: an export
 * reads hundreds of megabytes back (the report's rows, every CSV for addml.xml), and those buffers were a
 * good part of its peak memory. A chunk is valid only until the next one is asked for.
 */
export async function* chunksOf(file: string, size = CHUNK_BYTES): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(size);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
