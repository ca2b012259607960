import type { Subscription, RecordedEvent } from '@styring/eventstore';

/** Everything an async iterable yields, in order. */
export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

export const ids = (events: readonly { readonly eventId: string }[]): string[] =>
  events.map((event) => event.eventId);

/** Resolves with the iterator's next result, or with `'pending'` when none comes within `ms`. */
export const nextWithin = async (
  iterator: AsyncIterator<RecordedEvent>,
  ms: number,
): Promise<IteratorResult<RecordedEvent> | 'pending'> => {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)));
  try {
    return await Promise.race([iterator.next(), pending]);
  } finally {
    clearTimeout(timer);
  }
};

/** Reads the subscription's next `count` events, failing when they do not come in time. */
export const take = async (
  iterator: AsyncIterator<RecordedEvent>,
  count: number,
  timeoutMs = 5000,
): Promise<RecordedEvent[]> => {
  const taken: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (taken.length < count) {
    const next = await nextWithin(iterator, Math.max(1, deadline - Date.now()));
    if (next === 'pending')
      throw new Error(`timed out after ${timeoutMs} ms at ${taken.length} of ${count} events`);
    if (next.done) throw new Error(`the subscription ended after ${taken.length} of ${count} events`);
    taken.push(next.value);
  }
  return taken;
};

export const iterate = (subscription: Subscription): AsyncIterator<RecordedEvent> =>
  subscription[Symbol.asyncIterator]();
