import { Command, Option } from 'commander';
import { InvalidQuery } from '@styring/projections';
import {
  answerCodecOf,
  csvOf,
  filterValue,
  InvalidFilter,
  listItemOf,
  matchRoute,
  type QueryAnswers,
  type ReadRoute,
  readRoutes,
} from '@styring/read-routes';
import { answerRecord, answerTable } from '../answer-table';
import type { CommandContext } from '../command-context';
import { ExitCode, UsageError } from '../exit-codes';
import { readingModels } from '../read-models';

/** `owningUnit` as a flag: `--owning-unit`. */
const flagOf = (filter: string) => `--${filter.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** Every filter of any read: each is a flag, checked against the read that is asked for. */
const allFilters = [...new Set(readRoutes.flatMap((route) => Object.keys(route.filters)))].sort();

const routeList = readRoutes
  .map((route) => {
    const filters = Object.keys(route.filters).map(flagOf).join(' ');
    return `  ${route.path.padEnd(40)} ${route.summary}${filters === '' ? '' : `\n  ${''.padEnd(40)} ${filters}`}`;
  })
  .join('\n');

interface ShowFlags {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly clock?: string;
  readonly format: 'table' | 'json' | 'csv';
  readonly [filter: string]: string | undefined;
}

const bigintsAsText = (_key: string, value: unknown) =>
  typeof value === 'bigint' ? value.toString() : value;

/** The query's options from the flags: the read's own filters and the point in time; others are refused. */
const optionsOf = (route: ReadRoute, flags: ShowFlags, params: Readonly<Record<string, string>>) => {
  const options: Record<string, unknown> = { ...params };
  for (const name of ['asOf', 'knownAt', 'clock'] as const) {
    if (flags[name] !== undefined) options[name] = flags[name];
  }
  for (const filter of allFilters) {
    const value = flags[filter];
    if (value === undefined) continue;
    const type = route.filters[filter];
    if (type === undefined) {
      const known = Object.keys(route.filters).map(flagOf).join(', ') || 'none';
      throw new UsageError(`${flagOf(filter)} is not a filter of ${route.path} (its filters: ${known})`);
    }
    try {
      options[filter] = filterValue(filter, type, value);
    } catch (error) {
      if (error instanceof InvalidFilter) throw new UsageError(`${flagOf(filter)}: ${error.message}`);
      throw error;
    }
  }
  return options;
};

/** The answer as the format asks: a table or record for people, JSON or CSV for programs. */
const render = (
  route: ReadRoute,
  queries: QueryAnswers,
  body: unknown,
  format: ShowFlags['format'],
): string => {
  const item = listItemOf(route, queries);
  if (format === 'json') return `${JSON.stringify(body, bigintsAsText, 2)}\n`;
  if (item === undefined) return answerRecord(answerCodecOf(route, queries), body);
  const items = body as readonly unknown[];
  return format === 'csv'
    ? csvOf(item, items)
    : `${route.summary}: ${items.length}\n\n${answerTable(item, items)}`;
};

/**
 * `styring show <path>`: any read the API offers at `GET /api/<path>`, from the same table of reads, on
 * the store directly – the filters as flags, the point in time as `--as-of`/`--known-at`/`--clock`.
 */
export const showCommand = (context: CommandContext): Command => {
  const command = new Command('show')
    .description('any register or view of the read models, as the API reads it at GET /api/<path>')
    .argument('<path>', 'the read, e.g. decision-log, plans/in-force, risks/<riskId> (see below)')
    .addOption(
      new Option('--as-of <time>', 'effective time: what was in force then (a day or an ISO 8601 time)'),
    )
    .addOption(new Option('--known-at <time>', 'recorded time: what the system knew then'))
    .addOption(
      new Option('--clock <clock>', 'one clock alone: effective or recorded').choices([
        'effective',
        'recorded',
      ]),
    )
    .addOption(
      new Option('--format <format>', 'how to print the answer')
        .choices(['table', 'json', 'csv'])
        .default('table'),
    );
  for (const filter of allFilters)
    command.option(`${flagOf(filter)} <value>`, `filter ${filter} (where the read has it)`);
  return command
    .addHelpText('after', `\nReads (path, then its filters):\n${routeList}\n`)
    .action(async (path: string, flags: ShowFlags, self: Command) => {
      const match = matchRoute(path);
      if (match === undefined) {
        throw new UsageError(
          `no read at '${path}' (reads: ${readRoutes.map((route) => route.path).join(', ')})`,
        );
      }
      // The query table comes with NestJS, which only a read needs: every other command starts without it.
      const { readModelQueries } = await import('@styring/nestjs');
      if (flags.format === 'csv' && listItemOf(match.route, readModelQueries) === undefined) {
        throw new UsageError(`--format csv: ${match.route.path} is one object, not a list`);
      }
      const options = optionsOf(match.route, flags, match.params);
      await readingModels(context, self, async (projections) => {
        const run = readModelQueries[match.route.query].run as (
          reader: unknown,
          options: unknown,
        ) => Promise<unknown>;
        let answer: unknown;
        try {
          answer = await run(projections.reader, options);
        } catch (error) {
          if (error instanceof InvalidQuery) throw new UsageError(`${flagOf(error.field)}: ${error.message}`);
          throw error;
        }
        const body = match.route.pick === undefined ? answer : match.route.pick.select(answer, match.params);
        if (body === undefined) {
          context.io.err(`styring: nothing at ${path}\n`);
          context.exit(ExitCode.failed);
          return;
        }
        context.io.out(render(match.route, readModelQueries, body, flags.format));
        context.exit(ExitCode.ok);
      });
    });
};
