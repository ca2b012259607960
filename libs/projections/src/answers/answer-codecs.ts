import * as t from 'io-ts';

/**
 * The codecs query answers are typed with, so that one type both checks the answer and describes it
 * (the API's OpenAPI response schemas are generated from them).
 */

/**
 * A bigint counter of the event log (a position, a revision): exact past 2^53 in TypeScript, decimal
 * digits as a string when encoded. Its own class, so that schema generators can recognize it.
 */
export class DecimalBigintType extends t.Type<bigint, string, unknown> {
  constructor(name: string, what: string) {
    super(
      name,
      (value): value is bigint => typeof value === 'bigint',
      (value, context) =>
        typeof value === 'bigint'
          ? t.success(value)
          : typeof value === 'string' && /^\d+$/.test(value)
            ? t.success(BigInt(value))
            : t.failure(value, context, `expected ${what} (decimal digits)`),
      (value) => value.toString(),
    );
  }
}

/** A global position in the event log: a bigint in TypeScript (exact past 2^53), a decimal string in JSON. */
export const globalPosition = new DecimalBigintType('GlobalPosition', 'a global position');

/** A stream's revision: like a global position, counted within one stream. */
export const streamRevision = new DecimalBigintType('StreamRevision', 'a stream revision');
