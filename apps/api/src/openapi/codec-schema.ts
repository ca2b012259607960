import type { SchemaObject } from '@nestjs/swagger';
import { DecimalBigintType } from '@styring/projections';
import * as t from 'io-ts';

/** A codec that names its expectation in words (the domain's `ExpectingType`). */
interface Expecting {
  readonly expectation: { readonly nb: string; readonly en: string };
}
/** The domain's `struct`: an object codec with its required and optional fields. */
interface Struct {
  readonly required: t.Props;
  readonly optional: t.Props;
}

const isStruct = (codec: unknown): codec is Struct =>
  typeof codec === 'object' && codec !== null && 'required' in codec && 'optional' in codec;
const isExpecting = (codec: unknown): codec is Expecting =>
  typeof codec === 'object' && codec !== null && 'expectation' in codec;

/** A codec's own name; io-ts names an unnamed codec by its shape (`{ a: string }`), which says nothing more. */
const titleOf = (codec: t.Mixed): string | undefined =>
  /^[A-Z][A-Za-z0-9]*$/.test(codec.name) ? codec.name : undefined;

const objectSchema = (
  title: string | undefined,
  required: t.Props,
  optional: t.Props,
  additionalProperties: boolean,
): SchemaObject => ({
  type: 'object',
  title,
  properties: Object.fromEntries(
    [...Object.entries(required), ...Object.entries(optional)].map(([key, field]) => [
      key,
      codecSchema(field),
    ]),
  ),
  required: Object.keys(required),
  additionalProperties,
});

/** An intersection of object codecs as one object (an answer's required fields and its optional ones). */
const intersectionSchema = (codec: t.IntersectionType<t.Mixed[]>): SchemaObject => {
  const parts = codec.types.map(codecSchema);
  if (!parts.every((part) => part.type === 'object')) return { title: titleOf(codec), allOf: parts };
  return {
    type: 'object',
    title: titleOf(codec),
    properties: Object.assign({}, ...parts.map((part) => part.properties)),
    required: parts.flatMap((part) => part.required ?? []),
  };
};

/**
 * The OpenAPI schema of a codec, as far as the codec shows its shape: the domain's structs and the answers'
 * plain io-ts objects with their required and optional fields, enumerations, literals, unions and lists.
 * Refined values (dates, ids, amounts) are described by what they must be, in Norwegian and English.
 */
export const codecSchema = (codec: t.Decoder<unknown, unknown>): SchemaObject => {
  if (isStruct(codec)) {
    const title = codec instanceof t.Type ? codec.name : undefined;
    return objectSchema(title, codec.required, codec.optional, false);
  }
  // Answers may grow fields, so their objects do not forbid others (unlike the commands' structs).
  if (codec instanceof t.InterfaceType) return objectSchema(titleOf(codec), codec.props, {}, true);
  if (codec instanceof t.PartialType) return objectSchema(titleOf(codec), {}, codec.props, true);
  if (codec instanceof t.IntersectionType) return intersectionSchema(codec);
  if (codec instanceof t.UnionType) {
    return { title: codec.name, oneOf: (codec.types as t.Mixed[]).map(codecSchema) };
  }
  if (codec instanceof DecimalBigintType) {
    return {
      title: codec.name,
      description:
        'Et heltall; som tekst med sifre over 2^53 (an integer; decimal digits as a string past 2^53)',
      oneOf: [
        { type: 'integer', minimum: 0 },
        { type: 'string', pattern: '^\\d+$' },
      ],
    };
  }
  if (codec instanceof t.UnknownType) return { description: 'Enhver JSON-verdi (any JSON value)' };
  if (codec instanceof t.KeyofType) return { type: 'string', enum: Object.keys(codec.keys) };
  if (codec instanceof t.LiteralType) return { enum: [codec.value] };
  if (codec instanceof t.StringType) return { type: 'string' };
  if (codec instanceof t.NumberType) return { type: 'number' };
  if (codec instanceof t.BooleanType) return { type: 'boolean' };
  if (codec instanceof t.ReadonlyArrayType || codec instanceof t.ArrayType) {
    return { type: 'array', items: codecSchema(codec.type as t.Mixed) };
  }
  if (isExpecting(codec)) {
    return {
      description: `${codec.expectation.nb} (${codec.expectation.en})`,
      title: (codec as unknown as t.Mixed).name,
    };
  }
  return {};
};
