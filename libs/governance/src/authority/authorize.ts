import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { DomainRejection } from '@styring/eventstore';
import { electedBodies } from '../shared/bodies';
import type { DecisionReference } from '../shared/decision-reference';
import { ensure } from '../shared/ensure';
import { competence } from './competence';
import { delegationChain, type DelegationRegister, isInForce } from './delegation-register';
import { isHeldBy } from './is-held-by';
import { authorityRejections as reject } from './rejections';
import type { DelegationScope } from './scope';

/**
 * Whether the body that decided had the authority to: an elected body decides in a meeting; a body decides a
 * matter of its own competence (`competence`: the council anything, the control committee its kap. 23 tasks
 * and nothing else); every other decision needs a delegation that was given to the body, was in force on the
 * decision date, and covers the matter – as does every delegation it rests on (`covers` says what the
 * decision needs of a scope). A decision recorded without authority passes with the finding it carries;
 * the meeting is required all the same.
 */
export const authorize = (
  decision: DecisionReference,
  covers: (scope: DelegationScope) => boolean,
  delegations: DelegationRegister,
): E.Either<DomainRejection, void> =>
  pipe(
    ensure(!electedBodies.includes(decision.body) || decision.meeting !== undefined, () =>
      reject.meetingRequired(decision.body),
    ),
    E.chain(() =>
      pipe(ofItsOwnOrDelegated(decision, covers, delegations), E.orElse(recordedAnyway(decision))),
    ),
  );

const ofItsOwnOrDelegated = (
  decision: DecisionReference,
  covers: (scope: DelegationScope) => boolean,
  delegations: DelegationRegister,
): E.Either<DomainRejection, void> => {
  const { own, ownOnly, source } = competence[decision.body];
  if (own !== undefined && covers(own)) return E.right(undefined);
  if (ownOnly === true) return E.left(reject.outsideCompetence(decision.body, source));
  return byDelegation(decision, covers, delegations);
};

/**
 * A decision recorded without authority carries the very finding it broke (set by the domain, never taken
 * from input: `record-without-authority.ts`); that finding, and only that one, no longer refuses it.
 */
const recordedAnyway =
  (decision: DecisionReference) =>
  (rejection: DomainRejection): E.Either<DomainRejection, void> =>
    rejection.code === decision.recordedWithoutAuthority?.finding?.code
      ? E.right(undefined)
      : E.left(rejection);

const byDelegation = (
  decision: DecisionReference,
  covers: (scope: DelegationScope) => boolean,
  delegations: DelegationRegister,
): E.Either<DomainRejection, void> => {
  const { authority } = decision;
  if (authority.kind !== 'delegation') return E.left(reject.delegationRequired(decision.body));
  const record = delegations.get(authority.delegationId);
  if (record === undefined) return E.left(reject.delegationUnknown(authority.delegationId));
  return pipe(
    ensure(isHeldBy(record.to, decision), () =>
      reject.delegationNotHeld(authority.delegationId, decision.body),
    ),
    E.chain(() =>
      ensure(isInForce(delegations, record, decision.decidedOn), () =>
        reject.delegationNotInForce(authority.delegationId, decision.decidedOn),
      ),
    ),
    E.chain(() =>
      ensure(delegationChain(delegations, record)?.every((link) => covers(link.scope)) === true, () =>
        reject.outsideDelegation(authority.delegationId),
      ),
    ),
  );
};
