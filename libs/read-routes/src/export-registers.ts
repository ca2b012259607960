import type { ExportRegisters, NewSinceChanges, RegisterMoment, RegisterTable } from '@styring/audit-export';
import { defaultReportingObligations } from '@styring/governance';
import type { ReadModelQueryName } from '@styring/nestjs';
import type { ReadModelReader } from '@styring/projections';
import type * as t from 'io-ts';
import { cellOf, columnsOf, listFieldItemOf } from './answer-columns';
import { csvTableOf } from './csv-answer';
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
  /**
   * A list field whose entries get a file of their own, one row each beside the id of the entry they
   * belong to, instead of one cell: a long history's list could pass the 32,767 characters a spreadsheet
   * cell holds.
   */
  readonly details?: {
    readonly field: string;
    readonly idField: string;
    readonly title: string;
    readonly description: string;
    readonly fileName: string;
  };
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
  {
    path: 'delegations',
    title: 'Delegeringsregisteret',
    fileName: 'register-delegeringer.csv',
    details: {
      field: 'decisions',
      idField: 'delegationId',
      title: 'Vedtak fattet under delegeringer',
      description: 'Vedtakene fattet under hver delegering, én rad per vedtak',
      fileName: 'register-delegeringer-vedtak.csv',
    },
  },
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

/** A read of the read models: the one place the export calls the queries. */
type Read = (query: ReadModelQueryName, options: Readonly<Record<string, unknown>>) => Promise<unknown>;

/** A register's file, and its details' file if it has one: rows read only as each file is written. */
const tablesOf = (
  { path, title, fileName, options = {}, details }: ExportedRegister,
  queries: QueryRuns,
  read: Read,
  asOf: string,
): RegisterTable[] => {
  const route = routeAt(path);
  const item = listItemOf(route, queries);
  if (item === undefined) throw new Error(`the read at '${path}' is not a list`);
  const readItems = async () => {
    if (path !== 'reporting-calendar') return (await read(route.query, { ...options, asOf })) as unknown[];
    const items: unknown[] = [];
    for (const year of calendarYears(asOf)) {
      items.push(...((await read(route.query, { ...options, year, asOf })) as unknown[]));
    }
    return items;
  };
  // A register with details is read once for both its files (written one after the other), then let go.
  let kept: Promise<unknown[]> | undefined;
  const items = () => (kept ??= readItems());
  const columns = columnsOf(item).filter((column) => column[0] !== details?.field);
  const csv = csvTableOf(item, columns);
  const table: RegisterTable = {
    title,
    description: route.summary,
    fileName,
    header: csv.header,
    rows: async function* () {
      for (const entry of await items()) yield csv.row(entry);
      if (details === undefined) kept = undefined;
    },
  };
  if (details === undefined) return [table];
  const detailItem = listFieldItemOf(item, details.field);
  if (detailItem === undefined) throw new Error(`'${details.field}' of the read at '${path}' is not a list`);
  const detailCsv = csvTableOf(detailItem, [[details.idField], ...columnsOf(detailItem)]);
  const id = [details.idField];
  return [
    table,
    {
      title: details.title,
      description: details.description,
      fileName: details.fileName,
      header: detailCsv.header,
      rows: async function* () {
        for (const entry of await items()) {
          const owner = cellOf(entry, id);
          const list = (entry as Record<string, unknown>)[details.field] as unknown[] | undefined;
          for (const detail of list ?? [])
            yield detailCsv.row({ ...(detail as object), [details.idField]: owner });
        }
        kept = undefined;
      },
    },
  ];
};

/**
 * The registers of an export, read from read models built of the exported events (`reader`): each register's
 * list read as the read side answers it, with `asOf` the export's time and everything recorded known (the
 * read models hold the exported events and nothing after), written by `csvTableOf` like the API's CSV.
 * Each is read only as its file is written, so one register's answer at most is in memory. With a
 * previous export, the change view (`Changes`) between its last recorded event and this export's.
 */
export const exportRegisters =
  (queries: QueryRuns) =>
  async (reader: ReadModelReader, moment: RegisterMoment): Promise<ExportRegisters> => {
    const read: Read = (name, options) =>
      (queries[name].run as (reader: ReadModelReader, options: unknown) => Promise<unknown>)(reader, options);
    const asOf = moment.created;
    const tables = exportedRegisters.flatMap((register) => tablesOf(register, queries, read, asOf));
    const { previousRange, range } = moment;
    if (previousRange === undefined || range === null) return { asOf, tables };
    const from = previousRange?.lastRecordedAt ?? new Date(0).toISOString();
    // The change view's answer (changesBetweenAnswer) has every field the report's NewSinceChanges reads.
    const newSince = (await read('Changes', { from, to: range.lastRecordedAt })) as NewSinceChanges;
    return { asOf, tables, newSince };
  };
