import type { RecordedEvent } from '@styring/eventstore';
import type { GovernanceEvent } from '@styring/governance';
import { recordedAtColumn, recordedAtValue } from '../answers/provenance';
import { decisionColumns, decisionValues } from '../governance/decision-columns';
import { declareEvents } from '../governance/event-declaration';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { RunnerProjection } from '../runner/runner-projection';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';

export const organizationUnitsName = 'organization-units';

/** One row per unit event (established, dissolved), in effect from the day of its decision. */
const unitEvents = {
  name: 'organization_unit_events',
  columns: {
    unit: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    name: 'TEXT',
    kind: 'TEXT',
    parent: 'TEXT',
    reason: 'TEXT',
    ...recordedAtColumn,
    ...decisionColumns,
  },
  indexes: [['unit']],
};

const factsOf = (event: GovernanceEvent, recorded: RecordedEvent): FactRow[] => {
  if (event.type !== 'UnitEstablished' && event.type !== 'UnitDissolved') return [];
  return [
    {
      table: unitEvents.name,
      effectiveFrom: startOfDay(event.decision.decidedOn),
      values: {
        unit: event.unit,
        event_type: event.type,
        ...(event.type === 'UnitEstablished'
          ? { name: event.name, kind: event.kind, parent: event.parent }
          : { reason: event.reason }),
        ...recordedAtValue(recorded),
        ...decisionValues(event.decision),
      },
    },
  ];
};

/** The organization's units: when each was established and dissolved, under which parent, by which decision. */
export const organizationUnitsProjectionSpec: GovernanceProjectionSpec = {
  name: organizationUnitsName,
  version: 1,
  handledHash: '82f290d0531d',
  tables: [unitEvents],
  events: declareEvents({
    handled: ['UnitEstablished', 'UnitDissolved'],
    ignoredKinds: [
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
      'checklist',
      'deviation',
      'supervision',
      'correction',
    ],
  }),
  factsOf,
};

export const organizationUnitsProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(organizationUnitsProjectionSpec, source);
