import * as t from 'io-ts';
import { IsoDate, Period } from '../shared/dates';
import { DecisionReference } from '../shared/decision-reference';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { Slug } from '../shared/slug';
import { DocumentReference, Text } from '../shared/text';
import { Assignment, Goal } from './goals';
import { BudgetPlanKind, PlanKind } from './plan-kinds';

const plan = { planId: Slug, kind: PlanKind, title: Text, period: Period, decision: DecisionReference };
const planContent = {
  parentPlans: t.readonlyArray(Slug),
  goals: t.readonlyArray(Goal),
  assignments: t.readonlyArray(Assignment),
};
/** `unit`: the unit a virksomhetsplan or styringsbrev is for. */
const planExtras = { unit: Slug, documentReference: DocumentReference };

/** Adopt a plan; parent plans, goals and assignments may be left out when there are none. */
export const AdoptPlan = message('AdoptPlan', plan, { ...planContent, ...planExtras });
export type AdoptPlan = t.TypeOf<typeof AdoptPlan>;
/** Schema version 2: `parentPlans` (a list) replaced version 1's single `parentPlanId`. */
export const PlanAdopted = message('PlanAdopted', { ...plan, ...planContent }, planExtras);
export type PlanAdopted = t.TypeOf<typeof PlanAdopted>;

/** Revise an adopted plan: only the fields given change; the kind does not (a new kind is a new plan). */
const revision = { planId: Slug, decision: DecisionReference };
const revisedFields = { title: Text, period: Period, ...planContent, documentReference: DocumentReference };
export const RevisePlan = message('RevisePlan', revision, revisedFields);
export type RevisePlan = t.TypeOf<typeof RevisePlan>;
export const PlanRevised = message('PlanRevised', revision, revisedFields);
export type PlanRevised = t.TypeOf<typeof PlanRevised>;

const retirement = { planId: Slug, reason: Text, decision: DecisionReference };
export const RetirePlan = message('RetirePlan', retirement);
export type RetirePlan = t.TypeOf<typeof RetirePlan>;
export const PlanRetired = message('PlanRetired', retirement);
export type PlanRetired = t.TypeOf<typeof PlanRetired>;

/**
 * Formannskapet's innstilling to the økonomiplan or the årsbudsjett (§ 14-3 third paragraph), on the stream
 * of the plan it recommends, and the day it was laid out for public inspection (alminnelig ettersyn).
 */
const recommendation = {
  planId: Slug,
  kind: BudgetPlanKind,
  period: Period,
  laidOutForInspectionOn: IsoDate,
  decision: DecisionReference,
};
const recommendationExtras = { documentReference: DocumentReference };
export const RecommendBudget = message('RecommendBudget', recommendation, recommendationExtras);
export type RecommendBudget = t.TypeOf<typeof RecommendBudget>;
export const BudgetRecommended = message('BudgetRecommended', recommendation, recommendationExtras);
export type BudgetRecommended = t.TypeOf<typeof BudgetRecommended>;

export type PlanCommand = AdoptPlan | RevisePlan | RetirePlan | RecommendBudget;
export type PlanEvent = PlanAdopted | PlanRevised | PlanRetired | BudgetRecommended;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const planCommandNames = commandNames(AdoptPlan, RevisePlan, RetirePlan, RecommendBudget);
