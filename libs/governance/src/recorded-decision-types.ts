import type { DecisionType } from './decisions';

/**
 * Every event type recorded as a decision, appended to and never shortened: a decision once recorded stays
 * one (its stored events are in the decision log and the authority check), so a type here that stops
 * carrying a `decision` does not compile; record the change as a new event type instead.
 * `recorded-decision-types.unit.spec.ts` asks for each new decision type here. The read models that take
 * every decision by its `decision` (decision log, authority) then need no rebuild for it: no event stored
 * before it was a decision carries one (`libs/projections`, `everyDecision`).
 */
export const recordedDecisionTypes = [
  'UnitEstablished',
  'UnitDissolved',
  'AuthorityDelegated',
  'AuthorityRevoked',
  'PlanAdopted',
  'PlanRevised',
  'PlanRetired',
  'ProjectCancelled',
  'ProjectPrioritized',
  'ContractAwarded',
  'ContractFollowUpAssigned',
  'CompanyOwnershipEnded',
  'OwnershipReportAdopted',
  'RiskScaleAdopted',
  'RiskTreatmentDecided',
  'BudgetRecommended',
] as const satisfies readonly DecisionType[];
