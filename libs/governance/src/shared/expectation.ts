import * as t from 'io-ts';

/** What a codec expects, in plain words for people: bokmål for users, English for developers. */
export interface Expectation {
  readonly nb: string;
  readonly en: string;
}

/** A codec that can say what it expects, so a decoding error reads «må være en dato», not a type name. */
export class ExpectingType<A, O = A> extends t.Type<A, O, unknown> {
  constructor(
    name: string,
    is: t.Is<A>,
    validate: t.Validate<unknown, A>,
    encode: t.Encode<A, O>,
    readonly expectation: Expectation,
  ) {
    super(name, is, validate, encode);
  }
}

/**
 * A leaf codec whose `validate` succeeds exactly when `is` holds, with the input as its output; so a
 * compiled decoder (`compile-codec.ts`) may ask `is` alone.
 */
export class RefinedType<A> extends ExpectingType<A> {}

/** A string codec that accepts only strings passing `test`. */
export const refinedString = (
  name: string,
  test: (value: string) => boolean,
  expectation: Expectation,
): RefinedType<string> => {
  const is = (u: unknown): u is string => typeof u === 'string' && test(u);
  return new RefinedType<string>(
    name,
    is,
    (u, c) => (is(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
    expectation,
  );
};

/** A number codec that accepts only numbers passing `test`. */
export const refinedNumber = (
  name: string,
  test: (value: number) => boolean,
  expectation: Expectation,
): RefinedType<number> => {
  const is = (u: unknown): u is number => typeof u === 'number' && Number.isFinite(u) && test(u);
  return new RefinedType<number>(
    name,
    is,
    (u, c) => (is(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
    expectation,
  );
};
