import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { DecisionReferenceInput } from './shared/decision-reference';
import type { CommandType } from './command-types';
import { type CommandSpecs, commandSpecs } from './command-specs';
import { type DecodeFailure, decodeFailure } from './shared/decode-failure';
import { struct, type StructType, taggedUnion } from './shared/struct';

/**
 * A command's codec as input takes it: its `decision` (when it has one) is the `DecisionReferenceInput`,
 * which takes no authority finding. Every value it accepts is one the spec's codec accepts too.
 */
const asInput = <C>(codec: C): C => {
  const { name, required, optional } = codec as unknown as StructType<t.Props, t.Props>;
  const input = (props: t.Props) =>
    'decision' in props ? { ...props, decision: DecisionReferenceInput } : props;
  return struct(name, input(required), input(optional)) as unknown as C;
};

/** Every command's codec, by its `type`, derived from the command specs (as input takes it). */
export const commandCodecs = Object.fromEntries(
  Object.entries(commandSpecs).map(([type, spec]) => [type, asInput(spec.codec)]),
) as { readonly [T in CommandType]: CommandSpecs[T]['codec'] };

/** Any command, told apart by `type`. */
export const GovernanceCommand = taggedUnion('GovernanceCommand', 'type', commandCodecs);
export type GovernanceCommand = t.TypeOf<(typeof commandCodecs)[CommandType]>;

/** The command of one type: `CommandOf<'AdoptPlan'>`. */
export type CommandOf<T extends CommandType> = Extract<GovernanceCommand, { readonly type: T }>;

/**
 * The only way from untrusted input (an HTTP body, CLI flags) to a command: every bad field is named by its
 * path and why; unknown fields are refused rather than dropped (an authority finding among them, which only
 * the domain writes).
 */
export const decodeCommand = (input: unknown): E.Either<DecodeFailure, GovernanceCommand> =>
  pipe(GovernanceCommand.decode(input), E.mapLeft(decodeFailure));
