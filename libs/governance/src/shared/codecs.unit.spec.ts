import fc from 'fast-check';
import { CaseNumber } from './text';
import { IsoDate } from './dates';
import { Slug } from './slug';

describe('IsoDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2025-12-31', '2024-01-01'])
      expect(IsoDate.is(date)).toBe(true);
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    for (const date of [
      '2025-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-1-1',
      '12.06.2024',
      '2024-06-12T00:00:00Z',
    ]) {
      expect(IsoDate.is(date)).toBe(false);
    }
  });

  it('agrees with the calendar for every day from 1900 to 2199', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const utc = new Date(Date.UTC(y, m - 1, d));
          const exists = utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
          return IsoDate.is(text) === exists;
        },
      ),
    );
  });
});

describe('CaseNumber and Slug', () => {
  it('accept the forms the archive and the data use', () => {
    for (const saksnr of ['2024/1234', '24/1234', '2024/1234-5']) expect(CaseNumber.is(saksnr)).toBe(true);
    for (const saksnr of ['2024-1234', '2024/', '/1234', 'sak 2024/1234'])
      expect(CaseNumber.is(saksnr)).toBe(false);
    for (const slug of ['teknisk-sektor', 'ks-kd', '2025-h1']) expect(Slug.is(slug)).toBe(true);
    for (const slug of ['Teknisk', 'teknisk--sektor', '-ks', 'ks-', 'økonomi', ''])
      expect(Slug.is(slug)).toBe(false);
  });
});

describe('IsoDate, checked by character codes', () => {
  it('refuses what is not YYYY-MM-DD in ASCII digits', () => {
    const shape = /^\d{4}-\d{2}-\d{2}$/;
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9٣/:-]{10}$/));
    fc.assert(fc.property(text, (s) => !IsoDate.is(s) || shape.test(s)));
  });
});
