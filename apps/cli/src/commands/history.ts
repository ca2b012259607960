import { Command, InvalidArgumentError, Option } from 'commander';
import { DecidingBody } from '@styring/governance';
import { type HistoryClock, resolvePointInTime } from '@styring/projections';
import type { CommandContext } from '../command-context';
import { decisionTable } from '../decision-table';
import { ExitCode } from '../exit-codes';
import { jsonLine } from '../json-output';
import { readingModels } from '../read-models';

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
    .action((flags: HistoryFlags, command: Command) =>
      readingModels(context, command, (projections) => {
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
      }),
    );
