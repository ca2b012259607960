import * as t from 'io-ts';
import { Holder } from '@styring/governance';
import { eventProvenanceFields } from '../answers/provenance';

const period = t.type({ from: t.string, to: t.string }, 'Period');

/** A delivered report. */
export const submissionAnswer = t.intersection(
  [
    t.type({
      eventType: t.string,
      kind: t.string,
      period,
      submittedOn: t.string,
      ...eventProvenanceFields,
    }),
    t.partial({
      reportId: t.string,
      obligationId: t.string,
      fromBody: t.string,
      fromUnit: t.string,
      toBody: t.string,
      documentReference: t.string,
      withoutObligationReason: t.string,
      /** Why it was delivered before its period ended, when it was. */
      earlyReason: t.string,
    }),
  ],
  'Submission',
);
export type Submission = t.TypeOf<typeof submissionAnswer>;

/** One due date of one obligation, and what was delivered for it. */
export const calendarEntryAnswer = t.intersection(
  [
    t.type({
      period,
      dueOn: t.string,
      obligationId: t.string,
      title: t.string,
      kind: t.string,
      from: Holder,
      to: t.string,
      cadence: t.string,
      source: t.string,
      status: t.keyof(
        { 'levert-i-tide': null, 'levert-for-sent': null, mangler: null, 'ikke-forfalt': null },
        'DeliveryStatus',
      ),
      /** The reports delivered for this term (several when several units each deliver, e.g. each direktør). */
      submissions: t.readonlyArray(submissionAnswer),
    }),
    /** Set when the first delivery came before the period ended: the reason it gave. */
    t.partial({ earlyReason: t.string }),
  ],
  'CalendarEntry',
);
export type CalendarEntry = t.TypeOf<typeof calendarEntryAnswer>;

export const reportSubmissionsAnswer = t.array(submissionAnswer, 'ReportSubmissions');
export const reportingCalendarAnswer = t.array(calendarEntryAnswer, 'ReportingCalendar');
