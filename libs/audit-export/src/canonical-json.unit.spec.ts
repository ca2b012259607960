import fc from 'fast-check';
import type { RecordedEvent } from '@styring/eventstore';
import { canonicalJson, CanonicalJsonError, canonicalWriter } from './canonical-json';
import { canonicalRecord } from './canonical-record';

describe('canonical JSON', () => {
  it('writes numbers, strings and literals as RFC 8785 §3.2.4 shows', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 §3.2.3 shows', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ '10': 1, '9': 2, b: { z: 1, a: [{ y: 1, x: 2 }] } })).toBe(
      '{"10":1,"9":2,"b":{"a":[{"x":2,"y":1}],"z":1}}',
    );
  });

  it('writes bigints as decimal strings and leaves out undefined properties', () => {
    expect(canonicalJson({ big: 12345678901234567890n, gone: undefined, zero: -0 })).toBe(
      '{"big":"12345678901234567890","zero":0}',
    );
  });

  it('refuses what JSON cannot hold, naming where it is', () => {
    const attempt = (value: unknown) => () => canonicalJson(value, 'data');
    expect(attempt({ amounts: [1, Number.NaN] })).toThrow(
      new CanonicalJsonError('data.amounts[1]', 'NaN is not a JSON number'),
    );
    expect(attempt({ 'odd key': { when: new Date(0) } })).toThrow(
      'data["odd key"].when: a Date object is not JSON data',
    );
    expect(attempt({ list: [undefined] })).toThrow('data.list[0]: undefined is not JSON data');
    expect(attempt(() => 1)).toThrow('data: a function is not JSON data');
  });

  it('is, byte for byte, the UTF-8 of JSON.stringify with keys sorted, for any text', () => {
    // The definition, spelled out: a test's oracle for the byte encoder.
    const reference = (value: unknown): string =>
      Array.isArray(value)
        ? `[${value.map(reference).join(',')}]`
        : typeof value === 'object' && value !== null
          ? `{${Object.keys(value)
              .sort()
              .map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`)
              .join(',')}}`
          : JSON.stringify(value);
    // Any code point, lone surrogate halves, and ASCII with its control characters, quotes and backslashes.
    const anyUnit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
      fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)),
    );
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: anyUnit }), (value) => {
        canonicalWriter.start();
        canonicalWriter.value(value);
        expect(Buffer.from(canonicalWriter.bytes())).toEqual(Buffer.from(reference(value), 'utf8'));
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('writes values far larger than its buffer, and small ones after them', () => {
    const large = { text: 'x'.repeat(3_000_000), list: ['ø'.repeat(1_000_000)], after: 1 };
    expect(canonicalJson(large)).toBe(JSON.stringify({ after: 1, list: large.list, text: large.text }));
    expect(canonicalJson({ b: 2, a: 'å' })).toBe('{"a":"å","b":2}');
  });

  it('is a fixed point: parsing canonical JSON and writing it again gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('the canonical record of an event', () => {
  const event: RecordedEvent = {
    eventId: 'e-1',
    type: 'PlanAdopted',
    schemaVersion: 1,
    data: { title: 'Eiendomsstrategi', body: 'kommunestyret' },
    metadata: {
      actor: 'kari',
      role: 'sekretariat',
      correlationId: 'c',
      causationId: 'k',
      effectiveAt: '2024-06-19',
    },
    streamId: 'plan-1',
    streamRevision: 0n,
    globalPosition: 17n,
    recordedAt: '2024-06-20T08:00:00.000Z',
  };

  it('is the canonical JSON of exactly the port fields, whatever else an event object carries', () => {
    const withExtra = { ...event, adapterRowId: 99 } as RecordedEvent;
    expect(canonicalRecord(withExtra)).toBe(canonicalJson(event));
  });

  it('refuses an event whose fields JSON cannot hold, naming the event and the field', () => {
    expect(() => canonicalRecord({ ...event, data: { amount: Infinity } })).toThrow(
      'event e-1 (global position 17): data.amount Infinity is not a JSON number',
    );
    expect(() => canonicalRecord({ ...event, globalPosition: 17 as unknown as bigint })).toThrow(
      'event e-1 (global position 17): globalPosition is not a bigint ≥ 0',
    );
  });
});
