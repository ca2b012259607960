import fc from 'fast-check';
import { nextDay, osloDateTime, osloDay, startOfOsloDay } from './oslo-time';
import { checkDate, InvalidQuery, normalizeTimestamp, resolvePointInTime, startOfDay } from './point-in-time';

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
  it('counts a stored timestamp exactly when it is not after asOf or knownAt, however they are written', () => {
    fc.assert(
      fc.property(moment, moment, fc.integer({ min: -12, max: 14 }), (stored, at, offset) => {
        const written = withOffset(at, offset);
        const { effectiveBefore, knownBefore } = resolvePointInTime({ asOf: written, knownAt: written });
        const counts = stored.getTime() <= at.getTime();
        expect(normalizeTimestamp(stored.toISOString()) < (effectiveBefore as string)).toBe(counts);
        expect(normalizeTimestamp(stored.toISOString()) < (knownBefore as string)).toBe(counts);
      }),
    );
  });

  it('takes a bare date as the whole of that Oslo day, and a fact dated that day as in effect', () => {
    fc.assert(
      fc.property(moment, (date) => {
        const day = date.toISOString().slice(0, 10);
        const { effectiveBefore, day: resolvedDay } = resolvePointInTime({ asOf: day });
        expect(resolvedDay).toBe(day);
        expect(startOfDay(day) < (effectiveBefore as string)).toBe(true);
        expect(effectiveBefore).toBe(startOfDay(nextDay(day)));
        // The bound is the first instant of the next Oslo day: the millisecond before is still this day.
        expect(osloDay(new Date(effectiveBefore as string))).toBe(nextDay(day));
        expect(osloDay(new Date(Date.parse(effectiveBefore as string) - 1))).toBe(day);
      }),
    );
  });

  it.each([
    ['a winter day', '2024-12-31', '2024-12-30T23:00:00.000Z', '2024-12-31T23:00:00.000Z'],
    ['a summer day', '2024-06-30', '2024-06-29T22:00:00.000Z', '2024-06-30T22:00:00.000Z'],
    [
      'the day summer time begins (23 hours)',
      '2024-03-31',
      '2024-03-30T23:00:00.000Z',
      '2024-03-31T22:00:00.000Z',
    ],
    [
      'the day summer time ends (25 hours)',
      '2024-10-27',
      '2024-10-26T22:00:00.000Z',
      '2024-10-27T23:00:00.000Z',
    ],
  ])('ends %s at Oslo midnight', (_name, day, start, end) => {
    expect(startOfDay(day)).toBe(start);
    expect(resolvePointInTime({ asOf: day }).effectiveBefore).toBe(end);
    expect(resolvePointInTime({ knownAt: day }).knownBefore).toBe(end);
  });

  it('gives the Oslo day of a timestamp, not the UTC one', () => {
    expect(resolvePointInTime({ asOf: '2024-12-31T23:30:00Z' }).day).toBe('2025-01-01');
    expect(resolvePointInTime({ asOf: '2024-06-30T21:59:59Z' }).day).toBe('2024-06-30');
    expect(resolvePointInTime({ asOf: '2024-06-30T22:00:00Z' }).day).toBe('2024-07-01');
    expect(resolvePointInTime({ knownAt: '2025-02-20T08:00:00+01:00' }).day).toBe('2025-02-20');
    expect(resolvePointInTime({ asOf: '2024-12-31', knownAt: '2025-02-20' }).day).toBe('2024-12-31');
  });

  it('keeps the older recorded clock as knownAt alone', () => {
    fc.assert(
      fc.property(moment, fc.boolean(), (at, dateOnly) => {
        const value = dateOnly ? at.toISOString().slice(0, 10) : at.toISOString();
        expect(resolvePointInTime({ asOf: value, clock: 'recorded' })).toEqual(
          resolvePointInTime({ knownAt: value }),
        );
        expect(resolvePointInTime({ asOf: value, clock: 'effective' })).toEqual(
          resolvePointInTime({ asOf: value }),
        );
      }),
    );
    expect(() =>
      resolvePointInTime({ asOf: '2024-12-31', knownAt: '2025-02-20', clock: 'recorded' }),
    ).toThrow('clock:');
  });

  it('finds where every Oslo day begins, whatever the season', () => {
    fc.assert(
      fc.property(moment, (date) => {
        const day = date.toISOString().slice(0, 10);
        const start = startOfOsloDay(day);
        expect(osloDay(start)).toBe(day);
        expect(osloDay(new Date(start.getTime() - 1))).not.toBe(day);
      }),
    );
  });

  it('shows a stored time as Oslo time', () => {
    expect(osloDateTime('2024-12-31T23:30:00.000Z')).toBe('01.01.2025 00:30:00');
    expect(osloDateTime('2024-07-01T10:05:09.000Z')).toBe('01.07.2024 12:05:09');
  });

  it('defaults to everything known, and names a bad argument', () => {
    expect(resolvePointInTime({})).toEqual({
      effectiveBefore: undefined,
      knownBefore: undefined,
      day: undefined,
    });
    expect(() => resolvePointInTime({ asOf: '2024-02-30' })).toThrow("asOf: '2024-02-30' is neither a date");
    expect(() => resolvePointInTime({ knownAt: '2024-06-01T12:00' })).toThrow('knownAt:');
    expect(() => resolvePointInTime({ clock: 'registrert' as never })).toThrow(
      "clock: 'registrert' is not one of 'recorded', 'effective'",
    );
    expect(() => checkDate('2024-6-1', 'from')).toThrow("from: '2024-6-1' is not a date (YYYY-MM-DD)");
    const bad = (() => {
      try {
        resolvePointInTime({ knownAt: 'i går' });
      } catch (error) {
        return error as InvalidQuery;
      }
      return undefined;
    })();
    expect(bad?.reasonNo).toBe('«i går» er verken en dato (ÅÅÅÅ-MM-DD) eller et tidspunkt (ISO 8601)');
    expect(normalizeTimestamp('2024-06-01T12:00:00+02:00')).toBe('2024-06-01T10:00:00.000Z');
  });
});
