import type { ReadModelReader } from '../read-models/read-model-reader';
import {
  defaultReportingObligations,
  deliveryStatus,
  type ReportingObligation,
  ReportKind,
  type ReportingTerm,
  termsDueIn,
} from '@styring/governance';
import { oneOf } from '../closed-filter';
import { InvalidQuery, type PointInTime, resolvePointInTime } from '../point-in-time';
import { optional } from '../optional-field';
import { Where } from '../sqlite/where';
import { forEachInEffectOrder, rowsInEffectOrder } from '../sqlite/state-rows';
import type { CalendarEntry, Submission } from './reporting-calendar-answers';

interface Row {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly event_type: string;
  readonly report_id: string | null;
  readonly kind: string;
  readonly obligation_id: string | null;
  readonly period_from: string;
  readonly period_to: string;
  readonly from_body: string | null;
  readonly from_unit: string | null;
  readonly to_body: string | null;
  readonly submitted_on: string;
  readonly document_reference: string | null;
  readonly without_obligation_reason: string | null;
  readonly early_reason: string | null;
}

const toSubmission = (row: Row): Submission => ({
  eventType: row.event_type,
  ...optional('reportId', row.report_id),
  kind: row.kind,
  ...optional('obligationId', row.obligation_id),
  period: { from: row.period_from, to: row.period_to },
  ...optional('fromBody', row.from_body),
  ...optional('fromUnit', row.from_unit),
  ...optional('toBody', row.to_body),
  submittedOn: row.submitted_on,
  ...optional('documentReference', row.document_reference),
  ...optional('withoutObligationReason', row.without_obligation_reason),
  ...optional('earlyReason', row.early_reason),
  eventId: row.event_id,
  globalPosition: row.position,
  knownFrom: row.known_from,
});

export interface SubmissionQuery extends PointInTime {
  readonly obligationId?: string;
  readonly kind?: string;
}

const selectSubmissions = async (reader: ReadModelReader, where: Where): Promise<Submission[]> =>
  (await rowsInEffectOrder<Row>(reader, 'report_submissions', where)).map(toSubmission);

/** Every delivered report in order: recorded by `asOf` (recorded clock) or delivered by `asOf` (effective). */
export const reportSubmissions = async (
  reader: ReadModelReader,
  query: SubmissionQuery = {},
): Promise<Submission[]> => {
  return await selectSubmissions(
    reader,
    new Where()
      .historyAt(resolvePointInTime(query), 'report_submissions')
      .and('report_submissions.obligation_id = ?', query.obligationId)
      .and('report_submissions.kind = ?', oneOf('kind', query.kind, Object.keys(ReportKind.keys))),
  );
};

export interface CalendarQuery extends PointInTime {
  readonly year: number;
  /** The årshjul's obligations (dated configuration); the domain's defaults when absent. */
  readonly obligations?: readonly ReportingObligation[];
  readonly obligationId?: string;
}

const statusOfTerm = (term: ReportingTerm, delivered: readonly Submission[], day: string) => {
  const first = firstOf(delivered);
  const status = deliveryStatus(term.dueOn, first?.submittedOn, day);
  return first?.earlyReason === undefined ? { status } : { status, earlyReason: first.earlyReason };
};

/** The first delivery for a term: its date decides the status (`deliveryStatus`). */
const firstOf = (delivered: readonly Submission[]): Submission | undefined =>
  delivered.reduce<Submission | undefined>(
    (first, submission) =>
      first === undefined || submission.submittedOn < first.submittedOn ? submission : first,
    undefined,
  );

/**
 * The årshjul of a year as it stood on the day of `asOf`: each obligation's terms due that year (by its
 * deadline rule, after the period), and for each whether it was delivered on time, late, is missing or is
 * not due yet, with the reason given when it came before the period ended. A report counts for the term
 * whose period contains the end of the report's period. On the recorded clock, only deliveries recorded by `asOf` count
 * (what the calendar showed then); on the effective clock, deliveries made by then as known now.
 */
export const reportingCalendar = async (
  reader: ReadModelReader,
  query: CalendarQuery,
): Promise<CalendarEntry[]> => {
  if (!Number.isInteger(query.year) || query.year < 1900 || query.year > 9999) {
    throw new InvalidQuery('year', `${query.year} is not a year`);
  }
  const pointInTime = resolvePointInTime(query);
  const day = pointInTime.day;
  if (day === undefined) throw new InvalidQuery('asOf', 'is required: delivered by which day?');
  const known = query.obligations ?? defaultReportingObligations;
  oneOf('obligationId', query.obligationId, [...new Set(known.map((obligation) => obligation.obligationId))]);
  const terms = known
    .filter(
      (obligation) => query.obligationId === undefined || obligation.obligationId === query.obligationId,
    )
    .flatMap((obligation) =>
      termsDueIn(obligation, query.year).map((term) => ({ obligation, term, delivered: [] as Submission[] })),
    );
  // Deliveries as they come, each kept only by the terms it counts for: the year's, not the whole history.
  await forEachInEffectOrder<Row>(
    reader,
    'report_submissions',
    new Where().stateAt(pointInTime, 'report_submissions'),
    (row) => {
      for (const { obligation, term, delivered } of terms) {
        if (
          row.obligation_id === obligation.obligationId &&
          term.period.from <= row.period_to &&
          row.period_to <= term.period.to
        )
          delivered.push(toSubmission(row));
      }
    },
  );
  return terms
    .map(({ obligation, term, delivered }): CalendarEntry => ({
      ...term,
      obligationId: obligation.obligationId,
      title: obligation.title,
      kind: obligation.kind,
      from: obligation.from,
      to: obligation.to,
      cadence: obligation.cadence,
      source: obligation.source,
      ...statusOfTerm(term, delivered, day),
      submissions: delivered,
    }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
};
