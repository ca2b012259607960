import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import type { CommandType } from './command-types';
import { findingGivenAsInput } from './authority/record-without-authority';
import { type CommandSpecs, commandSpecs } from './command-specs';
import { type DecodeFailure, decodeFailure } from './shared/decode-failure';
import { taggedUnion } from './shared/struct';

/** Every command's codec, by its `type`, derived from the command specs. */
export const commandCodecs = Object.fromEntries(
  Object.entries(commandSpecs).map(([type, spec]) => [type, spec.codec]),
) as { readonly [T in CommandType]: CommandSpecs[T]['codec'] };

/** Any command, told apart by `type`. */
export const GovernanceCommand = taggedUnion('GovernanceCommand', 'type', commandCodecs);
export type GovernanceCommand = t.TypeOf<(typeof commandCodecs)[CommandType]>;

/** The command of one type: `CommandOf<'AdoptPlan'>`. */
export type CommandOf<T extends CommandType> = Extract<GovernanceCommand, { readonly type: T }>;

/**
 * The only way from untrusted input (an HTTP body, CLI flags) to a command: every bad field is named by its
 * path and why; unknown fields are refused rather than dropped, and so is an authority finding, which only
 * the domain writes.
 */
export const decodeCommand = (input: unknown): E.Either<DecodeFailure, GovernanceCommand> =>
  pipe(
    GovernanceCommand.decode(input),
    E.mapLeft(decodeFailure),
    E.chain((command) => {
      const errors = findingGivenAsInput(command);
      return errors.length === 0 ? E.right(command) : E.left({ _tag: 'DecodeFailure', errors });
    }),
  );
