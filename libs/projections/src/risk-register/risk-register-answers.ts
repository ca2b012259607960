import * as t from 'io-ts';
import { globalPosition } from '../answers/answer-codecs';
import { decisionSummary } from '../answers/decision-summary';

/** A treatment decision or a closing of a risk, as one step of the risk's history. */
export const riskTreatmentEntry = t.intersection([
  t.type({
    riskId: t.string,
    event: t.keyof({ RiskTreatmentDecided: null, RiskClosed: null }),
    /** The day the treatment was decided or the risk closed. */
    onDate: t.string,
    eventId: t.string,
    globalPosition,
    /** When the system learnt this version (the event, or a correction of it). */
    knownFrom: t.string,
  }),
  t.partial({
    strategy: t.string,
    measures: t.array(t.string),
    responsibleUnit: t.string,
    due: t.string,
    decision: decisionSummary,
    /** Why the risk was closed. */
    reason: t.string,
  }),
]);

export const riskTreatmentsAnswer = t.array(riskTreatmentEntry);
