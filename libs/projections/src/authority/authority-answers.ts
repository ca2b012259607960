import * as t from 'io-ts';
import { DelegationScope, Holder } from '@styring/governance';
import { globalPosition } from '../answers/answer-codecs';
import { decisionSummaryAnswer } from '../answers/decision-answer';

/** A delegation as the register shows it, with the decision that gave it (and the one that revoked it). */
export const delegationEntryAnswer = t.intersection(
  [
    t.type({
      delegationId: t.string,
      from: Holder,
      to: Holder,
      scope: DelegationScope,
      validFrom: t.string,
      grantedBy: decisionSummaryAnswer,
    }),
    t.partial({
      validTo: t.string,
      /** The delegation the delegating decision rested on: a sub-delegation stands only while it does. */
      basis: t.string,
      revokedFrom: t.string,
      revokedBy: decisionSummaryAnswer,
    }),
  ],
  'DelegationEntry',
);
export type DelegationEntry = t.TypeOf<typeof delegationEntryAnswer>;

/** A decision, for the authority questions. */
export const authorityDecisionAnswer = t.intersection(
  [
    decisionSummaryAnswer,
    t.type({
      eventId: t.string,
      eventType: t.string,
      kind: t.string,
      globalPosition,
      /** When the system learnt this version (the decision, or a correction of it). */
      knownFrom: t.string,
    }),
  ],
  'AuthorityDecision',
);
export type AuthorityDecision = t.TypeOf<typeof authorityDecisionAnswer>;

/** A decision recorded though its authority did not hold: why, and who recorded it. */
export const recordedWithoutAuthorityAnswer = t.intersection(
  [
    t.type({ reason: t.string, recordedBy: t.type({ actor: t.string, role: t.string }) }),
    /** The authority finding as it was when the decision was recorded. */
    t.partial({ finding: t.type({ code: t.string, message: t.string, messageEn: t.string }) }),
  ],
  'RecordedWithoutAuthority',
);
export type RecordedWithoutAuthorityEntry = t.TypeOf<typeof recordedWithoutAuthorityAnswer>;

/** Why a decision's authority did not hold: the domain's rejection, in Norwegian and English. */
export const authorityFailureAnswer = t.intersection(
  [
    t.type({ decision: authorityDecisionAnswer, code: t.string, message: t.string, messageEn: t.string }),
    /** Set when the decision was knowingly recorded without authority, with a stated reason. */
    t.partial({ recordedWithoutAuthority: recordedWithoutAuthorityAnswer }),
  ],
  'AuthorityFailure',
);
export type AuthorityFailure = t.TypeOf<typeof authorityFailureAnswer>;

export const delegationsInForceAnswer = t.array(delegationEntryAnswer, 'DelegationsInForce');
export const decisionsUnderDelegationsAnswer = t.array(
  t.type({ delegationId: t.string, decisions: t.readonlyArray(authorityDecisionAnswer) }),
  'DecisionsUnderDelegations',
);
export const decisionsWithoutAuthorityAnswer = t.array(authorityFailureAnswer, 'DecisionsWithoutAuthority');
