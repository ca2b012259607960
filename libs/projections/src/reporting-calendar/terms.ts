import type { Cadence, ReportingObligation } from '@styring/governance';

/** One round of an obligation: the period a report covers and the day it is due. */
export interface ReportingTerm {
  readonly period: { readonly from: string; readonly to: string };
  readonly dueOn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

const lastDayOf = (year: number, month: number): string =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** Terms that split a year into `count` equal runs of months, each due on its last day. */
const splitYear = (year: number, count: number): ReportingTerm[] => {
  const months = 12 / count;
  return Array.from({ length: count }, (_, n) => {
    const to = lastDayOf(year, (n + 1) * months);
    return { period: { from: `${year}-${pad(n * months + 1)}-01`, to }, dueOn: to };
  });
};

/** Norwegian municipal elections fall every fourth year from 2023; an electoral period ends on 30 September. */
const isElectionYear = (year: number) => (year - 2023) % 4 === 0;

/**
 * The terms of a cadence whose due date falls in `year`. A report is due by the end of what it covers
 * (quarter, tertial, half year, year); a yearly report with a set day (`dueMonthDay`, the årsregnskap by
 * 02-22) covers the year before; the eierskapsmelding is due once per electoral period, by its end.
 */
export const termsOf = (cadence: Cadence, year: number, dueMonthDay: string | undefined): ReportingTerm[] => {
  switch (cadence) {
    case 'kvartalsvis':
      return splitYear(year, 4);
    case 'tertialvis':
      return splitYear(year, 3);
    case 'halvarlig':
      return splitYear(year, 2);
    case 'arlig':
      return dueMonthDay === undefined
        ? splitYear(year, 1)
        : [
            {
              period: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
              dueOn: `${year}-${dueMonthDay}`,
            },
          ];
    case 'valgperiode':
      return isElectionYear(year)
        ? [{ period: { from: `${year - 4}-10-01`, to: `${year}-09-30` }, dueOn: `${year}-09-30` }]
        : [];
  }
};

/** The terms of an obligation due in `year` while the obligation (this version of it) is in force. */
export const obligationTerms = (obligation: ReportingObligation, year: number): ReportingTerm[] =>
  termsOf(obligation.cadence, year, obligation.dueMonthDay).filter(
    (term) =>
      obligation.validFrom <= term.dueOn &&
      (obligation.validTo === undefined || term.dueOn <= obligation.validTo),
  );
