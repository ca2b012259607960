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

/** Each kind of authority as people read it (the Vedtakslogg's «Hjemmelstype»). */
export const authorityKindLabels: Readonly<Record<keyof typeof AuthorityBasisCodec.members, string>> = {
  law: 'lov',
  delegation: 'delegering',
};

/**
 * Why a decision refused for want of authority was recorded anyway: the `authorize` rejection it broke
 * (code and messages). Set by the domain when it records the decision, never taken from input.
 */
export const AuthorityFinding = struct('AuthorityFinding', { code: Text, message: Text, messageEn: Text });
export type AuthorityFinding = t.TypeOf<typeof AuthorityFinding>;

/**
 * A decision taken without authority, recorded anyway by a privileged caller: the reason they state, and
 * (in the stored event) the finding. Who recorded it is the event's metadata (actor, role).
 */
export const RecordedWithoutAuthority = struct(
  'RecordedWithoutAuthority',
  { reason: Text },
  { finding: AuthorityFinding },
);
export type RecordedWithoutAuthority = t.TypeOf<typeof RecordedWithoutAuthority>;

/**
 * What every decision carries: who decided, when, in which case (saksnr) and meeting, and on what authority.
 * `unit` is the unit of the deciding role when the role is tied to one (the direktør *of* Teknisk sektor).
 * `recordedWithoutAuthority` marks a decision the body had no authority for, recorded anyway
 * (`record-without-authority.ts`); absent on every other decision and on every event stored before it.
 */
export const DecisionReference = struct(
  'DecisionReference',
  { body: DecidingBody, decidedOn: IsoDate, caseNumber: CaseNumber, authority: AuthorityBasisCodec },
  { meeting: Text, unit: Slug, recordedWithoutAuthority: RecordedWithoutAuthority },
);
export type DecisionReference = t.TypeOf<typeof DecisionReference>;

/**
 * The decision reference as a command takes it from input: `recordedWithoutAuthority` holds the reason
 * alone, since the finding is the domain's to write (an input that brings one is refused, naming the field).
 */
export const DecisionReferenceInput = struct('DecisionReference', DecisionReference.required, {
  ...DecisionReference.optional,
  recordedWithoutAuthority: struct('RecordedWithoutAuthority', { reason: Text }),
});

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
