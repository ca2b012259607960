import * as fc from 'fast-check';
import { parseStrictJson } from './strict-json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Serializes `value` with the key at `path` written twice: first `extra`, then its real value. */
const withRepeatedKey = (value: Json, path: readonly string[], extra: Json): string => {
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => (String(index) === head ? withRepeatedKey(item, rest, extra) : JSON.stringify(item))).join(',')}]`;
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).map(([key, item]) => {
    const written = `${JSON.stringify(key)}:${key === head && rest.length > 0 ? withRepeatedKey(item, rest, extra) : JSON.stringify(item)}`;
    return key === head && rest.length === 0
      ? `${JSON.stringify(key)}:${JSON.stringify(extra)},${written}`
      : written;
  });
  return `{${entries.join(',')}}`;
};

/** Every path to a key of an object inside `value`. */
const keyPaths = (value: Json, prefix: readonly string[] = []): string[][] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => keyPaths(item, [...prefix, String(index)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    [...prefix, key],
    ...keyPaths(item, [...prefix, key]),
  ]);
};

const command = {
  type: 'AwardContract',
  procurementId: 'skoleskyss',
  amount: 1,
  decision: { body: 'direktor', caseNumber: '2025/7', authority: { kind: 'delegation', delegationId: 'x' } },
  lines: [{ item: 'a' }, { item: 'b' }],
};

describe('parseStrictJson', () => {
  it('reads strict JSON as JSON.parse does', () => {
    expect(parseStrictJson(JSON.stringify(command))).toEqual({ ok: true, value: command });
    expect(parseStrictJson('{"a": 1,}')).toMatchObject({
      ok: false,
      messageEn: expect.stringMatching(/^is not valid JSON/),
    });
    expect(parseStrictJson('{"a": 1 /* comment */}')).toMatchObject({ ok: false });
  });

  it('refuses a key given twice, naming its path, at the top, nested and in arrays', () => {
    expect(parseStrictJson('{"amount": 1, "amount": 900000}')).toEqual({
      ok: false,
      path: 'amount',
      message: 'nøkkelen amount er gitt mer enn én gang',
      messageEn: 'the key amount is given more than once',
    });
    expect(parseStrictJson(withRepeatedKey(command, ['decision', 'authority', 'kind'], 'law'))).toMatchObject(
      {
        ok: false,
        path: 'decision.authority.kind',
      },
    );
    expect(parseStrictJson(withRepeatedKey(command, ['lines', '1', 'item'], 'c'))).toMatchObject({
      ok: false,
      path: 'lines.1.item',
    });
    expect(parseStrictJson('[{"a": 1}, {"a": 2}]')).toMatchObject({ ok: true });
  });

  it('never gives back a value for any JSON with any one key repeated', () => {
    const objectWithPath = fc
      .dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 })
      .chain((value) => fc.tuple(fc.constant(value as Json), fc.constantFrom(...keyPaths(value as Json))));
    fc.assert(
      fc.property(objectWithPath, fc.jsonValue(), ([value, path], extra) => {
        const parsed = parseStrictJson(withRepeatedKey(value, path, extra as Json));
        expect(parsed).toMatchObject({ ok: false, path: path.join('.') });
      }),
    );
  });
});
