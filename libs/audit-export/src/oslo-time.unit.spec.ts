import { osloTime } from './oslo-time';

describe('Oslo time', () => {
  it.each([
    ['2026-12-04T16:28:16.053Z', '2026-12-04T17:28:16.053+01:00'],
    ['2025-07-01T10:00:00.000Z', '2025-07-01T12:00:00.000+02:00'],
    // The change to summer time (last Sunday of March, 01:00 UTC) and back (last Sunday of October).
    ['2025-03-30T00:59:59.999Z', '2025-03-30T01:59:59.999+01:00'],
    ['2025-03-30T01:00:00.000Z', '2025-03-30T03:00:00.000+02:00'],
    ['2025-10-26T00:59:59.000Z', '2025-10-26T02:59:59.000+02:00'],
    ['2025-10-26T01:00:00.000Z', '2025-10-26T02:00:00.000+01:00'],
    ['2024-12-31T23:30:00.000Z', '2025-01-01T00:30:00.000+01:00'],
  ])('%s is %s in Oslo', (utc, oslo) => {
    expect(osloTime(utc)).toBe(oslo);
  });

  it('leaves a date without a time, and text that is no time, as they are', () => {
    expect(osloTime('2025-03-01')).toBe('2025-03-01');
    expect(osloTime('ikke en tid')).toBe('ikke en tid');
  });
});
