import * as t from 'io-ts';

/**
 * The codecs query answers are typed with, so that one type both checks the answer and describes it
 * (the API's OpenAPI response schemas are generated from them).
 */

/** A global position in the event log: a bigint in TypeScript (exact past 2^53), a decimal string in JSON. */
export const globalPosition = new t.Type<bigint, string, unknown>(
  'GlobalPosition',
  (value): value is bigint => typeof value === 'bigint',
  (value, context) =>
    typeof value === 'bigint'
      ? t.success(value)
      : typeof value === 'string' && /^\d+$/.test(value)
        ? t.success(BigInt(value))
        : t.failure(value, context, 'expected a global position (decimal digits)'),
  (value) => value.toString(),
);
