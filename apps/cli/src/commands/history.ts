import { Command, InvalidArgumentError, Option } from 'commander';
import { DecidingBody } from '@styring/governance';
import { type HistoryClock, osloDateTime, resolvePointInTime } from '@styring/projections';
import type { CommandContext } from '../command-context';
import { decisionTable } from '../decision-table';
import { ExitCode } from '../exit-codes';
import { jsonLine } from '../json-output';
import { readingModels } from '../read-models';

interface HistoryFlags {
  readonly asOf?: string;
  readonly knownAt?: string;
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

/** A day or a time as people read it: `31.12.2024`, or a time in Oslo (`01.01.2025 00:30:00`). */
const shown = (value: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').reverse().join('.') : osloDateTime(value);

/** What the table shows: in force when, as known when. */
const heading = (flags: HistoryFlags): string => {
  const knownAt = flags.clock === 'recorded' ? (flags.knownAt ?? flags.asOf) : flags.knownAt;
  const asOf = flags.clock === 'recorded' ? undefined : flags.asOf;
  if (asOf === undefined && knownAt !== undefined) return `registrert per ${shown(knownAt)}`;
  const inForce = asOf === undefined ? 'i kraft nå' : `i kraft per ${shown(asOf)}`;
  return knownAt === undefined ? inForce : `${inForce}, slik det var kjent per ${shown(knownAt)}`;
};

export const historyCommand = (context: CommandContext): Command =>
  new Command('history')
    .description(
      'the decision log (vedtakslogg): who decided what, when, in which case, under which authority',
    )
    .addOption(
      new Option(
        '--as-of <date>',
        'in force then: a day (YYYY-MM-DD, through its end in Oslo) or an ISO 8601 time',
      ).argParser(pointInTime),
    )
    .addOption(
      new Option(
        '--known-at <date>',
        'as the system knew it then, before later registrations and corrections: a day or a time, as --as-of',
      ).argParser(pointInTime),
    )
    .addOption(
      new Option(
        '--clock <clock>',
        'the older form: recorded makes --as-of the recorded time (as --known-at alone); effective: in force then',
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
      readingModels(context, command, async (projections) => {
        const entries = await projections.decisionLog({
          clock: flags.clock,
          ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
          ...(flags.knownAt === undefined ? {} : { knownAt: flags.knownAt }),
          ...(flags.body === undefined ? {} : { body: flags.body }),
          ...(flags.kind === undefined ? {} : { kind: flags.kind }),
        });
        if (flags.json === true) {
          for (const entry of entries) context.io.out(jsonLine(entry));
        } else {
          context.io.out(
            `Vedtakslogg – ${heading(flags)}: ${entries.length} vedtak\n\n${decisionTable(entries)}`,
          );
        }
        context.exit(ExitCode.ok);
      }),
    );
