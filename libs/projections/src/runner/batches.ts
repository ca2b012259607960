const idle = Symbol('idle');

/** Resolves after the events already queued have run: "nothing more is ready right now". */
const nextMacrotask = (): Promise<typeof idle> => new Promise((resolve) => setImmediate(() => resolve(idle)));

/**
 * Groups an async iterable into arrays of at most `size` items.
 *
 * With `flushWhenIdle`, a batch is also handed out as soon as the source has nothing more ready: a live
 * subscription then gets its few new events applied at once instead of waiting for a full batch. Without
 * it (a finite catch-up read), batches are always full but the last.
 */
export async function* batchesOf<T>(
  source: AsyncIterable<T>,
  size: number,
  options: { readonly flushWhenIdle: boolean },
): AsyncGenerator<T[]> {
  if (!options.flushWhenIdle) {
    let batch: T[] = [];
    for await (const item of source) {
      batch.push(item);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  try {
    let pending = iterator.next();
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const batch = [first.value];
      pending = iterator.next();
      const sourceIdle = nextMacrotask();
      let ended = false;
      while (batch.length < size) {
        const result = await Promise.race([pending, sourceIdle]);
        if (result === idle) break;
        if (result.done) {
          ended = true;
          break;
        }
        batch.push(result.value);
        pending = iterator.next();
      }
      yield batch;
      if (ended) return;
    }
  } finally {
    await iterator.return?.();
  }
}
