import { Command } from 'commander';
import { type ChangesBetween, changesBetween, InvalidQuery } from '@styring/projections';
import type { CommandContext } from '../command-context';
import { ExitCode, UsageError } from '../exit-codes';
import { jsonLine } from '../json-output';
import { readingModels } from '../read-models';

interface ChangesFlags {
  readonly from: string;
  readonly to: string;
  readonly json?: boolean;
}

const shown = (value: unknown): string => (value === undefined ? '–' : JSON.stringify(value));

/** The change view as text: new decisions, corrections, then the status changes of each register. */
const changesText = (changes: ChangesBetween): string => {
  const lines = [`Endringer registrert etter ${changes.from} og til og med ${changes.to}`, ''];
  lines.push(`Nye vedtak: ${changes.decisions.length}`);
  for (const d of changes.decisions) {
    lines.push(
      `  ${d.decidedOn}  ${d.body}  sak ${d.caseNumber}  ${d.kind}: ${d.summary} (registrert ${d.recordedAt})`,
    );
  }
  lines.push('', `Korrigeringer: ${changes.corrections.length}`);
  for (const c of changes.corrections) {
    lines.push(
      `  ${c.recordedAt}  ${c.actor} (${c.role})  ${c.correctedEventType ?? c.correctedEventId} ${c.field}: ${shown(c.before)} → ${shown(c.after)}  «${c.reason}»`,
    );
  }
  for (const register of changes.registers) {
    lines.push('', `${register.title}: ${register.changes.length} endret`);
    for (const change of register.changes) {
      lines.push(`  ${change.label}: ${change.before ?? '–'} → ${change.after ?? '–'}`);
    }
  }
  return `${lines.join('\n')}\n`;
};

export const changesCommand = (context: CommandContext): Command =>
  new Command('changes')
    .description(
      'what changed in the record between two recorded times: new decisions, corrections, status changes per register',
    )
    .requiredOption(
      '--from <time>',
      'the earlier recorded time, excluded: a day (YYYY-MM-DD, through its end) or an ISO 8601 time',
    )
    .requiredOption('--to <time>', 'the later recorded time, included')
    .option('--json', 'the whole answer as one JSON object')
    .action((flags: ChangesFlags, command: Command) =>
      readingModels(context, command, async (projections) => {
        let changes: ChangesBetween;
        try {
          changes = await changesBetween(projections.reader, { from: flags.from, to: flags.to });
        } catch (error) {
          if (error instanceof InvalidQuery) throw new UsageError(`--${error.message}`);
          throw error;
        }
        context.io.out(flags.json === true ? jsonLine(changes) : changesText(changes));
        context.exit(ExitCode.ok);
      }),
    );
