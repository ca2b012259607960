import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandExecutor, ExecutionResult } from '@styring/app';
import { InFlight } from '../in-flight';
import { STYRING_EXECUTOR } from '../options';
import { StyringCommand } from './styring-command';

/**
 * Runs every governance command the way the CLI does (`@styring/app`: decode, load context, decide,
 * append with optimistic concurrency), and keeps count so shutdown lets appends finish.
 */
@CommandHandler(StyringCommand)
export class StyringCommandHandler implements ICommandHandler<StyringCommand, ExecutionResult> {
  constructor(
    @Inject(STYRING_EXECUTOR) private readonly executor: CommandExecutor,
    private readonly inFlight: InFlight,
  ) {}

  execute({ input, sender }: StyringCommand): Promise<ExecutionResult> {
    const { expectedRevision, commandId } = sender;
    const keyed = commandId === undefined ? input : { ...(input as object), commandId };
    return this.inFlight.track(() =>
      this.executor.execute(
        keyed,
        sender.caller,
        expectedRevision === undefined ? undefined : { expectedRevision },
      ),
    );
  }
}
