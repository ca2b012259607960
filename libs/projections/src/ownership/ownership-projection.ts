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

export const ownershipName = 'ownership';

/** One row per company event: registered (from its day), ownership ended (from the day it ended). */
const companyEvents = {
  name: 'ownership_company_events',
  columns: {
    company_id: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    name: 'TEXT',
    organisation_number: 'TEXT',
    company_form: 'TEXT',
    registered_on: 'TEXT',
    ownership_percent: 'REAL',
    ended_on: 'TEXT',
    reason: 'TEXT',
    ...recordedAtColumn,
    ...decisionColumns,
  },
  indexes: [['company_id']],
};

/** One row per eierskapsmelding, in effect from the council's decision. */
const ownershipReports = {
  name: 'ownership_reports',
  columns: {
    report_id: 'TEXT NOT NULL',
    title: 'TEXT NOT NULL',
    period_from: 'TEXT NOT NULL',
    period_to: 'TEXT NOT NULL',
    companies: 'TEXT NOT NULL',
    document_reference: 'TEXT NOT NULL',
    ...recordedAtColumn,
    ...decisionColumns,
  },
};

const factsOf = (event: GovernanceEvent, recorded: RecordedEvent): FactRow[] => {
  switch (event.type) {
    case 'CompanyRegistered':
      return [
        {
          table: companyEvents.name,
          effectiveFrom: startOfDay(event.registeredOn),
          values: {
            company_id: event.companyId,
            event_type: event.type,
            name: event.name,
            organisation_number: event.organisationNumber,
            company_form: event.companyForm,
            registered_on: event.registeredOn,
            ownership_percent: event.ownershipPercent,
            ...recordedAtValue(recorded),
          },
        },
      ];
    case 'CompanyOwnershipEnded':
      return [
        {
          table: companyEvents.name,
          effectiveFrom: startOfDay(event.endedOn),
          values: {
            company_id: event.companyId,
            event_type: event.type,
            ended_on: event.endedOn,
            reason: event.reason,
            ...recordedAtValue(recorded),
            ...(event.decision === undefined ? {} : decisionValues(event.decision)),
          },
        },
      ];
    case 'OwnershipReportAdopted':
      return [
        {
          table: ownershipReports.name,
          effectiveFrom: startOfDay(event.decision.decidedOn),
          values: {
            report_id: event.reportId,
            title: event.title,
            period_from: event.electoralPeriod.from,
            period_to: event.electoralPeriod.to,
            companies: JSON.stringify(event.companies),
            document_reference: event.documentReference,
            ...recordedAtValue(recorded),
            ...decisionValues(event.decision),
          },
        },
      ];
    default:
      return [];
  }
};

/** The ownership register: the companies the kommune owns, when ownership ended, and the eierskapsmeldinger. */
export const ownershipProjectionSpec: GovernanceProjectionSpec = {
  name: ownershipName,
  version: 1,
  handledHash: '7630c7b97138',
  tables: [companyEvents, ownershipReports],
  events: declareEvents({
    handled: ['CompanyRegistered', 'CompanyOwnershipEnded', 'OwnershipReportAdopted'],
    ignoredKinds: [
      'organisation',
      'delegation',
      'plan',
      'project',
      'ranking',
      'procurement',
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

export const ownershipProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(ownershipProjectionSpec, source);
