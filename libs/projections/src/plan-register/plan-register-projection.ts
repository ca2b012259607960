import type { RunnerProjection } from '../runner/runner-projection';
import type { GovernanceEvent } from '@styring/governance';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import { declareEvents } from '../governance/event-declaration';

import { decisionColumns, decisionValues } from '../governance/decision-columns';
import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';

export const planRegisterName = 'plan-register';

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/**
 * One row per plan decision (adopted, revised, retired). A revision carries only what it changes: the
 * columns it leaves `NULL` keep their earlier value when the queries fold a plan's rows in order.
 */
const planEvents = {
  name: 'plan_events',
  columns: {
    plan_id: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    kind: 'TEXT',
    title: 'TEXT',
    period_from: 'TEXT',
    period_to: 'TEXT',
    parent_plans: 'TEXT',
    unit: 'TEXT',
    document_reference: 'TEXT',
    goals_given: 'INTEGER',
    assignments: 'TEXT',
    reason: 'TEXT',
    ...decisionColumns,
  },
  indexes: [['plan_id']],
};

/** The goals a plan decision set (a revision that gives goals replaces the whole list). */
const planGoals = {
  name: 'plan_goals',
  columns: {
    plan_id: 'TEXT NOT NULL',
    goal_id: 'TEXT NOT NULL',
    level: 'TEXT NOT NULL',
    text: 'TEXT NOT NULL',
    focus_area: 'TEXT',
    main_goal_id: 'TEXT',
    sdgs: 'TEXT NOT NULL',
    /** The goal's place in its decision's list: the order goals are read back in, on any database. */
    ordinal: 'INTEGER NOT NULL',
  },
  indexes: [['plan_id']],
};

const factsOf = (event: GovernanceEvent): FactRow[] => {
  if (event.type !== 'PlanAdopted' && event.type !== 'PlanRevised' && event.type !== 'PlanRetired') return [];
  const effectiveFrom = startOfDay(event.decision.decidedOn);
  // The decision's columns are spread in last: properties after a spread are added one by one the slow
  // way, which made this five times slower.
  const decision = decisionValues(event.decision);
  if (event.type === 'PlanRetired') {
    return [
      {
        table: planEvents.name,
        effectiveFrom,
        values: { plan_id: event.planId, event_type: event.type, reason: event.reason, ...decision },
      },
    ];
  }
  const row: FactRow = {
    table: planEvents.name,
    effectiveFrom,
    values: {
      plan_id: event.planId,
      event_type: event.type,
      kind: event.type === 'PlanAdopted' ? event.kind : null,
      title: event.title,
      period_from: event.period?.from,
      period_to: event.period?.to,
      parent_plans: json(event.parentPlans),
      unit: event.type === 'PlanAdopted' ? event.unit : undefined,
      document_reference: event.documentReference,
      goals_given: event.goals === undefined ? null : 1,
      assignments: json(event.assignments),
      ...decision,
    },
  };
  const goals: FactRow[] = (event.goals ?? []).map((goal, ordinal) => ({
    table: planGoals.name,
    effectiveFrom,
    values: {
      plan_id: event.planId,
      goal_id: goal.goalId,
      level: goal.level,
      text: goal.text,
      focus_area: goal.focusArea,
      main_goal_id: goal.mainGoalId,
      sdgs: JSON.stringify(goal.sdgs),
      ordinal,
    },
  }));
  return [row, ...goals];
};

/** The plan register: plans, their versions, the hierarchy and goals, on both clocks. */
export const planRegisterProjectionSpec: GovernanceProjectionSpec = {
  name: planRegisterName,
  version: 3,
  handledHash: '8263c0cfe537',
  tables: [planEvents, planGoals],
  events: declareEvents({
    handled: ['PlanAdopted', 'PlanRevised', 'PlanRetired'],
    // Formannskapet's innstilling is not a plan; the decision log shows it, with the day it was laid out.
    ignored: ['BudgetRecommended'],
    ignoredKinds: [
      'organisation',
      'delegation',
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
      'supervision',
    ],
  }),
  factsOf,
};

export const planRegisterProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(planRegisterProjectionSpec, source);
