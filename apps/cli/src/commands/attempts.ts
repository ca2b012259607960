import { Command } from 'commander';
import { openStore } from '@styring/app';
import { osloDateTime } from '@styring/projections';
import { type CommandContext, storeUrlOf } from '../command-context';
import { ExitCode } from '../exit-codes';
import { jsonLine } from '../json-output';

/** The attempt log: commands that were refused, kept apart from the governance history (for the revisor). */
export const attemptsCommand = (context: CommandContext): Command =>
  new Command('attempts')
    .description('refused commands: who tried which command when, and the code it was refused with')
    .option('--json', 'one JSON object per line')
    .action(async (flags: { json?: boolean }, command: Command) => {
      const store = await openStore(storeUrlOf(command), { cwd: context.io.cwd });
      try {
        const attempts = await store.attempts.read();
        if (flags.json === true) {
          for (const attempt of attempts) context.io.out(jsonLine(attempt));
        } else {
          context.io.out(`Avviste forsøk: ${attempts.length}\n`);
          for (const a of attempts) {
            context.io.out(
              `${osloDateTime(a.at)}  ${a.actor} (${a.role}${a.unit === null ? '' : `, ${a.unit}`})  ${a.commandType}  ${a.code}\n`,
            );
          }
        }
        context.exit(ExitCode.ok);
      } finally {
        await store.close();
      }
    });
