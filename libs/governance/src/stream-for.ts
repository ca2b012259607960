import { commandSpecs } from './command-specs';
import type { GovernanceCommand } from './governance-command';

type AnyStream = (command: GovernanceCommand) => string;

/** The stream a command is decided on and appended to: its spec's `stream`, the boundary of its invariant. */
export const streamFor = (command: GovernanceCommand): string =>
  // Each spec's `stream` is typed for its own command, which `command.type` selects.
  (commandSpecs[command.type].stream as AnyStream)(command);
