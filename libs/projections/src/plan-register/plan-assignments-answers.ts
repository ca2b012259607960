import * as t from 'io-ts';
import { globalPosition } from '../answers/answer-codecs';

/** A goal an assignment works towards, with its text when the plan register holds it. */
const assignmentGoal = t.intersection([
  t.type({
    planId: t.string,
    goalId: t.string,
    /** False when no plan in the register at the point in time has this goal: a broken «rød tråd». */
    found: t.boolean,
  }),
  t.partial({ text: t.string, level: t.string }),
]);

/** One oppdrag of a plan (a virksomhetsplan's assignment) as the plan stood at the point in time. */
export const planAssignmentEntry = t.intersection([
  t.type({
    assignmentId: t.string,
    text: t.string,
    responsibleUnit: t.string,
    goals: t.array(assignmentGoal),
    planId: t.string,
    planTitle: t.string,
    planKind: t.string,
    planStatus: t.keyof({ vedtatt: null, opphevet: null }),
    /** The plan decision this list of assignments comes from. */
    eventId: t.string,
    globalPosition,
  }),
  t.partial({ due: t.string, planUnit: t.string }),
]);

export const planAssignmentsAnswer = t.array(planAssignmentEntry);
