import type { ExportRegisters, NewSinceChanges, RegisterMoment, RegisterTable } from '@styring/audit-export';
import { defaultReportingObligations } from '@styring/governance';
import type { ReadModelQueryName } from '@styring/nestjs';
import type { ReadModelReader } from '@styring/projections';
import type * as t from 'io-ts';
import { csvOf } from './csv-answer';
import { type ReadRoute, readRoutes } from './read-routes';
import { listItemOf } from './route-answers';

/**
 * The queries with what they run: `readModelQueries` of `@styring/nestjs`, passed in (see QueryAnswers).
 * A query's options differ per query, so they are typed only where it is called.
 */
export type QueryRuns = Readonly<
  Record<
    ReadModelQueryName,
    { readonly answer: t.Mixed; readonly run: (reader: ReadModelReader, options: never) => Promise<unknown> }
  >
>;

/** One register the audit export carries: the read it is, its file, and the options it is read with. */
interface ExportedRegister {
  readonly path: string;
  readonly title: string;
  readonly fileName: string;
  /** Its filters beyond the point in time; the reporting calendar is read once per year. */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** The registers of the read side, in the report's order; each is a list read of `readRoutes`. */
export const exportedRegisters: readonly ExportedRegister[] = [
  { path: 'plans', title: 'Planregisteret', fileName: 'register-planer.csv' },
  {
    path: 'risks',
    title: 'Risikoregisteret',
    fileName: 'register-risikoer.csv',
    options: { includeClosed: true },
  },
  { path: 'reporting-calendar', title: 'Årshjulet', fileName: 'register-arshjul.csv' },
  { path: 'delegations', title: 'Delegeringsregisteret', fileName: 'register-delegeringer.csv' },
  {
    path: 'procurements',
    title: 'Anskaffelser og kontrakter',
    fileName: 'register-anskaffelser.csv',
  },
  { path: 'deviations', title: 'Avviksregisteret', fileName: 'register-avvik.csv' },
  {
    path: 'internal-control-checklists',
    title: 'Sjekklister for internkontroll',
    fileName: 'register-sjekklister.csv',
  },
  { path: 'projects', title: 'Prosjektregisteret', fileName: 'register-prosjekter.csv' },
  { path: 'companies', title: 'Eierskapsregisteret', fileName: 'register-selskaper.csv' },
  {
    path: 'decisions-without-authority',
    title: 'Vedtak uten myndighet',
    fileName: 'register-vedtak-uten-myndighet.csv',
  },
];

const routeAt = (path: string): ReadRoute => {
  const route = readRoutes.find((candidate) => candidate.path === path);
  if (route === undefined) throw new Error(`no read at '${path}'`);
  return route;
};

/** The Oslo calendar year of an instant. */
const osloYear = (instant: string) =>
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(new Date(instant)),
  );

/** The årshjul's years: from the first obligation in force through the year of the export. */
const calendarYears = (asOf: string): number[] => {
  const first = Math.min(...defaultReportingObligations.map((o) => Number(o.validFrom.slice(0, 4))));
  const last = osloYear(asOf);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
};

/**
 * The registers of an export, read from read models built of the exported events (`reader`): each register's
 * list read as the read side answers it, with `asOf` the export's time and everything recorded known (the
 * read models hold the exported events and nothing after), written by `csvOf` like the API's CSV. With a
 * previous export, the change view (`Changes`) between its last recorded event and this export's.
 */
export const exportRegisters =
  (queries: QueryRuns) =>
  async (reader: ReadModelReader, moment: RegisterMoment): Promise<ExportRegisters> => {
    const run = (name: ReadModelQueryName, options: Readonly<Record<string, unknown>>) =>
      (queries[name].run as (reader: ReadModelReader, options: unknown) => Promise<unknown>)(reader, options);
    const asOf = moment.created;
    const tables: RegisterTable[] = [];
    for (const { path, title, fileName, options = {} } of exportedRegisters) {
      const route = routeAt(path);
      const item = listItemOf(route, queries);
      if (item === undefined) throw new Error(`the read at '${path}' is not a list`);
      const items: unknown[] = [];
      for (const year of path === 'reporting-calendar' ? calendarYears(asOf) : [undefined]) {
        items.push(
          ...((await run(route.query, {
            ...options,
            ...(year === undefined ? {} : { year }),
            asOf,
          })) as unknown[]),
        );
      }
      tables.push({
        title,
        description: route.summary,
        fileName,
        rowCount: items.length,
        csv: csvOf(item, items),
      });
    }
    const { previousRange, range } = moment;
    if (previousRange === undefined || range === null) return { asOf, tables };
    const from = previousRange?.lastRecordedAt ?? new Date(0).toISOString();
    // The change view's answer (changesBetweenAnswer) has every field the report's NewSinceChanges reads.
    const newSince = (await run('Changes', { from, to: range.lastRecordedAt })) as NewSinceChanges;
    return { asOf, tables, newSince };
  };
