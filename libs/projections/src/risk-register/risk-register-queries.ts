import { oneOf } from '../closed-filter';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { RiskBand } from '@styring/governance';
import { decisionOf, type DecisionRow } from '../governance/decision-columns';
import {
  InvalidQuery,
  type PointInTime,
  type ResolvedPointInTime,
  resolvePointInTime,
} from '../point-in-time';
import { Where } from '../sqlite/where';
import { forEachInEffectOrder, rowsInEffectOrder } from '../sqlite/state-rows';
import type {
  RiskAssessment,
  RiskEntry,
  riskMatrixAnswer,
  riskMatrixCellAnswer,
  riskTreatmentEntry,
  riskTreatmentsAnswer,
} from './risk-register-answers';

export interface RiskQuery extends PointInTime {
  readonly context?: string;
  readonly ownerUnit?: string;
  /** Only risks whose current assessment is in this band of the adopted risk scale. */
  readonly band?: string;
}

interface AssessmentRow {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly effective_from: string;
  readonly risk_id: string;
  readonly title: string;
  readonly context: string;
  readonly subject: string | null;
  readonly scale_version: bigint;
  readonly likelihood: bigint;
  readonly consequence: bigint;
  readonly score: bigint;
  readonly band: string;
  readonly owner_unit: string;
  readonly treatment: string;
  readonly assessed_on: string;
  readonly next_review: string;
  readonly consequence_by_dimension: string | null;
}

interface RiskEventRow extends DecisionRow {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly effective_from: string;
  readonly risk_id: string;
  readonly event_type: string;
  readonly on_date: string;
  readonly strategy: string | null;
  readonly measures: string | null;
  readonly responsible_unit: string | null;
  readonly due: string | null;
  readonly reason: string | null;
}

const toAssessment = (row: AssessmentRow): RiskAssessment => ({
  riskId: row.risk_id,
  title: row.title,
  context: row.context,
  ...(row.subject === null ? {} : { subject: row.subject }),
  scaleVersion: Number(row.scale_version),
  likelihood: Number(row.likelihood),
  consequence: Number(row.consequence),
  score: Number(row.score),
  band: row.band,
  ownerUnit: row.owner_unit,
  treatment: row.treatment,
  assessedOn: row.assessed_on,
  nextReview: row.next_review,
  ...(row.consequence_by_dimension === null
    ? {}
    : {
        consequenceByDimension: JSON.parse(
          row.consequence_by_dimension,
        ) as RiskAssessment['consequenceByDimension'],
      }),
  eventId: row.event_id,
  globalPosition: row.position,
  knownFrom: row.known_from,
});

/**
 * The bands a filter may name: those of the risk scales adopted and valid by the point in time, or the
 * domain's bands while no scale is.
 */
const bandsAt = async (reader: ReadModelReader, pointInTime: ResolvedPointInTime): Promise<string[]> => {
  const where = new Where().stateAt(pointInTime, 'risk_scales');
  const adopted = (
    await reader.select<{ readonly bands: string }>(
      `SELECT bands FROM risk_scales ${where} ORDER BY effective_from, position`,
      where.params,
    )
  ).flatMap((row) => JSON.parse(row.bands) as string[]);
  return adopted.length === 0 ? Object.keys(RiskBand.keys) : [...new Set(adopted)];
};

const checkBand = async (
  reader: ReadModelReader,
  pointInTime: ResolvedPointInTime,
  band: string | undefined,
) => {
  if (band !== undefined) oneOf('band', band, await bandsAt(reader, pointInTime));
};

/** Every risk's state at the point in time, in the order the risks were first assessed. */
const risksAt = async (
  reader: ReadModelReader,
  pointInTime: ResolvedPointInTime,
  query: RiskQuery,
  /** Only risks ever assessed with this subject (a project folder's): their rows alone are read. */
  subject?: string,
): Promise<RiskEntry[]> => {
  const ofSubject = (where: Where, table: string) =>
    where.and(`${table}.risk_id IN (SELECT a.risk_id FROM risk_assessments a WHERE a.subject = ?)`, subject);
  await checkBand(reader, pointInTime, query.band);
  // Rows as they come, only the latest of each kind kept per risk: most of a long history is assessments.
  const assessed = new Map<string, { latest: AssessmentRow; count: number }>();
  await forEachInEffectOrder<AssessmentRow>(
    reader,
    'risk_assessments',
    ofSubject(new Where().stateAt(pointInTime, 'risk_assessments'), 'risk_assessments'),
    (row) => {
      const seen = assessed.get(row.risk_id);
      assessed.set(row.risk_id, { latest: row, count: (seen?.count ?? 0) + 1 });
    },
  );
  const treatments = new Map<string, RiskEventRow>();
  const closings = new Map<string, RiskEventRow>();
  await forEachInEffectOrder<RiskEventRow>(
    reader,
    'risk_events',
    ofSubject(new Where().stateAt(pointInTime, 'risk_events'), 'risk_events'),
    (row) => {
      if (row.event_type === 'RiskTreatmentDecided') treatments.set(row.risk_id, row);
      // A closing counts unless the risk was assessed again after it.
      const latest = assessed.get(row.risk_id)?.latest;
      if (
        row.event_type === 'RiskClosed' &&
        latest !== undefined &&
        row.effective_from >= latest.effective_from
      )
        closings.set(row.risk_id, row);
    },
  );
  const risks: RiskEntry[] = [];
  for (const [riskId, { latest, count }] of assessed) {
    const treatmentRow = treatments.get(riskId);
    const closing = closings.get(riskId);
    const decision = treatmentRow === undefined ? undefined : decisionOf(treatmentRow);
    risks.push({
      riskId,
      current: toAssessment(latest),
      assessments: count,
      ...(treatmentRow === undefined || decision === undefined
        ? {}
        : {
            treatment: {
              strategy: treatmentRow.strategy ?? '',
              measures: JSON.parse(treatmentRow.measures ?? '[]') as string[],
              ...(treatmentRow.responsible_unit === null
                ? {}
                : { responsibleUnit: treatmentRow.responsible_unit }),
              ...(treatmentRow.due === null ? {} : { due: treatmentRow.due }),
              decision,
            },
          }),
      ...(closing === undefined
        ? {}
        : { closed: { closedOn: closing.on_date, reason: closing.reason ?? '' } }),
    });
  }
  return risks.filter(
    (risk) =>
      (query.context === undefined || risk.current.context === query.context) &&
      (query.ownerUnit === undefined || risk.current.ownerUnit === query.ownerUnit) &&
      (query.band === undefined || risk.current.band === query.band),
  );
};

/** The risk register at `asOf`: each risk's current assessment, treatment and whether it is closed. */
export const riskRegister = async (
  reader: ReadModelReader,
  query: RiskQuery & { readonly includeClosed?: boolean } = {},
) =>
  (await risksAt(reader, resolvePointInTime(query), query)).filter(
    (risk) => query.includeClosed === true || risk.closed === undefined,
  );

/**
 * The risks whose current assessment names `subject` (a project), closed ones included: those the
 * project folder lists.
 */
export const risksOfSubject = async (
  reader: ReadModelReader,
  query: PointInTime & { readonly subject: string },
) =>
  (await risksAt(reader, resolvePointInTime(query), {}, query.subject)).filter(
    (risk) => risk.current.subject === query.subject,
  );

/** Every assessment in order: recorded by `asOf` (recorded clock) or made by `asOf` (effective clock). */
export const riskHistory = async (
  reader: ReadModelReader,
  query: PointInTime & { readonly riskId?: string } = {},
): Promise<RiskAssessment[]> =>
  (
    await rowsInEffectOrder<AssessmentRow>(
      reader,
      'risk_assessments',
      new Where()
        .historyAt(resolvePointInTime(query), 'risk_assessments')
        .and('risk_assessments.risk_id = ?', query.riskId),
    )
  ).map(toAssessment);

/**
 * The 5×5 matrix at `asOf`: how many open risks sit at each likelihood and consequence in their current
 * assessment. All 25 cells are listed, likelihood 5 first (the top row of a printed matrix).
 */
export const riskMatrix = async (
  reader: ReadModelReader,
  query: RiskQuery = {},
): Promise<t.TypeOf<typeof riskMatrixAnswer>> => {
  const open = await riskRegister(reader, query);
  const cells: t.TypeOf<typeof riskMatrixCellAnswer>[] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    for (let consequence = 1; consequence <= 5; consequence++) {
      const count = open.filter(
        (risk) => risk.current.likelihood === likelihood && risk.current.consequence === consequence,
      ).length;
      cells.push({ likelihood, consequence, count });
    }
  }
  return { cells, total: open.length };
};

/** Open risks whose next review date had passed by the day of `asOf`. */
export const overdueRiskReviews = async (
  reader: ReadModelReader,
  query: RiskQuery & { readonly asOf: string },
) => {
  const pointInTime = resolvePointInTime(query);
  const day = pointInTime.day;
  if (day === undefined) throw new InvalidQuery('asOf', 'is required: overdue on which day?');
  return (await risksAt(reader, pointInTime, query)).filter(
    (risk) => risk.closed === undefined && risk.current.nextReview < day,
  );
};

type RiskTreatmentEntry = t.TypeOf<typeof riskTreatmentEntry>;

const toTreatmentEntry = (row: RiskEventRow): RiskTreatmentEntry => {
  const decision = decisionOf(row);
  return {
    riskId: row.risk_id,
    event: row.event_type === 'RiskClosed' ? 'RiskClosed' : 'RiskTreatmentDecided',
    onDate: row.on_date,
    ...(row.strategy === null ? {} : { strategy: row.strategy }),
    ...(row.measures === null ? {} : { measures: JSON.parse(row.measures) as string[] }),
    ...(row.responsible_unit === null ? {} : { responsibleUnit: row.responsible_unit }),
    ...(row.due === null ? {} : { due: row.due }),
    ...(decision === undefined ? {} : { decision }),
    ...(row.reason === null ? {} : { reason: row.reason }),
    eventId: row.event_id,
    globalPosition: row.position,
    knownFrom: row.known_from,
  };
};

/**
 * Every treatment decision and closing in order, of one risk or all: recorded by `asOf` (recorded clock)
 * or decided by `asOf` (effective clock). With `riskHistory` (the assessments) it is the risk's history.
 */
export const riskTreatments = async (
  reader: ReadModelReader,
  query: PointInTime & { readonly riskId?: string } = {},
): Promise<t.TypeOf<typeof riskTreatmentsAnswer>> => {
  const where = new Where()
    .historyAt(resolvePointInTime(query), 'risk_events')
    .and('risk_events.risk_id = ?', query.riskId);
  return (await rowsInEffectOrder<RiskEventRow>(reader, 'risk_events', where)).map(toTreatmentEntry);
};
