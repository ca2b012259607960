import * as fc from 'fast-check';
import {
  addDays,
  defaultReportingObligations,
  deliveryStatus,
  type ReportSubmitted,
  termsDueIn,
} from '@styring/governance';
import { describeOnBothDatabases } from '../testing/both-databases';
import { reportingCalendarProjection } from './reporting-calendar-projection';
import { reportingCalendar } from './reporting-calendar-queries';

const year = 2025;
const dutiesWithTerms = defaultReportingObligations.filter((duty) => termsDueIn(duty, year).length > 0);

const reportOn = (
  duty: (typeof dutiesWithTerms)[number],
  period: { from: string; to: string },
  submittedOn: string,
): ReportSubmitted => ({
  type: 'ReportSubmitted',
  reportId: `${duty.obligationId}-${period.from}`,
  kind: duty.kind,
  obligationId: duty.obligationId,
  period,
  from: duty.from,
  to: duty.to,
  submittedOn,
  documentReference: `${year}/1`,
});

describeOnBothDatabases('the reporting calendar: status as a pure function', (openTestHistory) => {
  it('gives any report the status of its obligation, period and delivery date, whenever it was recorded and whatever else was', async () => {
    const cases = fc.constantFrom(...dutiesWithTerms).chain((duty) =>
      fc.record({
        duty: fc.constant(duty),
        term: fc.constantFrom(...termsDueIn(duty, year)),
        offset: fc.integer({ min: -20, max: 60 }),
        recordedLater: fc.integer({ min: 0, max: 300 }),
        other: fc.constantFrom(...dutiesWithTerms.filter((candidate) => candidate !== duty)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ duty, term, offset, recordedLater, other }) => {
        const history = openTestHistory((source) => [reportingCalendarProjection(source)]);
        try {
          const deliveredOn = addDays(term.dueOn, offset);
          const otherTerm = termsDueIn(other, year)[0]!;
          await history.record(
            `${otherTerm.dueOn}T10:00:00.000Z`,
            'report-other',
            reportOn(other, otherTerm.period, otherTerm.dueOn),
          );
          await history.record(
            `${addDays(deliveredOn, recordedLater)}T10:00:00.000Z`,
            'report-under-test',
            reportOn(duty, term.period, deliveredOn),
          );
          await history.project();
          const asOf = `${year + 1}-12-31`;
          const entry = (
            await reportingCalendar(history.reader, { year, asOf, obligationId: duty.obligationId })
          ).find((candidate) => candidate.period.to === term.period.to);
          expect(entry?.status).toBe(deliveryStatus(term.dueOn, deliveredOn, asOf));
        } finally {
          await history.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
