import type { ReadModelReader } from '../read-models/read-model-reader';
import { type Assignment, type Goal, isBudgetAdoptedLate, PlanKind } from '@styring/governance';
import type * as t from 'io-ts';
import { oneOf } from '../closed-filter';
import { decisionOf, type DecisionRow } from '../governance/decision-columns';
import {
  InvalidQuery,
  type PointInTime,
  type ResolvedPointInTime,
  resolvePointInTime,
} from '../point-in-time';
import { groupBy } from '../group-by';
import { Where } from '../sqlite/where';
import { forEachInEffectOrder } from '../sqlite/state-rows';
import type { PlanGoal, planHierarchyAnswer, PlanVersion } from './plan-register-answers';

export interface PlanQuery extends PointInTime {
  readonly kind?: string;
  readonly unit?: string;
}

interface PlanEventRow extends DecisionRow {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly plan_id: string;
  readonly event_type: string;
  readonly kind: string | null;
  readonly title: string | null;
  readonly period_from: string | null;
  readonly period_to: string | null;
  readonly parent_plans: string | null;
  readonly unit: string | null;
  readonly document_reference: string | null;
  readonly goals_given: bigint | null;
  readonly assignments: string | null;
  readonly reason: string | null;
}

interface GoalRow {
  readonly position: bigint;
  readonly goal_id: string;
  readonly level: 'hovedmal' | 'delmal';
  readonly text: string;
  readonly focus_area: Goal['focusArea'] | null;
  readonly main_goal_id: string | null;
  readonly sdgs: string;
}

const toGoal = (row: GoalRow): Goal => ({
  goalId: row.goal_id,
  level: row.level,
  text: row.text,
  sdgs: JSON.parse(row.sdgs) as number[],
  ...(row.focus_area === null ? {} : { focusArea: row.focus_area }),
  ...(row.main_goal_id === null ? {} : { mainGoalId: row.main_goal_id }),
});

/** The plan's version after one more of its rows (in effect order); undefined when the row makes none. */
const nextVersion = (
  current: PlanVersion | undefined,
  row: PlanEventRow,
  goalsAt: (position: bigint) => Goal[],
): PlanVersion | undefined => {
  const decidedBy = decisionOf(row);
  if (decidedBy === undefined) return undefined;
  const base = {
    eventType: row.event_type,
    eventId: row.event_id,
    globalPosition: row.position,
    decidedBy,
  };
  if (row.event_type === 'PlanAdopted') {
    const period = { from: row.period_from ?? '', to: row.period_to ?? '' };
    return {
      ...base,
      planId: row.plan_id,
      kind: row.kind ?? '',
      title: row.title ?? '',
      period,
      parentPlans: row.parent_plans === null ? [] : (JSON.parse(row.parent_plans) as string[]),
      ...(row.unit === null ? {} : { unit: row.unit }),
      ...(row.document_reference === null ? {} : { documentReference: row.document_reference }),
      goals: goalsAt(row.position),
      assignments: row.assignments === null ? [] : (JSON.parse(row.assignments) as Assignment[]),
      status: 'vedtatt',
      adoptedLate: isBudgetAdoptedLate(row.kind as PlanKind, period, decidedBy.decidedOn),
      adoptedBy: decidedBy,
      version: 1,
    };
  }
  if (current === undefined) return undefined;
  return {
    ...current,
    ...base,
    ...(row.title === null ? {} : { title: row.title }),
    ...(row.period_from === null || row.period_to === null
      ? {}
      : { period: { from: row.period_from, to: row.period_to } }),
    ...(row.parent_plans === null ? {} : { parentPlans: JSON.parse(row.parent_plans) as string[] }),
    ...(row.document_reference === null ? {} : { documentReference: row.document_reference }),
    ...(row.goals_given === null ? {} : { goals: goalsAt(row.position) }),
    ...(row.assignments === null ? {} : { assignments: JSON.parse(row.assignments) as Assignment[] }),
    ...(row.event_type === 'PlanRetired'
      ? { status: 'opphevet' as const, retiredReason: row.reason ?? '' }
      : {}),
    version: current.version + 1,
  };
};

/**
 * Folds the plans' rows under a filter, row by row as they come (a long history's rows are never all in
 * memory): `onRow` hears of each row's plan, with the version the row made (undefined if none).
 */
const foldPlans = async (
  reader: ReadModelReader,
  select: (where: Where, table: string) => Where,
  onRow: (planId: string, version: PlanVersion | undefined) => void,
  planId?: string,
): Promise<void> => {
  const goalsWhere = select(new Where(), 'plan_goals').and('plan_goals.plan_id = ?', planId);
  const goalRows = await reader.select<GoalRow>(
    `SELECT * FROM plan_goals ${goalsWhere} ORDER BY position, ordinal`,
    goalsWhere.params,
  );
  const goals = groupBy(goalRows, (row) => row.position);
  const goalsAt = (position: bigint) => (goals.get(position) ?? []).map(toGoal);
  const current = new Map<string, PlanVersion>();
  const events = select(new Where(), 'plan_events').and('plan_events.plan_id = ?', planId);
  await forEachInEffectOrder<PlanEventRow>(reader, 'plan_events', events, (row) => {
    const version = nextVersion(current.get(row.plan_id), row, goalsAt);
    if (version !== undefined) current.set(row.plan_id, version);
    onRow(row.plan_id, version);
  });
};

/** Every plan's latest version under a filter, in the order of each plan's first row. */
const latestVersions = async (
  reader: ReadModelReader,
  select: (where: Where, table: string) => Where,
): Promise<PlanVersion[]> => {
  const latest = new Map<string, PlanVersion | undefined>();
  await foldPlans(reader, select, (planId, version) => {
    if (version !== undefined || !latest.has(planId)) latest.set(planId, version);
  });
  return [...latest.values()].filter((version) => version !== undefined);
};

const planKinds = Object.keys(PlanKind.keys) as readonly PlanKind[];

const filtered = (versions: readonly PlanVersion[], query: PlanQuery): PlanVersion[] => {
  oneOf('kind', query.kind, planKinds);
  return versions.filter(
    (plan) =>
      (query.kind === undefined || plan.kind === query.kind) &&
      (query.unit === undefined || plan.unit === query.unit),
  );
};

const stateAt = (pointInTime: ResolvedPointInTime) => (where: Where, table: string) =>
  where.stateAt(pointInTime, table);

/**
 * The plan register: every plan as it stood at `asOf` – on the effective clock with every correction known
 * now, on the recorded clock as the register read then – with its latest version, goals and status.
 */
export const planRegister = async (reader: ReadModelReader, query: PlanQuery = {}): Promise<PlanVersion[]> =>
  filtered(await latestVersions(reader, stateAt(resolvePointInTime(query))), query);

/** The plans in force on the day of `asOf`: adopted, not retired, and with a period that covers that day. */
export const plansInForce = async (
  reader: ReadModelReader,
  query: PlanQuery & { readonly asOf: string },
): Promise<PlanVersion[]> => {
  const pointInTime = resolvePointInTime(query);
  const day = pointInTime.day;
  if (day === undefined) throw new InvalidQuery('asOf', 'is required: in force on which day?');
  return filtered(await latestVersions(reader, stateAt(pointInTime)), query).filter(
    (plan) => plan.status === 'vedtatt' && plan.period.from <= day && day <= plan.period.to,
  );
};

/** A plan's versions, one per decision, as recorded by `asOf` (recorded) or in effect by `asOf` (effective). */
export const planVersions = async (
  reader: ReadModelReader,
  query: PointInTime & { readonly planId: string },
): Promise<PlanVersion[]> => {
  const pointInTime = resolvePointInTime(query);
  const versions: PlanVersion[] = [];
  await foldPlans(
    reader,
    (where, table) => where.historyAt(pointInTime, table),
    (_planId, version) => {
      if (version !== undefined) versions.push(version);
    },
    query.planId,
  );
  return versions;
};

/** The plan hierarchy at `asOf`: plans without a parent in the register are the roots. */
export const planHierarchy = async (
  reader: ReadModelReader,
  query: PlanQuery = {},
): Promise<t.TypeOf<typeof planHierarchyAnswer>> => {
  const plans = await planRegister(reader, query);
  const ids = new Set(plans.map((plan) => plan.planId));
  // Each plan's children, gathered in one pass: searching every plan per plan grows with the square.
  const childrenOf = new Map<string, string[]>();
  for (const plan of plans) {
    for (const parent of new Set(plan.parentPlans)) {
      const children = childrenOf.get(parent);
      if (children === undefined) childrenOf.set(parent, [plan.planId]);
      else children.push(plan.planId);
    }
  }
  const children = (id: string) => childrenOf.get(id) ?? [];
  return {
    roots: plans
      .filter((plan) => !plan.parentPlans.some((parent) => ids.has(parent)))
      .map((plan) => plan.planId),
    plans: plans.map((plan) => ({ plan, children: children(plan.planId) })),
  };
};

/** The goals of the plans in the register at `asOf`, optionally of one plan or one focus area. */
export const planGoals = async (
  reader: ReadModelReader,
  query: PlanQuery & { readonly planId?: string; readonly focusArea?: string } = {},
): Promise<PlanGoal[]> =>
  (await planRegister(reader, query))
    .filter((plan) => query.planId === undefined || plan.planId === query.planId)
    .flatMap((plan) => plan.goals.map((goal) => ({ ...goal, planId: plan.planId, planTitle: plan.title })))
    .filter((goal) => query.focusArea === undefined || goal.focusArea === query.focusArea);
