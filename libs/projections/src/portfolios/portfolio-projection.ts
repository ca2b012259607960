import type { RunnerProjection } from '../runner/runner-projection';
import type { GovernanceEvent } from '@styring/governance';
import { decisionColumns, decisionValues } from '../governance/decision-columns';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import { declareEvents } from '../governance/event-declaration';

import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';

export const portfoliosName = 'portfolios';

/** One row per project event: registration, status report, completion, cancellation, evaluation. */
const projectEvents = {
  name: 'portfolio_project_events',
  columns: {
    project_id: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    on_date: 'TEXT NOT NULL',
    name: 'TEXT',
    portfolio: 'TEXT',
    owning_unit: 'TEXT',
    need: 'TEXT',
    description: 'TEXT',
    health: 'TEXT',
    summary: 'TEXT',
    reported_to: 'TEXT',
    reason: 'TEXT',
    ...decisionColumns,
  },
  indexes: [['project_id']],
};

/** One row per prioritization decision: a project's rank in a portfolio's round. */
const rankings = {
  name: 'portfolio_rankings',
  columns: {
    portfolio: 'TEXT NOT NULL',
    round: 'TEXT NOT NULL',
    project_id: 'TEXT NOT NULL',
    rank: 'INTEGER NOT NULL',
    ...decisionColumns,
  },
  indexes: [['portfolio', 'round']],
};

const projectRow = (projectId: string, type: string, onDate: string, values: FactRow['values']): FactRow => ({
  table: projectEvents.name,
  effectiveFrom: startOfDay(onDate),
  values: { project_id: projectId, event_type: type, on_date: onDate, ...values },
});

const factsOf = (event: GovernanceEvent): FactRow[] => {
  switch (event.type) {
    case 'ProjectRegistered':
      return [
        projectRow(event.projectId, event.type, event.registeredOn, {
          name: event.name,
          portfolio: event.portfolio,
          owning_unit: event.owningUnit,
          need: event.need,
          description: event.description,
        }),
      ];
    case 'ProjectStatusReported':
      return [
        projectRow(event.projectId, event.type, event.reportedOn, {
          health: event.health,
          summary: event.summary,
          reported_to: event.reportedTo,
        }),
      ];
    case 'ProjectCompleted':
      return [projectRow(event.projectId, event.type, event.completedOn, { summary: event.summary })];
    case 'ProjectCancelled':
      return [
        projectRow(event.projectId, event.type, event.decision.decidedOn, {
          reason: event.reason,
          ...decisionValues(event.decision),
        }),
      ];
    case 'ProjectEvaluated':
      return [
        projectRow(event.projectId, event.type, event.evaluatedOn, { summary: event.lessons.join('\n') }),
      ];
    case 'ProjectPrioritized':
      return [
        {
          table: rankings.name,
          effectiveFrom: startOfDay(event.decision.decidedOn),
          values: {
            portfolio: event.portfolio,
            round: event.round,
            project_id: event.projectId,
            rank: event.rank,
            ...decisionValues(event.decision),
          },
        },
      ];
    default:
      return [];
  }
};

/** Projects per portfolio and their ranks per prioritization round, with the whole history of decisions. */
export const portfolioProjectionSpec: GovernanceProjectionSpec = {
  name: portfoliosName,
  version: 2,
  handledHash: '6e25a7eb9d66',
  tables: [projectEvents, rankings],
  events: declareEvents({
    handled: [
      'ProjectRegistered',
      'ProjectStatusReported',
      'ProjectCompleted',
      'ProjectCancelled',
      'ProjectEvaluated',
      'ProjectPrioritized',
    ],
    ignoredKinds: [
      'organisation',
      'delegation',
      'plan',
      'procurement',
      'company',
      'ownershipReport',
      'riskScale',
      'risk',
      'report',
      'checklist',
      'deviation',
      'correction',
      'supervision',
    ],
  }),
  factsOf,
};

export const portfolioProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(portfolioProjectionSpec, source);
