import * as t from 'io-ts';
import { Assignment } from '@styring/governance';
import { globalPosition } from '../answers/answer-codecs';
import { decisionSummaryAnswer } from '../answers/decision-answer';

/** A hovedmål or delmål of a plan (the domain's `Goal`, which refuses other fields, so not in a join). */
export const goalAnswer = t.intersection(
  [
    t.type({
      goalId: t.string,
      level: t.keyof({ hovedmal: null, delmal: null }, 'GoalLevel'),
      text: t.string,
      sdgs: t.readonlyArray(t.number),
    }),
    t.partial({ focusArea: t.string, mainGoalId: t.string }),
  ],
  'Goal',
);

/** A plan as it stood after one of its decisions. */
export const planVersionAnswer = t.intersection(
  [
    t.type({
      planId: t.string,
      kind: t.string,
      title: t.string,
      period: t.type({ from: t.string, to: t.string }),
      parentPlans: t.readonlyArray(t.string),
      goals: t.readonlyArray(goalAnswer),
      assignments: t.readonlyArray(Assignment),
      status: t.keyof({ vedtatt: null, opphevet: null }, 'PlanStatus'),
      /** An årsbudsjett adopted after its budget year began (§ 14-3): recorded as it happened, and flagged. */
      adoptedLate: t.boolean,
      /** The decision that adopted the plan. */
      adoptedBy: decisionSummaryAnswer,
      /** The decision that made this version (adoption, revision or retirement). */
      decidedBy: decisionSummaryAnswer,
      eventType: t.string,
      /** 1 for the adopted plan, then one more per revision or retirement. */
      version: t.number,
      eventId: t.string,
      globalPosition,
    }),
    t.partial({ unit: t.string, documentReference: t.string, retiredReason: t.string }),
  ],
  'PlanVersion',
);
export type PlanVersion = t.TypeOf<typeof planVersionAnswer>;
export type PlanStatus = PlanVersion['status'];

export const planRegisterAnswer = t.array(planVersionAnswer, 'PlanRegister');
export const plansInForceAnswer = t.array(planVersionAnswer, 'PlansInForce');
export const planVersionsAnswer = t.array(planVersionAnswer, 'PlanVersions');

/** A plan in the hierarchy, with the plans that name it as a parent at the same point in time. */
export const planNodeAnswer = t.type(
  { plan: planVersionAnswer, children: t.readonlyArray(t.string) },
  'PlanNode',
);
export type PlanNode = t.TypeOf<typeof planNodeAnswer>;

export const planHierarchyAnswer = t.type(
  { roots: t.readonlyArray(t.string), plans: t.readonlyArray(planNodeAnswer) },
  'PlanHierarchy',
);

export const planGoalAnswer = t.intersection(
  [goalAnswer, t.type({ planId: t.string, planTitle: t.string })],
  'PlanGoal',
);
export type PlanGoal = t.TypeOf<typeof planGoalAnswer>;

export const planGoalsAnswer = t.array(planGoalAnswer, 'PlanGoals');
