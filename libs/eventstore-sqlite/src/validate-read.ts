import { validBound } from '@styring/eventstore';

/** The largest SQLite INTEGER: no revision or position lies beyond it. */
export const MAX_INT64 = 2n ** 63n - 1n;

/**
 * A revision or position bound given by a caller, checked by the port's rules. Bounds past SQLite's 64-bit
 * integers are clamped to the largest one, where no event can lie.
 */
export const bigintBound = (value: bigint | undefined, field: string): bigint | undefined => {
  const bound = validBound(value, field);
  return bound !== undefined && bound > MAX_INT64 ? MAX_INT64 : bound;
};
