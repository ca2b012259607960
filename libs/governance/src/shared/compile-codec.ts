import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { RefinedType } from './expectation';

/** What a compiled decoder returns for a value its codec refuses. */
export const invalid: unique symbol = Symbol('invalid');

/**
 * A decoder compiled from a codec: the value the codec decodes `u` to, or `invalid`. It builds no Either
 * and no error list, and returns the input itself wherever the codec would only copy it.
 */
export type CompiledDecoder = (u: unknown) => unknown;

const has = <K extends string>(codec: unknown, key: K): codec is Record<K, unknown> =>
  typeof codec === 'object' && codec !== null && key in codec;

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** Field names and their decoders side by side: indexed loops, no tuple to unpack per field. */
interface Fields {
  readonly keys: readonly string[];
  readonly decoders: readonly CompiledDecoder[];
}

const compileFields = (props: t.Props): Fields => ({
  keys: Object.keys(props),
  decoders: Object.values(props).map(compileCodec),
});

/**
 * Decodes the fields of an object; a field whose decoder returned another value (a sub-codec that
 * transforms) makes a copy, so the input is never changed. Optional fields may be absent (`undefined`).
 */
const decodeFields = (u: Record<string, unknown>, fields: Fields, optional: boolean): unknown => {
  let out: Record<string, unknown> | undefined;
  const { keys, decoders } = fields;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const value = u[key];
    if (optional && value === undefined) continue;
    const decoded = decoders[index]!(value);
    if (decoded === invalid) return invalid;
    if (decoded !== value) (out ??= { ...u })[key] = decoded;
  }
  return out ?? u;
};

/** Whether every own field of `u` is one of `known`. */
const onlyKnown = (u: Record<string, unknown>, known: ReadonlySet<string>): boolean => {
  const keys = Object.keys(u);
  if (keys.length > known.size) return false;
  for (let index = 0; index < keys.length; index++) if (!known.has(keys[index]!)) return false;
  return true;
};

/** The domain's strict struct (`struct.ts`): exactly its required and optional fields, no others. */
const compileStruct = (required: t.Props, optional: t.Props): CompiledDecoder => {
  const requiredFields = compileFields(required);
  const optionalFields = compileFields(optional);
  const known = new Set([...Object.keys(required), ...Object.keys(optional)]);
  return (u) => {
    if (!isRecord(u) || !onlyKnown(u, known)) return invalid;
    const decoded = decodeFields(u, requiredFields, false);
    return decoded === invalid
      ? invalid
      : decodeFields(decoded as Record<string, unknown>, optionalFields, true);
  };
};

/** io-ts' object codecs: `t.type` keeps unknown fields, `t.exact`/`t.strict` drop them; `t.partial` may lack any. */
const compileProps = (props: t.Props, partial: boolean, exact: boolean): CompiledDecoder => {
  const fields = compileFields(props);
  return (u) => {
    if (!t.UnknownRecord.is(u)) return invalid;
    const decoded = decodeFields(u, fields, partial);
    if (!exact || decoded === invalid) return decoded;
    const record = decoded as Record<string, unknown>;
    const unknown = Object.keys(record).filter((key) => !Object.hasOwn(props, key));
    if (unknown.length === 0) return record;
    const stripped = record === u ? { ...record } : record;
    for (const key of unknown) delete stripped[key];
    return stripped;
  };
};

const compileArray = (item: t.Mixed, minLength: number): CompiledDecoder => {
  const decode = compileCodec(item);
  return (u) => {
    if (!Array.isArray(u) || u.length < minLength) return invalid;
    let out: unknown[] | undefined;
    for (let index = 0; index < u.length; index++) {
      const decoded = decode(u[index]);
      if (decoded === invalid) return invalid;
      if (decoded !== u[index]) (out ??= [...u])[index] = decoded;
    }
    return out ?? u;
  };
};

/** A union told apart by one field (`taggedUnion` in `struct.ts`): only the member its tag names decides. */
const compileTaggedUnion = (tag: string, members: Record<string, t.Mixed>): CompiledDecoder => {
  const decoders = new Map(Object.entries(members).map(([key, member]) => [key, compileCodec(member)]));
  return (u) => {
    if (!isRecord(u)) return invalid;
    const value = u[tag];
    const decode = typeof value === 'string' ? decoders.get(value) : undefined;
    return decode === undefined ? invalid : decode(u);
  };
};

/** Leaves whose `validate` succeeds exactly when `is` holds, with the input as output. */
const isIdentityLeaf = (codec: t.Mixed): boolean =>
  codec instanceof RefinedType ||
  codec instanceof t.StringType ||
  codec instanceof t.NumberType ||
  codec instanceof t.BooleanType ||
  codec instanceof t.NullType ||
  codec instanceof t.UndefinedType ||
  codec instanceof t.UnknownType ||
  codec instanceof t.LiteralType ||
  codec instanceof t.KeyofType;

/**
 * A leaf as a check of its own, so that each field costs no call through io-ts' `is`: strings, numbers,
 * literals and `keyof` are tested inline, the others through their `is`.
 */
const compileLeaf = (codec: t.Mixed): CompiledDecoder => {
  if (codec instanceof t.StringType) return (u) => (typeof u === 'string' ? u : invalid);
  if (codec instanceof t.NumberType) return (u) => (typeof u === 'number' ? u : invalid);
  if (codec instanceof t.LiteralType) {
    const literal: unknown = codec.value;
    return (u) => (u === literal ? u : invalid);
  }
  if (codec instanceof t.KeyofType) {
    const keys = codec.keys as object;
    return (u) => (typeof u === 'string' && Object.hasOwn(keys, u) ? u : invalid);
  }
  const is = codec.is;
  return (u) => (is(u) ? u : invalid);
};

const fallback =
  (codec: t.Mixed): CompiledDecoder =>
  (u) => {
    const decoded = codec.validate(u, []);
    return E.isRight(decoded) ? decoded.right : invalid;
  };

/**
 * A decoder compiled once from a codec tree that accepts exactly what the codec's `decode` accepts and
 * returns the same value, for the hot path that reads stored events: io-ts builds an Either, a context
 * and an output object at every node, this walks the value once. It knows the domain's structs, tagged
 * unions and non-empty lists, io-ts' objects (`type`, `partial`, `exact`/`strict`), arrays, `readonly`,
 * unions, refinements and brands, literals, `keyof` and primitives; any other
 * codec is run by io-ts itself, so the result is never less strict. Errors are io-ts' to explain: run the
 * codec again on a refused value.
 */
export const compileCodec = (codec: t.Mixed): CompiledDecoder => {
  if (has(codec, 'required') && has(codec, 'optional')) {
    return compileStruct(codec.required as t.Props, codec.optional as t.Props);
  }
  if (has(codec, 'members') && has(codec, 'tag')) {
    return compileTaggedUnion(codec.tag as string, codec.members as Record<string, t.Mixed>);
  }
  if (has(codec, 'item') && has(codec, 'minLength')) {
    return compileArray(codec.item as t.Mixed, codec.minLength as number);
  }
  if (isIdentityLeaf(codec)) return compileLeaf(codec);
  if (codec instanceof t.ReadonlyArrayType || codec instanceof t.ArrayType)
    return compileArray(codec.type, 0);
  if (codec instanceof t.ReadonlyType) return compileCodec(codec.type);
  if (codec instanceof t.ExactType && codec.type instanceof t.InterfaceType) {
    return compileProps(codec.type.props, false, true);
  }
  if (codec instanceof t.ExactType && codec.type instanceof t.PartialType) {
    return compileProps(codec.type.props, true, true);
  }
  if (codec instanceof t.InterfaceType) return compileProps(codec.props, false, false);
  if (codec instanceof t.PartialType) return compileProps(codec.props, true, false);
  if (codec instanceof t.UnionType) {
    const decoders = (codec.types as t.Mixed[]).map(compileCodec);
    return (u) => {
      for (const decode of decoders) {
        const decoded = decode(u);
        if (decoded !== invalid) return decoded;
      }
      return invalid;
    };
  }
  if (codec instanceof t.RefinementType) {
    const decode = compileCodec(codec.type);
    const predicate = codec.predicate as (value: unknown) => boolean;
    return (u) => {
      const decoded = decode(u);
      return decoded !== invalid && predicate(decoded) ? decoded : invalid;
    };
  }
  return fallback(codec);
};
