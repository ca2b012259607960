import type * as t from 'io-ts';
import { refinedString } from './expectation';
import { struct } from './struct';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const dash = 0x2d;

/** The number written by `length` ASCII digits from `start`, or -1 when one of them is not a digit. */
const digitsAt = (text: string, start: number, length: number): number => {
  let number = 0;
  for (let index = start; index < start + length; index++) {
    const digit = text.charCodeAt(index) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
};

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). Dates compare correctly as strings. */
export const isValidIsoDate = (value: string): boolean => {
  // By character codes rather than a regular expression: every stored event holds several dates.
  if (value.length !== 10 || value.charCodeAt(4) !== dash || value.charCodeAt(7) !== dash) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
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
