import * as t from 'io-ts';
import { type Period, yearOf } from '../shared/dates';
import { refinedNumber, refinedString } from '../shared/expectation';
import { struct, taggedUnion } from '../shared/struct';
import { IsoDate } from '../shared/dates';
import type { Cadence } from './report-kinds';

/** A yearly day, `MM-DD` (the årsregnskap by 02-22). */
export const MonthDay = refinedString('MonthDay', (s) => /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s), {
  nb: 'må være en dag i året på formen MM-DD',
  en: 'must be a day of the year in the form MM-DD',
});

export const DayCount = refinedNumber('DayCount', (n) => Number.isSafeInteger(n) && n >= 0 && n <= 366, {
  nb: 'må være et helt antall dager fra 0 til 366',
  en: 'must be a whole number of days from 0 to 366',
});

/**
 * When a report on a period is due, always counted from the period's end: N days after it (0: by its last
 * day), a fixed day of the next year (årsregnskap 22 February, årsberetning 31 March), or the first council
 * meeting the årshjul names after the period (N days after it when the årshjul names none yet).
 */
export const DeadlineRule = taggedUnion('DeadlineRule', 'rule', {
  'days-after-period': struct('DaysAfterPeriod', { rule: t.literal('days-after-period'), days: DayCount }),
  'fixed-date-next-year': struct('FixedDateNextYear', {
    rule: t.literal('fixed-date-next-year'),
    monthDay: MonthDay,
  }),
  'council-meeting': struct('CouncilMeetingAfterPeriod', {
    rule: t.literal('council-meeting'),
    meetings: t.readonlyArray(IsoDate),
    otherwiseDays: DayCount,
  }),
});
export type DeadlineRule = t.TypeOf<typeof DeadlineRule>;

const dayMs = 86_400_000;

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** The day a report on `period` is due under `rule`. */
export const dueDateOf = (rule: DeadlineRule, period: Period): string => {
  switch (rule.rule) {
    case 'days-after-period':
      return addDays(period.to, rule.days);
    case 'fixed-date-next-year':
      return `${yearOf(period.to) + 1}-${rule.monthDay}`;
    case 'council-meeting':
      return (
        [...rule.meetings].sort().find((meeting) => meeting > period.to) ??
        addDays(period.to, rule.otherwiseDays)
      );
  }
};

const pad = (n: number) => String(n).padStart(2, '0');

const lastDayOf = (year: number, month: number): string =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** A year split into `count` equal runs of months. */
const splitYear = (year: number, count: number): Period[] => {
  const months = 12 / count;
  return Array.from({ length: count }, (_, n) => ({
    from: `${year}-${pad(n * months + 1)}-01`,
    to: lastDayOf(year, (n + 1) * months),
  }));
};

/** Norwegian municipal elections fall every fourth year from 2023; an electoral period ends on 30 September. */
const isElectionYear = (year: number) => (year - 2023) % 4 === 0;

/** The periods of a cadence that end in `year` (quarters, tertials, halves, the year, an electoral period). */
export const periodsEndingIn = (cadence: Cadence, year: number): Period[] => {
  switch (cadence) {
    case 'kvartalsvis':
      return splitYear(year, 4);
    case 'tertialvis':
      return splitYear(year, 3);
    case 'halvarlig':
      return splitYear(year, 2);
    case 'arlig':
      return splitYear(year, 1);
    case 'valgperiode':
      return isElectionYear(year) ? [{ from: `${year - 4}-10-01`, to: `${year}-09-30` }] : [];
  }
};
