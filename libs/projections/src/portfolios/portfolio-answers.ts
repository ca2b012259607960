import * as t from 'io-ts';
import { eventProvenanceFields } from '../answers/provenance';
import { decisionSummaryAnswer } from '../answers/decision-answer';

/** Where a project stands: running, completed or cancelled. */
export const projectStatusAnswer = t.keyof({ aktiv: null, avsluttet: null, avbrutt: null }, 'ProjectStatus');

export const projectHealthReportAnswer = t.type(
  { health: t.string, reportedOn: t.string, summary: t.string, reportedTo: t.string },
  'ProjectHealthReport',
);

/** What the register and the project's folder both say of a project. */
export const projectFields = {
  projectId: t.string,
  name: t.string,
  portfolio: t.string,
  owningUnit: t.string,
  need: t.string,
  registeredOn: t.string,
  status: projectStatusAnswer,
  /** Every decision about the project: its prioritizations and, if it came to that, its cancellation. */
  decisions: t.readonlyArray(decisionSummaryAnswer),
};

/** A project in the register as it stood at a point in time. */
export const projectEntryAnswer = t.intersection(
  [
    t.type(projectFields),
    t.partial({
      description: t.string,
      /** The day it was completed or cancelled. */
      closedOn: t.string,
      latestHealth: projectHealthReportAnswer,
    }),
  ],
  'ProjectEntry',
);
export type ProjectEntry = t.TypeOf<typeof projectEntryAnswer>;
export type ProjectStatus = ProjectEntry['status'];

/** One prioritization decision: a project's rank in a round. */
export const prioritizationAnswer = t.type(
  {
    portfolio: t.string,
    round: t.string,
    projectId: t.string,
    rank: t.number,
    decision: decisionSummaryAnswer,
    ...eventProvenanceFields,
  },
  'Prioritization',
);
export type Prioritization = t.TypeOf<typeof prioritizationAnswer>;

export const rankedProjectAnswer = t.intersection(
  [prioritizationAnswer, t.partial({ project: projectEntryAnswer })],
  'RankedProject',
);
export type RankedProject = t.TypeOf<typeof rankedProjectAnswer>;

export const projectRegisterAnswer = t.array(projectEntryAnswer, 'ProjectRegister');
export const portfolioRankingAnswer = t.array(rankedProjectAnswer, 'PortfolioRanking');
export const prioritizationHistoryAnswer = t.array(prioritizationAnswer, 'PrioritizationHistory');
