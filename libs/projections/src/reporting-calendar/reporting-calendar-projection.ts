import type { RunnerProjection } from '../runner/runner-projection';
import type { GovernanceEvent } from '@styring/governance';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import { declareEvents } from '../governance/event-declaration';

import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';

export const reportingCalendarName = 'reporting-calendar';

/** One row per delivered report or completed internkontroll checklist: the proof of delivery. */
const submissions = {
  name: 'report_submissions',
  columns: {
    event_type: 'TEXT NOT NULL',
    report_id: 'TEXT',
    kind: 'TEXT NOT NULL',
    obligation_id: 'TEXT',
    period_from: 'TEXT NOT NULL',
    period_to: 'TEXT NOT NULL',
    from_body: 'TEXT',
    from_unit: 'TEXT',
    to_body: 'TEXT',
    submitted_on: 'TEXT NOT NULL',
    document_reference: 'TEXT',
    without_obligation_reason: 'TEXT',
    early_reason: 'TEXT',
  },
  indexes: [['obligation_id']],
};

const factsOf = (event: GovernanceEvent): FactRow[] => {
  switch (event.type) {
    case 'ReportSubmitted':
      return [
        {
          table: submissions.name,
          effectiveFrom: startOfDay(event.submittedOn),
          values: {
            event_type: event.type,
            report_id: event.reportId,
            kind: event.kind,
            obligation_id: event.obligationId,
            period_from: event.period.from,
            period_to: event.period.to,
            from_body: event.from.body,
            from_unit: event.from.unit,
            to_body: event.to,
            submitted_on: event.submittedOn,
            document_reference: event.documentReference,
            without_obligation_reason: event.withoutObligationReason,
            early_reason: event.earlyReason,
          },
        },
      ];
    case 'InternalControlChecklistCompleted':
      return [
        {
          table: submissions.name,
          effectiveFrom: startOfDay(event.completedOn),
          values: {
            event_type: event.type,
            kind: 'internkontroll-sjekkliste',
            obligation_id: event.obligationId,
            period_from: event.period.from,
            period_to: event.period.to,
            from_unit: event.unit,
            submitted_on: event.completedOn,
          },
        },
      ];
    default:
      return [];
  }
};

/** The reporting calendar (årshjul): every delivered report, matched to the obligations when queried. */
export const reportingCalendarProjectionSpec: GovernanceProjectionSpec = {
  name: reportingCalendarName,
  version: 3,
  handledHash: 'd00dc099bb54',
  tables: [submissions],
  events: declareEvents({
    handled: ['ReportSubmitted', 'InternalControlChecklistCompleted'],
    ignored: ['DeviationRecorded', 'DeviationClosed'],
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
      'correction',
      'supervision',
    ],
  }),
  factsOf,
};

export const reportingCalendarProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(reportingCalendarProjectionSpec, source);
