import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { governanceEventSerde } from './event-serde';
import { eventCodecs, type GovernanceEventType, governanceEventTypes } from './governance-event';
import { compileCodec, invalid } from './shared/compile-codec';
import { decodeStoredEvent } from './stored-event-decoder';
import { arbitraryOf } from './testing/arbitrary-of';
import { recorded } from './testing/fixtures';
import { upcasters } from './upcasters';

type Json = unknown;

/** Every object and array inside a value, with itself: the places a mutation can hit. */
const containersOf = (value: Json): Json[] =>
  typeof value === 'object' && value !== null ? [value, ...Object.values(value).flatMap(containersOf)] : [];

const wrongValues: readonly Json[] = [
  null,
  0,
  -1,
  1.5,
  '',
  ' ',
  'x',
  '2024-13-01',
  true,
  [],
  {},
  [1],
  { a: 1 },
];

/** One change a corrupted or newer stored event could have, applied to a copy of a valid event. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), key: fc.constantFrom('extra', 'type', '0', 'decision') }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), value: fc.constantFrom(...wrongValues) }),
  fc.record({ kind: fc.constant('retag' as const), type: fc.constantFrom(...governanceEventTypes) }),
);

const mutated = (
  event: Json,
  where: number,
  change: typeof mutation extends fc.Arbitrary<infer M> ? M : never,
) => {
  const copy = structuredClone(event);
  const containers = containersOf(copy) as Record<string, Json>[];
  const target = containers[where % containers.length]!;
  const keys = Object.keys(target);
  const key = (pick: number) => (keys.length === 0 ? '0' : keys[pick % keys.length]!);
  if (change.kind === 'remove') delete target[key(change.pick)];
  if (change.kind === 'add' && Array.isArray(target)) target.push('x');
  else if (change.kind === 'add') target[change.key in target ? 'extra' : change.key] = 'x';
  if (change.kind === 'retype') target[key(change.pick)] = change.value;
  if (change.kind === 'retag') (copy as Record<string, Json>)['type'] = change.type;
  return copy;
};

/** The property: the compiled decoder accepts exactly what io-ts accepts, and decodes to the same value. */
const agreement = (codec: t.Mixed) => {
  const decode = compileCodec(codec);
  return (value: Json) => {
    const compiled = decode(value);
    const reference = codec.decode(value);
    expect(compiled === invalid).toBe(E.isLeft(reference));
    if (E.isRight(reference)) expect(compiled).toEqual(reference.right);
  };
};

/** One valid event of a type, the same every run. */
const sampleOf = (type: GovernanceEventType) =>
  fc.sample(arbitraryOf(eventCodecs[type]), { numRuns: 1, seed: 17 })[0];

describe('the compiled decoder of stored events', () => {
  it.each(governanceEventTypes)('accepts exactly what the io-ts codec of %s accepts', (type) => {
    const codec = eventCodecs[type as GovernanceEventType];
    const valid = arbitraryOf(codec);
    const agrees = agreement(codec);
    fc.assert(fc.property(valid, agrees), { numRuns: 60 });
    fc.assert(
      fc.property(valid, fc.nat(), mutation, (event, where, change) => agrees(mutated(event, where, change))),
      { numRuns: 200 },
    );
  });

  it('reads every older schema version as io-ts reads the upcast data (PlanAdopted version 1)', () => {
    // Version 1 of a plan as it was stored: one optional parentPlanId instead of the list parentPlans.
    const version1 = arbitraryOf(eventCodecs.PlanAdopted).map((event) => {
      const { type: _type, parentPlans, ...data } = event as Record<string, Json> & { parentPlans: string[] };
      return parentPlans.length > 0 ? { ...data, parentPlanId: parentPlans[0] } : data;
    });
    const upcast = upcasters.PlanAdopted![1]!;
    fc.assert(
      fc.property(version1, fc.nat(), fc.option(mutation), (data, where, change) => {
        const stored = change === null ? data : (mutated(data, where, change) as Record<string, Json>);
        const event = { ...recorded(sampleOf('PlanAdopted') as never, 1), schemaVersion: 1, data: stored };
        const reference = eventCodecs.PlanAdopted.decode({ ...upcast(stored), type: 'PlanAdopted' });
        const read = governanceEventSerde.fromRecorded(event);
        expect(E.isRight(read)).toBe(E.isRight(reference));
        if (E.isRight(reference)) expect(read).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what io-ts refuses with io-ts errors naming the field', () => {
    const event = sampleOf('PlanAdopted') as Record<string, Json>;
    const result = decodeStoredEvent('PlanAdopted', {
      ...event,
      period: { from: 'i går', to: '2027-12-31' },
    });
    expect(
      E.isLeft(result) && result.left.map((error) => error.context.map((entry) => entry.key).join('.')),
    ).toEqual(['.period.from']);
  });
});

describe('compileCodec on io-ts codecs the domain does not use yet', () => {
  const Positive = t.brand(
    t.number,
    (n): n is t.Branded<number, { readonly Positive: unique symbol }> => n > 0,
    'Positive',
  );
  const codecs: Record<string, t.Mixed> = {
    'type (keeps unknown fields)': t.type({ a: t.string, b: t.union([t.number, t.null]) }),
    'exact (drops unknown fields)': t.exact(t.type({ a: t.string, n: Positive })),
    'strict partial': t.exact(t.partial({ a: t.boolean, list: t.array(t.literal('x')) })),
    'readonly array of unions': t.readonly(t.readonlyArray(t.union([t.keyof({ ja: null }), Positive]))),
    'intersection (run by io-ts)': t.intersection([t.type({ a: t.string }), t.partial({ b: t.number })]),
  };
  it.each(Object.keys(codecs))('%s: accepts exactly what io-ts accepts, with the same value', (name) => {
    const agrees = agreement(codecs[name]!);
    const value = fc.oneof(
      fc.jsonValue(),
      fc.record(
        { a: fc.constantFrom('x', 1, true), b: fc.constantFrom(1, null, 'y'), n: fc.constantFrom(2, -2) },
        { requiredKeys: [] },
      ),
      fc.array(fc.constantFrom('ja', 'nei', 3, -3, 'x')),
      fc.record({ list: fc.array(fc.constantFrom('x', 'y')), extra: fc.jsonValue() }, { requiredKeys: [] }),
    );
    fc.assert(fc.property(value, agrees));
  });
});
