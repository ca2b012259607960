import fc from 'fast-check';
import * as t from 'io-ts';

/**
 * Valid values of the domain's refined leaves, by codec name; each is filtered by the codec itself, so a
 * generator that drifts from its rule only makes fewer values, never invalid ones.
 */
const leaves: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  Slug: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/),
  Text: fc.string({ minLength: 1, maxLength: 40 }),
  DocumentReference: fc.string({ minLength: 1, maxLength: 40 }),
  CaseNumber: fc.stringMatching(/^20\d{2}\/\d{1,7}$/),
  IsoDate: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  MonthDay: fc.stringMatching(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/),
  EventId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,30}$/),
  FieldPath: fc.stringMatching(/^[a-z]{1,10}(\.[a-z0-9]{1,10}){0,2}$/),
  OrganisationNumber: fc.stringMatching(/^\d{9}$/),
  PositiveInt: fc.integer({ min: 1, max: 1000 }),
  Nok: fc.integer({ min: 0, max: 1_000_000_000 }),
  Percent: fc.integer({ min: 1, max: 100 }),
  Sdg: fc.integer({ min: 1, max: 17 }),
};

const has = <K extends string>(codec: unknown, key: K): codec is Record<K, unknown> =>
  typeof codec === 'object' && codec !== null && key in codec;

/**
 * An arbitrary of the values a codec accepts, derived from the codec's shape: the domain's structs (with
 * their optional fields sometimes left out), tagged unions, non-empty lists, enumerations and literals,
 * with the refined leaves above. A codec it cannot walk is an error naming it, so a new kind of field is
 * noticed rather than skipped.
 */
export const arbitraryOf = (codec: t.Mixed): fc.Arbitrary<unknown> => {
  if (has(codec, 'required') && has(codec, 'optional')) {
    const required = codec.required as t.Props;
    const optional = codec.optional as t.Props;
    const fields = Object.fromEntries(
      [...Object.entries(required), ...Object.entries(optional)].map(([key, field]) => [
        key,
        arbitraryOf(field),
      ]),
    );
    return fc.record(fields, { requiredKeys: Object.keys(required) });
  }
  if (has(codec, 'members')) {
    return fc.oneof(...Object.values(codec.members as Record<string, t.Mixed>).map(arbitraryOf));
  }
  if (has(codec, 'item')) return fc.array(arbitraryOf(codec.item as t.Mixed), { minLength: 1, maxLength: 3 });
  if (codec instanceof t.KeyofType) return fc.constantFrom(...Object.keys(codec.keys));
  if (codec instanceof t.LiteralType) return fc.constant(codec.value);
  if (codec instanceof t.ReadonlyArrayType) return fc.array(arbitraryOf(codec.type), { maxLength: 3 });
  if (codec instanceof t.UnknownType) return fc.jsonValue();
  if (codec instanceof t.StringType) return fc.string({ maxLength: 40 });
  if (codec instanceof t.BooleanType) return fc.boolean();
  const leaf = leaves[codec.name];
  if (leaf === undefined) throw new Error(`no arbitrary for the codec ${codec.name}`);
  return leaf.filter((value) => codec.is(value));
};
