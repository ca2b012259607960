import { Command } from '@nestjs/cqrs';
import type { Caller, ExecutionResult } from '@styring/app';
import type { ExpectedRevision } from '@styring/eventstore';
import { type CommandOf, type CommandType, commandTypes } from '@styring/governance';

/** Who sends a command, and (optionally) the stream revision they saw, e.g. from an HTTP `If-Match`. */
export interface CommandSender {
  /** From the caller's verified identity (a token, CLI flags) – never from the command's own fields. */
  readonly caller: Caller;
  /**
   * With it, a command whose stream has moved on since is a `conflict`; without it, concurrent writers are
   * retried against the newest revision.
   */
  readonly expectedRevision?: ExpectedRevision;
  /**
   * The idempotency key (an HTTP `Idempotency-Key`): a retry with the same key gets the first outcome and
   * writes nothing new; the same key with another command is `rejected` (`idempotency.key_reused`).
   */
  readonly commandId?: string;
}

/**
 * Any governance command on the CommandBus; `execute` answers with the `ExecutionResult` of
 * `@styring/app` (accepted, rejected, invalid or conflict – never a throw for those). Construct it from
 * untrusted input (`{ type, …fields }`, decoded by the handler), or use a typed class of `StyringCommands`.
 */
export class StyringCommand extends Command<ExecutionResult> {
  constructor(
    /** The command as `{ type, …fields }`; decoded before anything is decided. */
    readonly input: unknown,
    readonly sender: CommandSender,
  ) {
    super();
  }
}

/** A command's fields, without its `type` (the class says which command it is). */
export type CommandFields<T extends CommandType> = Omit<CommandOf<T>, 'type'>;

export interface GovernanceCommandClass<T extends CommandType> {
  new (fields: CommandFields<T>, sender: CommandSender): StyringCommand;
  readonly commandType: T;
}

const commandClassFor = <T extends CommandType>(type: T): GovernanceCommandClass<T> =>
  // A computed key names the class after the command, which Nest's messages then show.
  ({
    [type]: class extends StyringCommand {
      static readonly commandType = type;
      constructor(fields: CommandFields<T>, sender: CommandSender) {
        super({ ...fields, type }, sender);
      }
    },
  })[type] as GovernanceCommandClass<T>;

/**
 * One typed class per governance command: `commandBus.execute(new StyringCommands.AdoptPlan({…}, { caller }))`.
 * All of them are handled by the one handler of `StyringCommand`, which they extend.
 */
export const StyringCommands = Object.fromEntries(
  commandTypes.map((type) => [type, commandClassFor(type)]),
) as {
  readonly [T in CommandType]: GovernanceCommandClass<T>;
};
