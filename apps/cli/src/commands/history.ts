import { Command, InvalidArgumentError, Option } from 'commander';
import { openProjections, openStore } from '@styring/app';
import { DecidingBody } from '@styring/governance';
import { type HistoryClock, resolvePointInTime } from '@styring/projections';
import { type CommandContext, storeUrlOf } from '../command-context';
import { decisionTable } from '../decision-table';
import { ExitCode } from '../exit-codes';
import { jsonLine } from '../json-output';
import { progressBar } from '../progress';

interface HistoryFlags {
  readonly asOf?: string;
  readonly clock: HistoryClock;
  readonly body?: string;
  readonly kind?: string;
  readonly json?: boolean;
}

const pointInTime = (value: string): string => {
  try {
    resolvePointInTime({ asOf: value });
    return value;
  } catch (error) {
    throw new InvalidArgumentError(`not a date or time: ${(error as Error).message}`);
  }
};

export const historyCommand = (context: CommandContext): Command =>
  new Command('history')
    .description(
      'the decision log (vedtakslogg): who decided what, when, in which case, under which authority',
    )
    .addOption(
      new Option('--as-of <date>', 'a day (YYYY-MM-DD, through its end, UTC) or an ISO 8601 time').argParser(
        pointInTime,
      ),
    )
    .addOption(
      new Option(
        '--clock <clock>',
        'recorded: what the system knew then; effective: what was in force then, as known now',
      )
        .choices(['recorded', 'effective'])
        .default('effective'),
    )
    .addOption(
      new Option('--body <body>', 'only decisions of this body').choices(Object.keys(DecidingBody.keys)),
    )
    .option(
      '--kind <kind>',
      "only this kind of decision: its label ('Plan vedtatt') or event type (PlanAdopted)",
    )
    .option('--json', 'one JSON object per decision and line (see the README)')
    .action(async (flags: HistoryFlags, command: Command) => {
      const store = await openStore(storeUrlOf(command), { cwd: context.io.cwd });
      const progress = progressBar(context.io, 'Leser historikken');
      const projections = openProjections(store, { onProgress: (p) => progress.update(p.done, p.total) });
      try {
        await projections.catchUp();
        progress.stop();
        const entries = projections.decisionLog({
          clock: flags.clock,
          ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
          ...(flags.body === undefined ? {} : { body: flags.body }),
          ...(flags.kind === undefined ? {} : { kind: flags.kind }),
        });
        if (flags.json === true) {
          for (const entry of entries) context.io.out(jsonLine(entry));
        } else {
          const when = flags.asOf === undefined ? 'nå' : `per ${flags.asOf}`;
          const clock = flags.clock === 'effective' ? 'i kraft' : 'registrert';
          context.io.out(
            `Vedtakslogg – ${clock} ${when}: ${entries.length} vedtak\n\n${decisionTable(entries)}`,
          );
        }
        context.exit(ExitCode.ok);
      } finally {
        progress.stop();
        projections.close();
        await store.close();
      }
    });
