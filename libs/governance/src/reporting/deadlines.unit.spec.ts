import * as E from 'fp-ts/Either';
import * as fc from 'fast-check';
import { addDays, dueDateOf, periodsEndingIn } from './deadlines';
import { defaultReportingObligations, deliveryStatus, ReportingObligation, termsDueIn } from './obligations';

const obligation = (id: string): ReportingObligation => {
  const found = defaultReportingObligations.find((candidate) => candidate.obligationId === id);
  if (found === undefined) throw new Error(`no obligation ${id}`);
  return found;
};
const dues = (id: string, year: number, overrides: Partial<ReportingObligation> = {}) =>
  termsDueIn({ ...obligation(id), ...overrides }, year).map((term) => `${term.period.to}→${term.dueOn}`);

describe('reporting deadlines: due after the period, by the rule the årshjul gives', () => {
  it('keeps the default årshjul valid by its own codec, each obligation with a sender, a recipient and a deadline', () => {
    for (const duty of defaultReportingObligations)
      expect(E.isRight(ReportingObligation.decode(duty))).toBe(true);
    expect(
      E.isLeft(
        ReportingObligation.decode({
          ...obligation('arsregnskap'),
          deadline: { rule: 'fixed-date-next-year', monthDay: '02-30x' },
        }),
      ),
    ).toBe(true);
  });

  it('splits a year by cadence', () => {
    expect(periodsEndingIn('tertialvis', 2024)).toEqual([
      { from: '2024-01-01', to: '2024-04-30' },
      { from: '2024-05-01', to: '2024-08-31' },
      { from: '2024-09-01', to: '2024-12-31' },
    ]);
    expect(periodsEndingIn('kvartalsvis', 2024).map((period) => period.to)).toEqual([
      '2024-03-31',
      '2024-06-30',
      '2024-09-30',
      '2024-12-31',
    ]);
    expect(periodsEndingIn('valgperiode', 2027)).toEqual([{ from: '2023-10-01', to: '2027-09-30' }]);
    expect(periodsEndingIn('valgperiode', 2024)).toEqual([]);
  });

  it('gives N days after the period, a fixed day of the next year, or the first council meeting after it', () => {
    const q4 = { from: '2024-10-01', to: '2024-12-31' };
    expect(dueDateOf({ rule: 'days-after-period', days: 45 }, q4)).toBe('2025-02-14');
    expect(dueDateOf({ rule: 'days-after-period', days: 0 }, q4)).toBe('2024-12-31');
    expect(dueDateOf({ rule: 'fixed-date-next-year', monthDay: '02-22' }, q4)).toBe('2025-02-22');
    const meetings = {
      rule: 'council-meeting',
      meetings: ['2025-06-11', '2024-12-31', '2025-02-12'],
      otherwiseDays: 60,
    } as const;
    expect(dueDateOf(meetings, q4)).toBe('2025-02-12');
    expect(dueDateOf(meetings, { from: '2025-07-01', to: '2025-12-31' })).toBe(addDays('2025-12-31', 60));
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('dues the årsregnskap on 22 February and the årsberetning on 31 March of the next year', () => {
    expect(dues('arsregnskap', 2025)).toEqual(['2024-12-31→2025-02-22']);
    expect(dues('arsberetning', 2025)).toEqual(['2024-12-31→2025-03-31']);
  });

  it('leaves the third tertial to the annual accounts unless the årshjul says otherwise', () => {
    expect(dues('okonomirapport', 2025)).toEqual(['2025-04-30→2025-06-11', '2025-08-31→2025-10-15']);
    expect(dues('okonomirapport', 2025, { thirdTertialReported: true })).toEqual([
      '2024-12-31→2025-02-12',
      '2025-04-30→2025-06-11',
      '2025-08-31→2025-10-15',
    ]);
  });

  it('expects reports only on periods ending while the obligation is in force', () => {
    expect(dues('investeringsstatus', 2024)).toEqual([
      '2024-03-31→2024-05-15',
      '2024-06-30→2024-08-14',
      '2024-09-30→2024-11-14',
    ]);
  });

  it('never dues a report before its period ends (any obligation, any year)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...defaultReportingObligations),
        fc.integer({ min: 2000, max: 2100 }),
        (duty, year) => {
          for (const term of termsDueIn(duty, year)) expect(term.dueOn >= term.period.to).toBe(true);
        },
      ),
    );
  });

  it('gives the status of a term from its due day, the first delivery and the day asked about', () => {
    expect(deliveryStatus('2025-03-31', '2025-03-31', '2025-12-31')).toBe('levert-i-tide');
    expect(deliveryStatus('2025-03-31', '2025-04-01', '2025-12-31')).toBe('levert-for-sent');
    expect(deliveryStatus('2025-03-31', undefined, '2025-04-01')).toBe('mangler');
    expect(deliveryStatus('2025-03-31', undefined, '2025-03-31')).toBe('ikke-forfalt');
  });
});
