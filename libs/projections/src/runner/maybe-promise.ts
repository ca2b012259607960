/**
 * A value now, or a promise of it. The runner chains its per-batch steps with these helpers so that a batch
 * runs start to end without yielding when every step it calls is synchronous (SQLite: a write transaction
 * must not stay open across a turn of the event loop), and still awaits steps that return promises
 * (PostgreSQL).
 */
export type MaybePromise<T> = T | Promise<T>;

export const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> =>
  typeof (value as { then?: unknown } | null | undefined)?.then === 'function';

/** `next(value)`: at once when `value` is here, when it arrives otherwise. */
export const andThen = <T, U>(
  value: MaybePromise<T>,
  next: (value: T) => MaybePromise<U>,
): MaybePromise<U> => (isPromise(value) ? value.then(next) : next(value));

/** Runs `step` on each item in order, waiting for the steps that return a promise. */
export const forEachInOrder = <T>(
  items: readonly T[],
  step: (item: T) => MaybePromise<unknown>,
  from = 0,
): MaybePromise<void> => {
  for (let index = from; index < items.length; index++) {
    const result = step(items[index] as T);
    if (isPromise(result)) return result.then(() => forEachInOrder(items, step, index + 1));
  }
  return undefined;
};

/** `items.map(map)` in order, waiting for the results that are promises. */
export const mapInOrder = <T, U>(
  items: readonly T[],
  map: (item: T) => MaybePromise<U>,
): MaybePromise<U[]> => {
  const results: U[] = [];
  return andThen(
    forEachInOrder(items, (item) => andThen(map(item), (result) => void results.push(result))),
    () => results,
  );
};
