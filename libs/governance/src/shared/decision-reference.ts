import * as t from 'io-ts';
import { DecidingBody } from './bodies';
import { IsoDate } from './dates';
import { Slug } from './slug';
import { struct, taggedUnion } from './struct';
import { CaseNumber, Text } from './text';

/** The codec of `AuthorityBasis` (decision-log-entry.ts): a section of law, or a recorded delegation. */
export const AuthorityBasisCodec = taggedUnion('AuthorityBasis', 'kind', {
  law: struct('LawBasis', { kind: t.literal('law'), reference: Text }),
  delegation: struct('DelegationBasis', { kind: t.literal('delegation'), delegationId: Slug }),
});

/**
 * What every decision carries: who decided, when, in which case (saksnr) and meeting, and on what authority.
 * `unit` is the unit of the deciding role when the role is tied to one (the direktør *of* Teknisk sektor).
 */
export const DecisionReference = struct(
  'DecisionReference',
  { body: DecidingBody, decidedOn: IsoDate, caseNumber: CaseNumber, authority: AuthorityBasisCodec },
  { meeting: Text, unit: Slug },
);
export type DecisionReference = t.TypeOf<typeof DecisionReference>;

/** A decision of kommunestyret in a meeting, resting on a section of law (kommuneloven § 5-3 by default). */
export const councilDecision = (
  decidedOn: string,
  caseNumber: string,
  meeting: string,
  law = 'kommuneloven § 5-3',
): DecisionReference => ({
  body: 'kommunestyret',
  decidedOn,
  caseNumber,
  meeting,
  authority: { kind: 'law', reference: law },
});

/** Formannskapet's innstilling to the økonomiplan or årsbudsjett, in a meeting (kommuneloven § 14-3 third paragraph). */
export const budgetRecommendationDecision = (
  decidedOn: string,
  caseNumber: string,
  meeting: string,
): DecisionReference => ({
  body: 'formannskapet',
  decidedOn,
  caseNumber,
  meeting,
  authority: { kind: 'law', reference: 'kommuneloven § 14-3 tredje ledd' },
});

/** A decision of an administrative body or role under a recorded delegation. */
export const decisionUnderDelegation = (
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
