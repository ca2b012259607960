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

export const procurementsName = 'procurements';

/**
 * One row per procurement event: the registration (in effect from its day, with the threshold that was in
 * force and the unit it made responsible), the award and each new follow-up owner (from their decision).
 */
const procurementEvents = {
  name: 'procurement_events',
  columns: {
    procurement_id: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    title: 'TEXT',
    estimated_value_nok: 'INTEGER',
    call_off: 'INTEGER',
    requesting_unit: 'TEXT',
    registered_on: 'TEXT',
    project_id: 'TEXT',
    responsible_unit: 'TEXT',
    threshold_nok: 'INTEGER',
    supplier: 'TEXT',
    contract_value_nok: 'INTEGER',
    period_from: 'TEXT',
    period_to: 'TEXT',
    follow_up_owner: 'TEXT',
    ...recordedAtColumn,
    ...decisionColumns,
  },
  indexes: [['procurement_id']],
};

const procurementRow = (
  event: GovernanceEvent & { readonly procurementId: string },
  recorded: RecordedEvent,
  onDay: string,
  values: FactRow['values'],
): FactRow[] => [
  {
    table: procurementEvents.name,
    effectiveFrom: startOfDay(onDay),
    values: {
      procurement_id: event.procurementId,
      event_type: event.type,
      ...values,
      ...recordedAtValue(recorded),
    },
  },
];

const factsOf = (event: GovernanceEvent, recorded: RecordedEvent): FactRow[] => {
  switch (event.type) {
    case 'ProcurementRegistered':
      return procurementRow(event, recorded, event.registeredOn, {
        title: event.title,
        estimated_value_nok: event.estimatedValueNok,
        call_off: event.callOff ? 1 : 0,
        requesting_unit: event.requestingUnit,
        registered_on: event.registeredOn,
        project_id: event.projectId,
        responsible_unit: event.responsibleUnit,
        threshold_nok: event.thresholdNok,
      });
    case 'ContractAwarded':
      return procurementRow(event, recorded, event.decision.decidedOn, {
        supplier: event.supplier,
        contract_value_nok: event.contractValueNok,
        period_from: event.contractPeriod?.from,
        period_to: event.contractPeriod?.to,
        follow_up_owner: event.followUpOwner,
        ...decisionValues(event.decision),
      });
    case 'ContractFollowUpAssigned':
      return procurementRow(event, recorded, event.decision.decidedOn, {
        follow_up_owner: event.followUpOwner,
        ...decisionValues(event.decision),
      });
    default:
      return [];
  }
};

/** Procurements and their contracts: threshold, responsible unit, award, follow-up owner. */
export const procurementsProjectionSpec: GovernanceProjectionSpec = {
  name: procurementsName,
  version: 1,
  handledHash: 'aec19a6a141e',
  tables: [procurementEvents],
  events: declareEvents({
    handled: ['ProcurementRegistered', 'ContractAwarded', 'ContractFollowUpAssigned'],
    ignoredKinds: [
      'organisation',
      'delegation',
      'plan',
      'project',
      'ranking',
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

export const procurementsProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(procurementsProjectionSpec, source);
