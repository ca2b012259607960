import * as t from 'io-ts';
import { eventProvenanceFields } from '../answers/provenance';
import { decisionSummaryAnswer } from '../answers/decision-answer';

/** One assessment of a risk. */
export const riskAssessmentAnswer = t.intersection(
  [
    t.type({
      riskId: t.string,
      title: t.string,
      context: t.string,
      scaleVersion: t.number,
      likelihood: t.number,
      consequence: t.number,
      score: t.number,
      band: t.string,
      ownerUnit: t.string,
      treatment: t.string,
      assessedOn: t.string,
      nextReview: t.string,
      ...eventProvenanceFields,
    }),
    t.partial({
      subject: t.string,
      consequenceByDimension: t.readonlyArray(t.type({ dimension: t.string, value: t.number })),
    }),
  ],
  'RiskAssessment',
);
export type RiskAssessment = t.TypeOf<typeof riskAssessmentAnswer>;

export const riskTreatmentAnswer = t.intersection(
  [
    t.type({ strategy: t.string, measures: t.readonlyArray(t.string), decision: decisionSummaryAnswer }),
    t.partial({ responsibleUnit: t.string, due: t.string }),
  ],
  'RiskTreatment',
);

/** A risk as it stood at a point in time: its current assessment, latest treatment and closing. */
export const riskEntryAnswer = t.intersection(
  [
    t.type({ riskId: t.string, current: riskAssessmentAnswer, assessments: t.number }),
    t.partial({
      treatment: riskTreatmentAnswer,
      closed: t.type({ closedOn: t.string, reason: t.string }),
    }),
  ],
  'RiskEntry',
);
export type RiskEntry = t.TypeOf<typeof riskEntryAnswer>;

export const riskMatrixCellAnswer = t.type(
  { likelihood: t.number, consequence: t.number, count: t.number },
  'RiskMatrixCell',
);

export const riskRegisterAnswer = t.array(riskEntryAnswer, 'RiskRegister');
export const riskHistoryAnswer = t.array(riskAssessmentAnswer, 'RiskHistory');
export const riskMatrixAnswer = t.type(
  { cells: t.readonlyArray(riskMatrixCellAnswer), total: t.number },
  'RiskMatrix',
);
export const overdueRiskReviewsAnswer = t.array(riskEntryAnswer, 'OverdueRiskReviews');

/** A treatment decision or a closing of a risk, as one step of the risk's history. */
export const riskTreatmentEntry = t.intersection([
  t.type({
    riskId: t.string,
    event: t.keyof({ RiskTreatmentDecided: null, RiskClosed: null }),
    /** The day the treatment was decided or the risk closed. */
    onDate: t.string,
    ...eventProvenanceFields,
  }),
  t.partial({
    strategy: t.string,
    measures: t.array(t.string),
    responsibleUnit: t.string,
    due: t.string,
    decision: decisionSummaryAnswer,
    /** Why the risk was closed. */
    reason: t.string,
  }),
]);

export const riskTreatmentsAnswer = t.array(riskTreatmentEntry);
