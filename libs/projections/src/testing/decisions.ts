import { councilDecision as councilDecisionIn, type DecisionReference } from '@styring/governance';

/** A decision of kommunestyret in a meeting (fictitious case numbers). */
export const councilDecision = (decidedOn: string, caseNumber: string): DecisionReference =>
  councilDecisionIn(decidedOn, caseNumber, `Kommunestyret ${decidedOn}`);

/** A decision by an administrative body under a delegation (fictitious case numbers). */
export { decisionUnderDelegation as delegatedDecision } from '@styring/governance';
