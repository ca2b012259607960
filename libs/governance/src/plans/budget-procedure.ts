import * as E from 'fp-ts/Either';
import type { DomainRejection } from '@styring/eventstore';
import { addDays } from '../reporting/deadlines';
import type { DecidingBody } from '../shared/bodies';
import type { Period } from '../shared/dates';
import { ensure } from '../shared/ensure';
import { budgetPlanKinds, type BudgetPlanKind, type PlanKind } from './plan-kinds';
import { planRejections as reject } from './rejections';

type Check = E.Either<DomainRejection, void>;

/** Formannskapet's innstilling as recorded on the plan's stream: what it recommends and when it was laid out. */
export interface BudgetRecommendation {
  readonly kind: BudgetPlanKind;
  readonly period: Period;
  readonly laidOutForInspectionOn: string;
}

/** § 14-3 third paragraph: the innstilling is laid out for public inspection at least 14 days before the decision. */
export const inspectionDays = 14;

/** The first day kommunestyret may adopt a budget whose innstilling was laid out on `laidOutOn`. */
export const earliestBudgetDecision = (laidOutOn: string): string => addDays(laidOutOn, inspectionDays);

/** The innstilling is formannskapet's (kommunestyret's own competence does not make it the council's). */
export const bodyMayRecommendBudget = (body: DecidingBody): Check =>
  ensure(body === 'formannskapet', () => reject.recommendationRequiresFormannskapet(body));

/**
 * An økonomiplan or årsbudsjett is adopted on formannskapet's innstilling to the same plan (kind and period),
 * laid out for public inspection at least 14 days before (kommuneloven § 14-3 third paragraph). Other plans
 * need none.
 */
export const recommendationPrecedesBudget = (
  planId: string,
  adoption: { readonly kind: PlanKind; readonly period: Period; readonly decidedOn: string },
  recommendation: BudgetRecommendation | undefined,
): Check => {
  if (!budgetPlanKinds.includes(adoption.kind)) return E.right(undefined);
  if (recommendation === undefined) return E.left(reject.budgetRecommendationMissing(adoption.kind, planId));
  if (
    recommendation.kind !== adoption.kind ||
    recommendation.period.from !== adoption.period.from ||
    recommendation.period.to !== adoption.period.to
  ) {
    return E.left(reject.budgetRecommendationMismatch(planId));
  }
  const earliest = earliestBudgetDecision(recommendation.laidOutForInspectionOn);
  return ensure(adoption.decidedOn >= earliest, () =>
    reject.budgetInspectionTooShort(recommendation.laidOutForInspectionOn, earliest),
  );
};
