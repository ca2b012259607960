import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { ExpectingType } from './expectation';

type Flat<T> = { [K in keyof T]: T[K] };

export type StructOf<R extends t.Props, O extends t.Props> = Flat<
  { readonly [K in keyof R]: t.TypeOf<R[K]> } & { readonly [K in keyof O]?: t.TypeOf<O[K]> }
>;

/**
 * An object codec with required and optional fields that refuses unknown fields (a misspelt optional field
 * would otherwise vanish silently) and names every bad field by its own key, so paths read
 * `decision.caseNumber` rather than carrying io-ts' intersection indices.
 */
export interface StructType<R extends t.Props, O extends t.Props> extends t.Type<
  StructOf<R, O>,
  StructOf<R, O>,
  unknown
> {
  readonly required: R;
  readonly optional: O;
}

const unknownField = new ExpectingType<never>(
  'UnknownField',
  (_u): _u is never => false,
  t.failure,
  t.identity,
  {
    nb: 'er ikke et kjent felt',
    en: 'is not a known field',
  },
);

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

export const struct = <R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional: O = {} as O,
): StructType<R, O> => {
  const known = new Set([...Object.keys(required), ...Object.keys(optional)]);
  const validate = (u: unknown, c: t.Context): t.Validation<StructOf<R, O>> => {
    if (!isRecord(u)) return t.failure(u, c);
    const errors: t.ValidationError[] = [];
    const out: Record<string, unknown> = {};
    const field = (key: string, codec: t.Mixed) => {
      const decoded = codec.validate(u[key], t.appendContext(c, key, codec, u[key]));
      if (E.isLeft(decoded)) errors.push(...decoded.left);
      else if (decoded.right !== undefined) out[key] = decoded.right;
    };
    for (const [key, codec] of Object.entries(required)) field(key, codec);
    for (const [key, codec] of Object.entries(optional)) if (u[key] !== undefined) field(key, codec);
    for (const key of Object.keys(u)) {
      if (known.has(key)) continue;
      errors.push({ value: u[key], context: t.appendContext(c, key, unknownField, u[key]) });
    }
    return errors.length > 0 ? t.failures(errors) : t.success(out as StructOf<R, O>);
  };
  const codec = new ExpectingType<StructOf<R, O>>(
    name,
    (u): u is StructOf<R, O> => E.isRight(validate(u, [])),
    validate,
    t.identity,
    { nb: 'må være et objekt', en: 'must be an object' },
  );
  return Object.assign(codec, { required, optional });
};

/**
 * A union told apart by one field (`kind`, `type`): an unknown tag is reported at that field, a known one
 * is decoded by its member alone, so the errors are the member's and not a list of every alternative. It
 * shows its `tag` and `members`, so tools can walk into it (test data generators, schemas).
 */
export const taggedUnion = <Tag extends string, M extends Record<string, t.Mixed>>(
  name: string,
  tag: Tag,
  members: M,
): t.Type<t.TypeOf<M[keyof M]>, t.TypeOf<M[keyof M]>, unknown> & {
  readonly tag: Tag;
  readonly members: M;
} => {
  const tags = Object.keys(members);
  const tagCodec = new ExpectingType<string>(name + '.' + tag, t.string.is, t.failure, t.identity, {
    nb: `må være en av: ${tags.join(', ')}`,
    en: `must be one of: ${tags.join(', ')}`,
  });
  const validate = (u: unknown, c: t.Context): t.Validation<t.TypeOf<M[keyof M]>> => {
    if (!isRecord(u)) return t.failure(u, c);
    const value = u[tag];
    const member = typeof value === 'string' && Object.hasOwn(members, value) ? members[value] : undefined;
    return member === undefined
      ? t.failure(value, t.appendContext(c, tag, tagCodec, value))
      : member.validate(u, c);
  };
  const codec = new ExpectingType(
    name,
    (u): u is t.TypeOf<M[keyof M]> => E.isRight(validate(u, [])),
    validate,
    t.identity,
    {
      nb: 'må være et objekt',
      en: 'must be an object',
    },
  );
  return Object.assign(codec, { tag, members });
};
