import * as t from 'io-ts';
import { globalPosition } from '../answers/answer-codecs';
import { decisionSummaryAnswer } from '../answers/decision-answer';

const statusReport = t.type({
  reportedOn: t.string,
  health: t.string,
  summary: t.string,
  reportedTo: t.string,
  eventId: t.string,
  globalPosition,
  knownFrom: t.string,
});

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
    projectId: t.string,
    name: t.string,
    portfolio: t.string,
    owningUnit: t.string,
    need: t.string,
    registeredOn: t.string,
    status: t.keyof({ aktiv: null, avsluttet: null, avbrutt: null }),
    decisions: t.array(decisionSummaryAnswer),
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
