import * as fc from 'fast-check';
import { parseCommandInput } from './command-input';

describe('parseCommandInput', () => {
  const a = { type: 'AdoptPlan', planId: 'hr-strategi' };
  const b = { type: 'RetirePlan', planId: 'hr-strategi' };

  it('reads one command, an array, or JSON Lines, in order', () => {
    expect(parseCommandInput(JSON.stringify(a))).toEqual({ ok: true, commands: [a] });
    expect(parseCommandInput(JSON.stringify([a, b]))).toEqual({ ok: true, commands: [a, b] });
    expect(parseCommandInput(`${JSON.stringify(a)}\n\n${JSON.stringify(b)}\n`)).toEqual({
      ok: true,
      commands: [a, b],
    });
  });

  it('names the line that is not JSON, and refuses empty input', () => {
    const result = parseCommandInput(`${JSON.stringify(a)}\n{"type":\n`);
    expect(result).toMatchObject({ ok: false, line: 2 });
    expect(parseCommandInput('  \n')).toMatchObject({ ok: false, line: 1 });
  });

  it('refuses a key given twice in a document or on a line, naming its path', () => {
    expect(parseCommandInput('{"type": "AwardContract", "amount": 1, "amount": 900000}')).toMatchObject({
      ok: false,
      line: 1,
      path: 'amount',
    });
    expect(
      parseCommandInput(`[${JSON.stringify(a)},\n{"decision": {"body": "a", "body": "b"}}]`),
    ).toMatchObject({
      ok: false,
      path: '1.decision.body',
    });
    expect(parseCommandInput(`${JSON.stringify(a)}\n{"planId": "x", "planId": "y"}\n`)).toMatchObject({
      ok: false,
      line: 2,
      path: 'planId',
    });
  });

  it('gives back any JSON value list exactly as JSON Lines', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 2, maxLength: 8 }), (values) => {
        const text = values.map((value) => JSON.stringify(value)).join('\n');
        const parsed = parseCommandInput(text);
        expect(parsed).toEqual({
          ok: true,
          commands: values.map((value) => JSON.parse(JSON.stringify(value))),
        });
      }),
    );
  });
});
