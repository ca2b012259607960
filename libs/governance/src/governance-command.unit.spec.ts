import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { commandTypes } from './command-types';
import { valueAt } from './corrections/field-paths';
import { emptyGovernanceContext } from './context/governance-context';
import { commandCodecs, decodeCommand, type GovernanceCommand } from './governance-command';
import { governanceDecider } from './governance-decider';
import { streamFor } from './stream-for';
import { arbitraryOf } from './testing/arbitrary-of';
import { sampleHistory } from './testing/sample-history';

type Json = unknown;

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** Every path in a value (`decision.caseNumber`, `goals.0.text`), but not into a correction's free values. */
const pathsOf = (value: Json, prefix = ''): string[] => {
  const children = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : isRecord(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return /^changes\.\d+\.(before|after)$/.test(path) ? [] : [path, ...pathsOf(child, path)];
  });
};

const setPath = (value: Json, [head, ...rest]: string[], next: (old: Json) => Json): Json => {
  if (head === undefined) return next(value);
  if (Array.isArray(value))
    return value.map((item, index) => (String(index) === head ? setPath(item, rest, next) : item));
  if (isRecord(value)) return { ...value, [head]: setPath(value[head], rest, next) };
  return value;
};

/** Values that no field of any command accepts (each field is text, a number ≥ 0, a list, a choice or an object). */
const invalidValue = fc.constantFrom<Json>(null, -1, { 'ukjent-felt': true });

const sample = fc.constantFrom(...sampleHistory);

const mutation = sample.chain((command) =>
  fc.record({
    command: fc.constant(command),
    path: fc.constantFrom(...pathsOf(command)),
    value: invalidValue,
  }),
);

const errorsOf = (input: unknown) => {
  const result = decodeCommand(input);
  return E.isLeft(result) ? result.left.errors : [];
};

const namesPath = (errors: ReturnType<typeof errorsOf>, path: string) =>
  errors.some((error) => error.path === path || error.path.startsWith(`${path}.`));

describe('decodeCommand', () => {
  it('accepts every command of the sample history as it is', () => {
    for (const command of sampleHistory) expect(decodeCommand(command)).toEqual(E.right(command));
  });

  it('never throws on arbitrary input, and explains every refusal in both languages', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.record({ type: fc.constantFrom(...commandTypes) }, { requiredKeys: [] })),
        (input) => {
          const result = decodeCommand(input);
          if (E.isRight(result)) return commandCodecs[result.right.type].is(result.right);
          return (
            result.left.errors.length > 0 &&
            result.left.errors.every((error) => error.message.length > 0 && error.messageEn.length > 0)
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a command with any one field set to an invalid value, naming that field', () => {
    fc.assert(
      fc.property(mutation, ({ command, path, value }) => {
        const mutated = setPath(command, path.split('.'), () => value);
        const errors = errorsOf(mutated);
        return errors.length > 0 && namesPath(errors, path);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a command missing a required field, naming the field', () => {
    const missing = sample.chain((command) =>
      fc.record({
        command: fc.constant(command),
        key: fc.constantFrom(...Object.keys(commandCodecs[command.type].required)),
      }),
    );
    fc.assert(
      fc.property(missing, ({ command, key }) => {
        const { [key]: _removed, ...rest } = command as unknown as Record<string, unknown>;
        const errors = errorsOf(rest);
        return errors.some(
          (error) =>
            error.path === key && error.messageEn === (key === 'type' ? error.messageEn : 'is required'),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an unknown field anywhere in a command, naming it', () => {
    const objectPaths = (command: GovernanceCommand) => [
      '',
      ...pathsOf(command).filter((path) => isRecord(valueAt(command, path))),
    ];
    const extra = sample.chain((command) =>
      fc.record({
        command: fc.constant(command),
        at: fc.constantFrom(...objectPaths(command)),
        value: fc.jsonValue(),
      }),
    );
    fc.assert(
      fc.property(extra, ({ command, at, value }) => {
        const mutated =
          at === ''
            ? { ...command, ukjentFelt: value }
            : setPath(command, at.split('.'), (old) => ({ ...(old as object), ukjentFelt: value }));
        const expected = at === '' ? 'ukjentFelt' : `${at}.ukjentFelt`;
        return errorsOf(mutated).some(
          (error) => error.path === expected && error.messageEn === 'is not a known field',
        );
      }),
      { numRuns: 300 },
    );
  });

  it('lets only valid commands through to the deciders, which decide them without throwing', () => {
    // Valid commands of every type, derived from the codecs, beside broken ones: most inputs must reach a
    // decider, or the property would say nothing about the deciders.
    const validCommand = fc.constantFrom(...commandTypes).chain((type) => arbitraryOf(commandCodecs[type]));
    const anyInput = fc.oneof(
      { weight: 3, arbitrary: validCommand },
      mutation.map(({ command, path, value }) => setPath(command, path.split('.'), () => value)),
      sample.chain((command) =>
        fc
          .constantFrom(...pathsOf(command))
          .chain((path) => fc.jsonValue().map((value) => setPath(command, path.split('.'), () => value))),
      ),
    );
    const context = emptyGovernanceContext();
    const runs = 1000;
    const decided = new Map<string, number>();
    fc.assert(
      fc.property(anyInput, (input) => {
        const decoded = decodeCommand(input);
        if (E.isLeft(decoded)) return true;
        const command = decoded.right;
        expect(commandCodecs[command.type].is(command)).toBe(true);
        expect(typeof streamFor(command)).toBe('string');
        expect(() =>
          governanceDecider.decide(command, governanceDecider.initialState, context),
        ).not.toThrow();
        decided.set(command.type, (decided.get(command.type) ?? 0) + 1);
      }),
      { numRuns: runs },
    );
    const reached = [...decided.values()].reduce((sum, count) => sum + count, 0);
    expect(reached).toBeGreaterThan(runs / 2);
    expect([...decided.keys()].sort()).toEqual([...commandTypes].sort());
  });
});
