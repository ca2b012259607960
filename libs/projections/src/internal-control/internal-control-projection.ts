import type { RecordedEvent } from '@styring/eventstore';
import type { GovernanceEvent } from '@styring/governance';
import type { RunnerProjection } from '../runner/runner-projection';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import { declareEvents } from '../governance/event-declaration';
import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';

export const internalControlName = 'internal-control';

/** One row per completed internkontroll checklist, with who recorded it (the event's actor and role). */
const checklists = {
  name: 'internal_control_checklists',
  columns: {
    unit: 'TEXT NOT NULL',
    period_from: 'TEXT NOT NULL',
    period_to: 'TEXT NOT NULL',
    completed_on: 'TEXT NOT NULL',
    obligation_id: 'TEXT',
    items: 'TEXT NOT NULL',
    actor: 'TEXT NOT NULL',
    role: 'TEXT NOT NULL',
  },
  indexes: [['unit']],
};

/** One row per avvik as recorded (kommuneloven § 25-1). */
const deviations = {
  name: 'deviations',
  columns: {
    deviation_id: 'TEXT NOT NULL',
    unit: 'TEXT NOT NULL',
    observed_on: 'TEXT NOT NULL',
    category: 'TEXT NOT NULL',
    description: 'TEXT NOT NULL',
  },
  indexes: [['deviation_id']],
};

/** One row per closing of an avvik, effective on the day it was closed. */
const deviationClosings = {
  name: 'deviation_closings',
  columns: {
    deviation_id: 'TEXT NOT NULL',
    closed_on: 'TEXT NOT NULL',
    corrective_action: 'TEXT NOT NULL',
  },
  indexes: [['deviation_id']],
};

const factsOf = (event: GovernanceEvent, recorded: RecordedEvent): FactRow[] => {
  switch (event.type) {
    case 'InternalControlChecklistCompleted':
      return [
        {
          table: checklists.name,
          effectiveFrom: startOfDay(event.completedOn),
          values: {
            unit: event.unit,
            period_from: event.period.from,
            period_to: event.period.to,
            completed_on: event.completedOn,
            obligation_id: event.obligationId,
            items: JSON.stringify(event.items),
            actor: recorded.metadata.actor,
            role: recorded.metadata.role,
          },
        },
      ];
    case 'DeviationRecorded':
      return [
        {
          table: deviations.name,
          effectiveFrom: startOfDay(event.observedOn),
          values: {
            deviation_id: event.deviationId,
            unit: event.unit,
            observed_on: event.observedOn,
            category: event.category,
            description: event.description,
          },
        },
      ];
    case 'DeviationClosed':
      return [
        {
          table: deviationClosings.name,
          effectiveFrom: startOfDay(event.closedOn),
          values: {
            deviation_id: event.deviationId,
            closed_on: event.closedOn,
            corrective_action: event.correctiveAction,
          },
        },
      ];
    default:
      return [];
  }
};

/** Internkontroll: the checklists units completed and the avvik register, on both clocks. */
export const internalControlProjectionSpec: GovernanceProjectionSpec = {
  name: internalControlName,
  version: 1,
  handledHash: '01c10b0f8353',
  tables: [checklists, deviations, deviationClosings],
  events: declareEvents({
    handled: ['InternalControlChecklistCompleted', 'DeviationRecorded', 'DeviationClosed'],
    ignoredKinds: [
      'organisation',
      'delegation',
      'plan',
      'project',
      'ranking',
      'procurement',
      'company',
      'ownershipReport',
      'riskScale',
      'risk',
      'report',
      'supervision',
      'correction',
    ],
  }),
  factsOf,
};

export const internalControlProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(internalControlProjectionSpec, source);
