import * as t from 'io-ts';
import { ExpectingType, type Expectation } from './expectation';

/** One field that did not decode: its dotted path (`decision.caseNumber`, `goals.0.text`) and why. */
export interface FieldError {
  readonly path: string;
  /** Norwegian bokmål, for the municipality's users. */
  readonly message: string;
  readonly messageEn: string;
}

/** Input that is not a valid command or event; nothing was decided and nothing was written. */
export interface DecodeFailure {
  readonly _tag: 'DecodeFailure';
  readonly errors: readonly FieldError[];
}

const missing: Expectation = { nb: 'mangler', en: 'is required' };

const expectationOf = (type: t.Decoder<unknown, unknown>): Expectation => {
  if (type instanceof ExpectingType) return type.expectation;
  if (type instanceof t.KeyofType) {
    const values = Object.keys(type.keys).join(', ');
    return { nb: `må være en av: ${values}`, en: `must be one of: ${values}` };
  }
  if (type instanceof t.LiteralType) return { nb: `må være «${type.value}»`, en: `must be '${type.value}'` };
  if (type instanceof t.StringType) return { nb: 'må være tekst', en: 'must be text' };
  if (type instanceof t.NumberType) return { nb: 'må være et tall', en: 'must be a number' };
  if (type instanceof t.BooleanType) return { nb: 'må være true eller false', en: 'must be true or false' };
  if (type instanceof t.ReadonlyArrayType || type instanceof t.ArrayType) {
    return { nb: 'må være en liste', en: 'must be a list' };
  }
  return { nb: `må være ${type.name}`, en: `must be ${type.name}` };
};

/** The dotted path of the value an error is about; the root entry (the codec itself) has no key. */
const pathOf = (context: t.Context): string =>
  context
    .slice(1)
    .map((entry) => entry.key)
    .join('.');

/** io-ts' errors as one readable error per field, the first reason for each path. */
export const decodeFailure = (errors: t.Errors): DecodeFailure => {
  const byPath = new Map<string, FieldError>();
  for (const error of errors) {
    const path = pathOf(error.context);
    if (byPath.has(path)) continue;
    const last = error.context[error.context.length - 1];
    const expectation = error.value === undefined || last === undefined ? missing : expectationOf(last.type);
    byPath.set(path, { path, message: expectation.nb, messageEn: expectation.en });
  }
  return { _tag: 'DecodeFailure', errors: [...byPath.values()] };
};

/** One line per field, for logs and the CLI: `decision.caseNumber: must be a case number such as 2024/1234`. */
export const describeDecodeFailure = (failure: DecodeFailure, language: 'nb' | 'en' = 'nb'): string =>
  failure.errors
    .map((e) => {
      const field = e.path !== '' ? e.path : language === 'nb' ? '(hele verdien)' : '(the whole value)';
      return `${field}: ${language === 'nb' ? e.message : e.messageEn}`;
    })
    .join('\n');
