import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { DomainRejection } from '@styring/eventstore';
import { isPlanInForce, type PlanRegister, type UnitRegister, unitLineage } from '../context/registers';
import type { DecidingBody } from '../shared/bodies';
import type { DecisionReference } from '../shared/decision-reference';
import { type Period, yearOf } from '../shared/dates';
import { ensure, ensureOrdered } from '../shared/ensure';
import type { Assignment, Goal } from './goals';
import { budgetPlanKinds, controlPlanKinds, isPoliticalPlanKind, type PlanKind } from './plan-kinds';
import { planRejections as reject } from './rejections';

type Check = E.Either<DomainRejection, void>;

const administrativePlanBodies: readonly DecidingBody[] = ['kommunedirektoren', 'direktor'];
/** A virksomhetsplan may also be adopted by the leader of the unit it governs. */
const unitLeaders: readonly DecidingBody[] = ['virksomhetsleder', 'seksjonsleder', 'avdelingsleder'];

/** Political plans by kommunestyret alone (the budget above all); administrative ones by the administration. */
export const bodyMayDecidePlan = (kind: PlanKind, body: DecidingBody): Check => {
  if (budgetPlanKinds.includes(kind)) {
    return ensure(body === 'kommunestyret', () => reject.budgetRequiresCouncil(kind, body));
  }
  if (isPoliticalPlanKind(kind)) {
    return ensure(body === 'kommunestyret', () => reject.politicalKindRequiresCouncil(kind, body));
  }
  const bodies =
    kind === 'virksomhetsplan' ? [...administrativePlanBodies, ...unitLeaders] : administrativePlanBodies;
  return ensure(bodies.includes(body), () => reject.administrativeKindRequiresAdministration(kind, body));
};

/**
 * A virksomhetsplan names the unit it governs, and is adopted by that unit's leader or the director of its
 * sector (the decider's unit is the plan's unit or above it), or by the kommunedirektør (and the ledergruppe
 * acting for the kommunedirektør) for any unit. A delegation is held by a unit's leader, so one "covering the
 * unit" is checked the same way.
 */
export const unitFitsDecider = (
  kind: PlanKind,
  unit: string | undefined,
  decision: DecisionReference,
  units: UnitRegister,
): Check => {
  if (kind !== 'virksomhetsplan') return E.right(undefined);
  if (unit === undefined) return E.left(reject.unitRequired());
  if (decision.body === 'kommunedirektoren' || decision.body === 'ledergruppen') return E.right(undefined);
  return ensure(decision.unit !== undefined && unitLineage(units, unit).includes(decision.unit), () =>
    reject.unitOutsideDecider(unit),
  );
};

/** Every parent plan is adopted, and in force on the day this plan is adopted. */
export const parentsInForce = (parentPlans: readonly string[], plans: PlanRegister, date: string): Check => {
  for (const parentId of parentPlans) {
    const parent = plans.get(parentId);
    if (parent === undefined) return E.left(reject.parentUnknown(parentId));
    if (!isPlanInForce(parent, date)) return E.left(reject.parentNotInForce(parentId, date));
  }
  return E.right(undefined);
};

/**
 * The control committee's plans are adopted by the council (political) and changed during their period by the
 * committee itself (kommuneloven §§ 23-3, 23-4); every other plan is changed by whoever may adopt it.
 */
export const bodyMayChangePlan = (kind: PlanKind, body: DecidingBody): Check =>
  body === 'kontrollutvalget' && controlPlanKinds.includes(kind)
    ? E.right(undefined)
    : bodyMayDecidePlan(kind, body);

/**
 * Whether the økonomiplan covers, whole, each of the four budget years after the year it is adopted in
 * (§ 14-3: «minst de fire neste budsjettårene»): years counted from the decision, not from the period's labels.
 */
const coversNextFourBudgetYears = (period: Period, decidedOn: string): boolean => {
  const adoptedIn = yearOf(decidedOn);
  return period.from <= `${adoptedIn + 1}-01-01` && period.to >= `${adoptedIn + 4}-12-31`;
};

/**
 * Whether an årsbudsjett was adopted after its budget year began (§ 14-3: before the year starts). A late
 * adoption still happened and is recorded; the plan register flags it.
 */
export const isBudgetAdoptedLate = (kind: PlanKind, period: Period, decidedOn: string): boolean =>
  kind === 'arsbudsjett' && decidedOn >= period.from;

/**
 * Periods ordered; the økonomiplan spans at least the four budget years after its adoption, the årsbudsjett
 * exactly one calendar year.
 */
export const periodFitsKind = (kind: PlanKind, period: Period, decidedOn: string): Check =>
  pipe(
    ensureOrdered(period.from, period.to, 'period'),
    E.chain(() =>
      kind === 'okonomiplan'
        ? ensure(coversNextFourBudgetYears(period, decidedOn), reject.okonomiplanTooShort)
        : E.right(undefined),
    ),
    E.chain(() =>
      kind === 'arsbudsjett'
        ? ensure(
            period.from.endsWith('-01-01') &&
              period.to.endsWith('-12-31') &&
              yearOf(period.from) === yearOf(period.to),
            reject.budgetNotCalendarYear,
          )
        : E.right(undefined),
    ),
  );

/** Goal ids unique in the plan; every delmål names a hovedmål of the same plan. */
export const goalsAreConsistent = (goals: readonly Goal[]): Check => {
  const ids = goals.map((goal) => goal.goalId);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) return E.left(reject.duplicateGoal(duplicate));
  const mainGoals = new Set(goals.filter((goal) => goal.level === 'hovedmal').map((goal) => goal.goalId));
  const orphan = goals.find(
    (goal) => goal.level === 'delmal' && (goal.mainGoalId === undefined || !mainGoals.has(goal.mainGoalId)),
  );
  return orphan === undefined ? E.right(undefined) : E.left(reject.subgoalRequiresMainGoal(orphan.goalId));
};

/** Oppdrag are given in the yearly virksomhetsplaner. */
export const assignmentsFitKind = (kind: PlanKind, assignments: readonly Assignment[]): Check =>
  ensure(assignments.length === 0 || kind === 'virksomhetsplan', () =>
    reject.assignmentsOnlyInVirksomhetsplan(kind),
  );
