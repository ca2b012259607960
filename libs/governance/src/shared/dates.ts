import type * as t from 'io-ts';
import { refinedString } from './expectation';
import { struct } from './struct';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). Dates compare correctly as strings. */
export const isValidIsoDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
};

export const IsoDate = refinedString('IsoDate', isValidIsoDate, {
  nb: 'må være en gyldig dato på formen ÅÅÅÅ-MM-DD',
  en: 'must be a valid date in the form YYYY-MM-DD',
});
export type IsoDate = string;

/** A span of days, both ends included. That `from` is not after `to` is a rule (`date.period_unordered`). */
export const Period = struct('Period', { from: IsoDate, to: IsoDate });
export type Period = t.TypeOf<typeof Period>;

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Whether `date` lies within `from`..`to` (both included; an open end when `to` is absent). */
export const isWithin = (date: string, from: string, to: string | undefined): boolean =>
  from <= date && (to === undefined || date <= to);
