import type { SchemaObject } from '@nestjs/swagger';
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

/**
 * The OpenAPI schema of a domain codec, as far as the codec shows its shape: objects with their required
 * and optional fields, enumerations, literals and lists. Refined values (dates, ids, amounts) are described
 * by what they must be, in Norwegian and English.
 */
export const codecSchema = (codec: t.Decoder<unknown, unknown>): SchemaObject => {
  if (isStruct(codec)) {
    const properties = Object.fromEntries(
      [...Object.entries(codec.required), ...Object.entries(codec.optional)].map(([key, field]) => [
        key,
        codecSchema(field),
      ]),
    );
    return {
      type: 'object',
      title: codec instanceof t.Type ? codec.name : undefined,
      properties,
      required: Object.keys(codec.required),
      additionalProperties: false,
    };
  }
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
