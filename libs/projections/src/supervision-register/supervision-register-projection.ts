import type { RunnerProjection } from '../runner/runner-projection';
import type { GovernanceEvent } from '@styring/governance';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import { declareEvents } from '../governance/event-declaration';

import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';

export const supervisionRegisterName = 'supervision-register';

/** One row per statlig tilsyn opened, finding recorded and tilsyn closed, on the day each happened. */
const supervisionEvents = {
  name: 'supervision_events',
  columns: {
    supervision_id: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    on_date: 'TEXT NOT NULL',
    supervisory_authority: 'TEXT',
    subject: 'TEXT',
    unit: 'TEXT',
    legal_basis: 'TEXT',
    finding_id: 'TEXT',
    finding_kind: 'TEXT',
    description: 'TEXT',
    legal_reference: 'TEXT',
    conclusion: 'TEXT',
    document_reference: 'TEXT',
  },
  indexes: [['supervision_id']],
};

const factsOf = (event: GovernanceEvent): FactRow[] => {
  const row = (onDate: string, values: FactRow['values']): FactRow[] => [
    {
      table: supervisionEvents.name,
      effectiveFrom: startOfDay(onDate),
      values: { event_type: event.type, on_date: onDate, ...values },
    },
  ];
  switch (event.type) {
    case 'SupervisionOpened':
      return row(event.openedOn, {
        supervision_id: event.supervisionId,
        supervisory_authority: event.supervisoryAuthority,
        subject: event.subject,
        unit: event.unit,
        legal_basis: event.legalBasis,
        document_reference: event.documentReference,
      });
    case 'SupervisionFindingRecorded':
      return row(event.recordedOn, {
        supervision_id: event.supervisionId,
        finding_id: event.findingId,
        finding_kind: event.kind,
        description: event.description,
        legal_reference: event.legalReference,
      });
    case 'SupervisionClosed':
      return row(event.closedOn, {
        supervision_id: event.supervisionId,
        conclusion: event.conclusion,
        document_reference: event.documentReference,
      });
    default:
      return [];
  }
};

/** The tilsyn register: every statlig tilsyn, its findings and its closing (kommuneloven kap. 30, § 25-2). */
export const supervisionRegisterProjectionSpec: GovernanceProjectionSpec = {
  name: supervisionRegisterName,
  version: 1,
  handledHash: '2b3f6c3bb63a',
  tables: [supervisionEvents],
  events: declareEvents({
    handled: ['SupervisionOpened', 'SupervisionFindingRecorded', 'SupervisionClosed'],
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
      'checklist',
      'deviation',
      'correction',
    ],
  }),
  factsOf,
};

export const supervisionRegisterProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(supervisionRegisterProjectionSpec, source);
