import * as t from 'io-ts';
import { eventProvenanceFields } from '../answers/provenance';
import { decisionSummaryAnswer } from '../answers/decision-answer';
import { projectFields, projectHealthReportAnswer } from '../portfolios/portfolio-answers';

const statusReport = t.type({ ...projectHealthReportAnswer.props, ...eventProvenanceFields });

const prioritization = t.type({
  portfolio: t.string,
  round: t.string,
  rank: t.number,
  decision: decisionSummaryAnswer,
});

const risk = t.intersection([
  t.type({
    riskId: t.string,
    title: t.string,
    likelihood: t.number,
    consequence: t.number,
    score: t.number,
    band: t.string,
    assessedOn: t.string,
    nextReview: t.string,
  }),
  t.partial({ treatmentStrategy: t.string, closedOn: t.string }),
]);

const contract = t.intersection([
  t.type({
    procurementId: t.string,
    title: t.string,
    estimatedValueNok: t.number,
    responsibleUnit: t.string,
    registeredOn: t.string,
  }),
  t.partial({
    supplier: t.string,
    contractValueNok: t.number,
    contractPeriod: t.type({ from: t.string, to: t.string }),
    followUpOwner: t.string,
    award: decisionSummaryAnswer,
  }),
]);

const evaluation = t.intersection([
  t.type({ evaluatedOn: t.string, lessons: t.array(t.string) }),
  t.partial({ documentReference: t.string }),
]);

/** One project's folder: its decisions, status reports with health, risks, contracts and evaluations. */
export const projectFolderEntry = t.intersection([
  t.type({
    ...projectFields,
    prioritizations: t.array(prioritization),
    statusReports: t.array(statusReport),
    risks: t.array(risk),
    contracts: t.array(contract),
    evaluations: t.array(evaluation),
  }),
  t.partial({ description: t.string, closedOn: t.string }),
]);

/** The folder, or `null` when no project of that id was registered by the point in time. */
export const projectFolderAnswer = t.union([projectFolderEntry, t.null]);
