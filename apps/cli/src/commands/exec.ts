import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import {
  type BatchItem,
  createCommandExecutor,
  keepingRefusedAttempts,
  openStore,
  systemRuntime,
} from '@styring/app';
import { callerOf, withCallerOptions } from '../caller-options';
import { commandList } from '../command-list';
import { parseCommandInput } from '../command-input';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonLine } from '../json-output';
import { type CommandContext, storeUrlOf } from '../command-context';

/** The exit code of a batch: that of its first command that did not go through. */
const exitCodeOf = (items: readonly BatchItem[]): ExitCode => {
  const failed = items.find((item) => item.status !== 'accepted' && item.status !== 'not_run');
  switch (failed?.status) {
    case undefined:
      return ExitCode.ok;
    case 'invalid':
      return ExitCode.usage;
    case 'rejected':
      return ExitCode.rejected;
    default:
      return ExitCode.failed;
  }
};

/** One line on stderr for people; the JSON on stdout is for programs. */
const explain = (item: BatchItem, index: number): string | undefined => {
  switch (item.status) {
    case 'rejected':
      return `kommando ${index + 1} avvist (${item.code}): ${item.message}`;
    case 'invalid':
      return item.errors
        .map((e) => `kommando ${index + 1} ugyldig: ${e.path || '(hele kommandoen)'}: ${e.message}`)
        .join('\n');
    case 'conflict':
      return `kommando ${index + 1}: strømmen ${item.streamId} ble endret samtidig; prøv igjen`;
    default:
      return undefined;
  }
};

const readInput = async (context: CommandContext, input: string | undefined, file: string | undefined) => {
  if (input !== undefined && input !== '-')
    throw new UsageError(`unexpected argument '${input}': give - to read standard input`);
  if (input !== undefined && file !== undefined) throw new UsageError('give either --file F or -, not both');
  if (file !== undefined) {
    const resolved = path.resolve(context.io.cwd, file);
    if (!fs.existsSync(resolved)) throw new UsageError(`the file ${resolved} does not exist`);
    return fs.readFileSync(resolved, 'utf8');
  }
  if (input === undefined && context.io.stdinIsTTY)
    throw new UsageError('give the commands with --file F, or pipe them in and give -');
  return context.io.readStdin();
};

export const execCommand = (context: CommandContext): Command =>
  withCallerOptions(
    new Command('exec')
      .description(
        'run governance commands given as JSON (one, an array, or JSON Lines) and print one JSON result per command',
      )
      .argument('[input]', "'-' to read the commands from standard input")
      .option('--file <file>', 'read the commands from a file')
      .addHelpText('after', commandList),
  ).action(async (input: string | undefined, flags, command: Command) => {
    const caller = await callerOf(flags, context.io.cwd);
    const parsed = parseCommandInput(await readInput(context, input, flags.file));
    if (!parsed.ok) {
      context.io.out(
        jsonLine({
          index: 0,
          status: 'invalid',
          errors: [{ path: parsed.path ?? `(line ${parsed.line})`, message: parsed.message }],
        }),
      );
      context.io.err(`ugyldig JSON på linje ${parsed.line}: ${parsed.message}\n`);
      return context.exit(ExitCode.usage);
    }
    const store = await openStore(storeUrlOf(command), { cwd: context.io.cwd });
    try {
      const executor = keepingRefusedAttempts(
        createCommandExecutor(store.events),
        store.attempts,
        systemRuntime.clock,
      );
      const items = await executor.executeBatch(parsed.commands, caller);
      items.forEach((item, index) => {
        context.io.out(jsonLine({ index, ...item }));
        const line = explain(item, index);
        if (line !== undefined) context.io.err(`${line}\n`);
      });
      context.exit(exitCodeOf(items));
    } finally {
      await store.close();
    }
  });
