import type { GovernanceEvent } from '@styring/governance';
import type { RunnerProjection } from '../runner/runner-projection';
import { decisionColumns, decisionValues } from '../governance/decision-columns';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import { declareEvents } from '../governance/event-declaration';
import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';

export const projectFolderName = 'project-folder';

/**
 * What the project folder adds to the portfolios and the risk register: the procurements registered for a
 * project, the contracts awarded in them and their follow-up, and the project's evaluations in full.
 */
const procurements = {
  name: 'folder_procurements',
  columns: {
    procurement_id: 'TEXT NOT NULL',
    project_id: 'TEXT NOT NULL',
    title: 'TEXT NOT NULL',
    estimated_value_nok: 'INTEGER NOT NULL',
    responsible_unit: 'TEXT NOT NULL',
    registered_on: 'TEXT NOT NULL',
  },
  indexes: [['project_id']],
};

/** Awards and follow-up assignments of every procurement: a project's are picked by its procurements. */
const contractEvents = {
  name: 'folder_contracts',
  columns: {
    procurement_id: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    supplier: 'TEXT',
    contract_value_nok: 'INTEGER',
    period_from: 'TEXT',
    period_to: 'TEXT',
    follow_up_owner: 'TEXT NOT NULL',
    ...decisionColumns,
  },
  indexes: [['procurement_id']],
};

const evaluations = {
  name: 'folder_evaluations',
  columns: {
    project_id: 'TEXT NOT NULL',
    evaluated_on: 'TEXT NOT NULL',
    lessons: 'TEXT NOT NULL',
    document_reference: 'TEXT',
  },
  indexes: [['project_id']],
};

const factsOf = (event: GovernanceEvent): FactRow[] => {
  switch (event.type) {
    case 'ProcurementRegistered':
      return event.projectId === undefined
        ? []
        : [
            {
              table: procurements.name,
              effectiveFrom: startOfDay(event.registeredOn),
              values: {
                procurement_id: event.procurementId,
                project_id: event.projectId,
                title: event.title,
                estimated_value_nok: event.estimatedValueNok,
                responsible_unit: event.responsibleUnit,
                registered_on: event.registeredOn,
              },
            },
          ];
    case 'ContractAwarded':
    case 'ContractFollowUpAssigned':
      return [
        {
          table: contractEvents.name,
          effectiveFrom: startOfDay(event.decision.decidedOn),
          values: {
            procurement_id: event.procurementId,
            event_type: event.type,
            ...(event.type === 'ContractAwarded'
              ? {
                  supplier: event.supplier,
                  contract_value_nok: event.contractValueNok,
                  period_from: event.contractPeriod?.from,
                  period_to: event.contractPeriod?.to,
                }
              : {}),
            follow_up_owner: event.followUpOwner,
            ...decisionValues(event.decision),
          },
        },
      ];
    case 'ProjectEvaluated':
      return [
        {
          table: evaluations.name,
          effectiveFrom: startOfDay(event.evaluatedOn),
          values: {
            project_id: event.projectId,
            evaluated_on: event.evaluatedOn,
            lessons: JSON.stringify(event.lessons),
            document_reference: event.documentReference,
          },
        },
      ];
    default:
      return [];
  }
};

/** The project folder's own facts (contracts, evaluations); its query joins them with portfolios and risks. */
export const projectFolderProjectionSpec: GovernanceProjectionSpec = {
  name: projectFolderName,
  version: 1,
  handledHash: 'c623d7f94043',
  tables: [procurements, contractEvents, evaluations],
  events: declareEvents({
    handled: ['ProcurementRegistered', 'ContractAwarded', 'ContractFollowUpAssigned', 'ProjectEvaluated'],
    ignored: ['ProjectRegistered', 'ProjectStatusReported', 'ProjectCompleted', 'ProjectCancelled'],
    ignoredKinds: [
      'organisation',
      'delegation',
      'plan',
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

export const projectFolderProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(projectFolderProjectionSpec, source);
