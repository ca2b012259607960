import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import type { planAssignmentsAnswer } from './plan-assignments-answers';
import { type PlanQuery, planRegister } from './plan-register-queries';

export interface PlanAssignmentQuery extends PlanQuery {
  readonly planId?: string;
  readonly responsibleUnit?: string;
}

/**
 * The oppdrag of the plans in the register at `asOf` (as the plan register stands then on either clock),
 * each with the goals it works towards looked up in the same register, so a reference to a goal that no
 * plan holds shows as `found: false`.
 */
export const planAssignments = async (
  reader: ReadModelReader,
  query: PlanAssignmentQuery = {},
): Promise<t.TypeOf<typeof planAssignmentsAnswer>> => {
  // Goals are looked up in every plan, so the register is read unfiltered and filtered below.
  const { kind, unit, planId, responsibleUnit, ...pointInTime } = query;
  const plans = await planRegister(reader, pointInTime);
  const goalOf = (planId: string, goalId: string) =>
    plans.find((plan) => plan.planId === planId)?.goals.find((goal) => goal.goalId === goalId);
  return plans
    .filter(
      (plan) =>
        (planId === undefined || plan.planId === planId) &&
        (kind === undefined || plan.kind === kind) &&
        (unit === undefined || plan.unit === unit),
    )
    .flatMap((plan) =>
      plan.assignments.map((assignment) => ({
        assignmentId: assignment.assignmentId,
        text: assignment.text,
        responsibleUnit: assignment.responsibleUnit,
        ...(assignment.due === undefined ? {} : { due: assignment.due }),
        goals: assignment.goals.map((reference) => {
          const goal = goalOf(reference.planId, reference.goalId);
          return {
            planId: reference.planId,
            goalId: reference.goalId,
            found: goal !== undefined,
            ...(goal === undefined ? {} : { text: goal.text, level: goal.level }),
          };
        }),
        planId: plan.planId,
        planTitle: plan.title,
        planKind: plan.kind,
        ...(plan.unit === undefined ? {} : { planUnit: plan.unit }),
        planStatus: plan.status,
        eventId: plan.eventId,
        globalPosition: plan.globalPosition,
      })),
    )
    .filter((entry) => responsibleUnit === undefined || entry.responsibleUnit === responsibleUnit);
};
