import fc from 'fast-check';
import { checkDate, normalizeTimestamp, resolvePointInTime, startOfDay } from './point-in-time';

const moment = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

/** The same instant written with a whole-hour UTC offset, as a caller might send it. */
const withOffset = (date: Date, hours: number): string => {
  const local = new Date(date.getTime() + hours * 3_600_000).toISOString().slice(0, 23);
  const sign = hours < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
};

describe('a point in time', () => {
  it('counts a stored timestamp exactly when it is not after asOf, however asOf is written', () => {
    fc.assert(
      fc.property(moment, moment, fc.integer({ min: -12, max: 14 }), (stored, asOf, offset) => {
        const { before } = resolvePointInTime({ asOf: withOffset(asOf, offset) });
        expect(normalizeTimestamp(stored.toISOString()) < (before as string)).toBe(
          stored.getTime() <= asOf.getTime(),
        );
      }),
    );
  });

  it('takes a bare date as the whole of that day, and a fact dated that day as in effect', () => {
    fc.assert(
      fc.property(moment, (date) => {
        const day = date.toISOString().slice(0, 10);
        const { before, day: resolvedDay } = resolvePointInTime({ asOf: day, clock: 'recorded' });
        expect(resolvedDay).toBe(day);
        expect(startOfDay(day) < (before as string)).toBe(true);
        expect(`${day}T23:59:59.999Z` < (before as string)).toBe(true);
        const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
        expect(nextDay < (before as string)).toBe(false);
      }),
    );
  });

  it('defaults to the effective clock and everything known, and names a bad argument', () => {
    expect(resolvePointInTime({})).toEqual({ clock: 'effective', before: undefined, day: undefined });
    expect(() => resolvePointInTime({ asOf: '2024-02-30' })).toThrow("asOf: '2024-02-30' is neither a date");
    expect(() => resolvePointInTime({ asOf: '2024-06-01T12:00' })).toThrow('asOf:');
    expect(() => checkDate('2024-6-1', 'from')).toThrow("from: '2024-6-1' is not a date (YYYY-MM-DD)");
    expect(normalizeTimestamp('2024-06-01T12:00:00+02:00')).toBe('2024-06-01T10:00:00.000Z');
  });
});
