import { Command, CommanderError, Option } from 'commander';
import { defaultStoreUrl } from '@styring/app';
import { InvalidQuery } from '@styring/projections';
import type { CliIo } from './cli-io';
import { ExitCode, UsageError } from './exit-codes';
import type { CommandContext } from './command-context';
import { commands } from './commands';

const fullName = (command: Command): string =>
  command.parent ? `${fullName(command.parent)} ${command.name()}` : command.name();

/** Every command, subcommands included, so that each gets the same error handling and hint. */
const allCommands = (command: Command): Command[] => [command, ...command.commands.flatMap(allCommands)];

export const buildProgram = (context: CommandContext): Command => {
  const program = new Command('styring')
    .description('Lørenskog kommunes helhetlige styring as an immutable, verifiable history.')
    .addOption(
      new Option('--store <url>', 'the event store: sqlite:PATH, postgres://… or esdb://…')
        .env('STYRING_STORE')
        .default(defaultStoreUrl),
    );
  for (const make of commands) program.addCommand(make(context));
  for (const command of allCommands(program)) {
    command
      .exitOverride()
      .configureOutput({ writeOut: context.io.out, writeErr: context.io.err })
      .showHelpAfterError(`(see '${fullName(command)} --help')`);
  }
  return program;
};

/** Parses `argv` (without node and script), runs the command, and returns the exit code; never throws. */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<ExitCode> => {
  let exitCode: ExitCode = ExitCode.ok;
  let active: Command | undefined;
  const program = buildProgram({ io, exit: (code) => (exitCode = code) });
  program.hook('preAction', (_program, actionCommand) => {
    active = actionCommand;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(
        error.code,
      );
      return helpShown ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
      io.err(`error: ${error.message}\n(see '${fullName(active ?? program)} --help')\n`);
      return ExitCode.usage;
    }
    // A value a query refuses (an unknown kind …) is a bad flag: the allowed values, in bokmål and English.
    if (error instanceof InvalidQuery) {
      const norwegian = error.reasonNo === undefined ? '' : `feil: ${error.field}: ${error.reasonNo}\n`;
      io.err(`${norwegian}error: ${error.message}\n(see '${fullName(active ?? program)} --help')\n`);
      return ExitCode.usage;
    }
    io.err(`styring: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failed;
  }
};
