/** The largest position or revision a store can hold: PostgreSQL's and SQLite's signed 64-bit integer. */
const maxPosition = 2n ** 63n - 1n;

/**
 * A position or revision from a request as a bigint, or undefined when it is not one the stores can hold –
 * so a number beyond 64 bits is the caller's mistake (400), never a store error (500).
 */
export const positionOf = (digits: string): bigint | undefined => {
  if (!/^\d{1,19}$/.test(digits)) return undefined;
  const value = BigInt(digits);
  return value <= maxPosition ? value : undefined;
};
