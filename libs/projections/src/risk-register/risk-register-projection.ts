import type { RunnerProjection } from '../runner/runner-projection';
import type { GovernanceEvent } from '@styring/governance';
import { decisionColumns, decisionValues } from '../governance/decision-columns';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import { declareEvents } from '../governance/event-declaration';

import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';

export const riskRegisterName = 'risk-register';

/** One row per assessment: reassessing a risk adds a row, so the whole risk history stays. */
const assessments = {
  name: 'risk_assessments',
  columns: {
    risk_id: 'TEXT NOT NULL',
    title: 'TEXT NOT NULL',
    context: 'TEXT NOT NULL',
    subject: 'TEXT',
    scale_version: 'INTEGER NOT NULL',
    likelihood: 'INTEGER NOT NULL',
    consequence: 'INTEGER NOT NULL',
    score: 'INTEGER NOT NULL',
    band: 'TEXT NOT NULL',
    owner_unit: 'TEXT NOT NULL',
    treatment: 'TEXT NOT NULL',
    assessed_on: 'TEXT NOT NULL',
    next_review: 'TEXT NOT NULL',
    consequence_by_dimension: 'TEXT',
  },
  indexes: [['risk_id']],
};

/** Treatment decisions and closings. */
const riskEvents = {
  name: 'risk_events',
  columns: {
    risk_id: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    on_date: 'TEXT NOT NULL',
    strategy: 'TEXT',
    measures: 'TEXT',
    responsible_unit: 'TEXT',
    due: 'TEXT',
    reason: 'TEXT',
    ...decisionColumns,
  },
  indexes: [['risk_id']],
};

/** The adopted versions of the risk scale, in force from their `validFrom`: what bands a filter may name. */
const scales = {
  name: 'risk_scales',
  columns: {
    scale_version: 'INTEGER NOT NULL',
    bands: 'TEXT NOT NULL',
    valid_from: 'TEXT NOT NULL',
  },
};

const factsOf = (event: GovernanceEvent): FactRow[] => {
  switch (event.type) {
    case 'RiskScaleAdopted':
      return [
        {
          table: scales.name,
          effectiveFrom: startOfDay(event.validFrom),
          values: {
            scale_version: event.scaleVersion,
            bands: JSON.stringify(event.bands.map((limit) => limit.band)),
            valid_from: event.validFrom,
          },
        },
      ];
    case 'RiskAssessed':
      return [
        {
          table: assessments.name,
          effectiveFrom: startOfDay(event.assessedOn),
          values: {
            risk_id: event.riskId,
            title: event.title,
            context: event.context,
            subject: event.subject,
            scale_version: event.scaleVersion,
            likelihood: event.likelihood,
            consequence: event.consequence,
            score: event.score,
            band: event.band,
            owner_unit: event.ownerUnit,
            treatment: event.treatment,
            assessed_on: event.assessedOn,
            next_review: event.nextReview,
            consequence_by_dimension:
              event.consequenceByDimension === undefined
                ? null
                : JSON.stringify(event.consequenceByDimension),
          },
        },
      ];
    case 'RiskTreatmentDecided':
      return [
        {
          table: riskEvents.name,
          effectiveFrom: startOfDay(event.decision.decidedOn),
          values: {
            risk_id: event.riskId,
            event_type: event.type,
            on_date: event.decision.decidedOn,
            strategy: event.strategy,
            measures: JSON.stringify(event.measures),
            responsible_unit: event.responsibleUnit,
            due: event.due,
            ...decisionValues(event.decision),
          },
        },
      ];
    case 'RiskClosed':
      return [
        {
          table: riskEvents.name,
          effectiveFrom: startOfDay(event.closedOn),
          values: {
            risk_id: event.riskId,
            event_type: event.type,
            on_date: event.closedOn,
            reason: event.reason,
          },
        },
      ];
    default:
      return [];
  }
};

/** The risk register: every assessment, treatment decision and closing of every risk, and the scales. */
export const riskRegisterProjectionSpec: GovernanceProjectionSpec = {
  name: riskRegisterName,
  version: 2,
  handledHash: '6d6f808bee23',
  tables: [assessments, riskEvents, scales],
  events: declareEvents({
    handled: ['RiskAssessed', 'RiskTreatmentDecided', 'RiskClosed', 'RiskScaleAdopted'],
    ignoredKinds: [
      'organisation',
      'delegation',
      'plan',
      'project',
      'ranking',
      'procurement',
      'company',
      'ownershipReport',
      'report',
      'checklist',
      'deviation',
      'correction',
      'supervision',
    ],
  }),
  factsOf,
};

export const riskRegisterProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(riskRegisterProjectionSpec, source);
