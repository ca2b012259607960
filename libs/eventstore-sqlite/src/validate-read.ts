import { EventStoreFailure } from '@styring/eventstore';

/** The largest SQLite INTEGER: no revision or position lies beyond it. */
export const MAX_INT64 = 2n ** 63n - 1n;

/**
 * A revision or position bound given by a caller: a bigint >= 0. Bounds past SQLite's 64-bit integers are
 * clamped to the largest one, where no event can lie.
 */
export const bigintBound = (value: bigint | undefined, field: string): bigint | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'bigint' || value < 0n) {
    throw new EventStoreFailure('invalid_argument', `${field} must be a bigint >= 0, not ${String(value)}`);
  }
  return value > MAX_INT64 ? MAX_INT64 : value;
};

/** `maxCount`: a whole number >= 0; unlimited when absent. */
export const countLimit = (maxCount: number | undefined): number => {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) {
    throw new EventStoreFailure('invalid_argument', `maxCount must be a whole number >= 0, not ${maxCount}`);
  }
  return maxCount;
};
