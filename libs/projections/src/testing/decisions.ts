import type { DecisionReference } from '@styring/governance';

/** A decision of kommunestyret in a meeting (fictitious case numbers). */
export const councilDecision = (decidedOn: string, caseNumber: string): DecisionReference => ({
  body: 'kommunestyret',
  decidedOn,
  caseNumber,
  meeting: `Kommunestyret ${decidedOn}`,
  authority: { kind: 'law', reference: 'kommuneloven § 5-3' },
});

/** A decision by an administrative body under a delegation (fictitious case numbers). */
export const delegatedDecision = (
  body: DecisionReference['body'],
  delegationId: string,
  decidedOn: string,
  caseNumber: string,
  unit?: string,
): DecisionReference => ({
  body,
  decidedOn,
  caseNumber,
  authority: { kind: 'delegation', delegationId },
  ...(unit === undefined ? {} : { unit }),
});
