import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { DomainRejection } from '@styring/eventstore';
import type { DecidingBody } from '../shared/bodies';
import { type Period, yearOf } from '../shared/dates';
import { ensure, ensureOrdered } from '../shared/ensure';
import type { Assignment, Goal } from './goals';
import { budgetPlanKinds, isPoliticalPlanKind, type PlanKind } from './plan-kinds';
import { planRejections as reject } from './rejections';

type Check = E.Either<DomainRejection, void>;

const administrativePlanBodies: readonly DecidingBody[] = ['kommunedirektoren', 'direktor'];

/** Political plans by kommunestyret alone (the budget above all); administrative ones by the administration. */
export const bodyMayDecidePlan = (kind: PlanKind, body: DecidingBody): Check => {
  if (budgetPlanKinds.includes(kind)) {
    return ensure(body === 'kommunestyret', () => reject.budgetRequiresCouncil(kind, body));
  }
  if (isPoliticalPlanKind(kind)) {
    return ensure(body === 'kommunestyret', () => reject.politicalKindRequiresCouncil(kind, body));
  }
  return ensure(administrativePlanBodies.includes(body), () =>
    reject.administrativeKindRequiresAdministration(kind, body),
  );
};

/** Periods ordered; the økonomiplan spans at least four budget years, the årsbudsjett exactly one calendar year. */
export const periodFitsKind = (kind: PlanKind, period: Period): Check =>
  pipe(
    ensureOrdered(period.from, period.to, 'period'),
    E.chain(() =>
      kind === 'okonomiplan'
        ? ensure(yearOf(period.to) - yearOf(period.from) + 1 >= 4, reject.okonomiplanTooShort)
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
