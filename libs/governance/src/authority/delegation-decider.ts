import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider, DomainRejection } from '@styring/eventstore';
import type { GovernanceContext } from '../context/governance-context';
import { administrativePlanKinds, budgetPlanKinds } from '../plans/plan-kinds';
import { delegationTier } from '../shared/bodies';
import { ensure, ensureOrdered } from '../shared/ensure';
import { type Holder, holderOf } from '../shared/holder';
import { authorize } from './authorize';
import { isHeldBy } from './is-held-by';
import type { AuthorityCommand, AuthorityEvent, DelegateAuthority, RevokeAuthority } from './messages';
import { authorityRejections as reject } from './rejections';
import { coversDelegating, coversScope, type DelegationScope } from './scope';

export type DelegationState =
  | { readonly status: 'none' }
  | { readonly status: 'active' | 'revoked'; readonly from: Holder; readonly scope: DelegationScope };

const planCommandTypes = ['AdoptPlan', 'RevisePlan', 'RetirePlan'] as const;

/**
 * Budget and økonomiplan are never delegated, and neither are the other political plans: a delegation of
 * plan matters must name its plan kinds (none named would mean all), and only administrative ones.
 */
const delegablePlanKinds = (scope: DelegationScope): E.Either<DomainRejection, void> => {
  if (
    !scope.commandTypes.some((type) => planCommandTypes.includes(type as (typeof planCommandTypes)[number]))
  ) {
    return E.right(undefined);
  }
  const kinds = scope.planKinds;
  return pipe(
    ensure(
      kinds !== undefined && !kinds.some((kind) => budgetPlanKinds.includes(kind)),
      reject.budgetNotDelegable,
    ),
    E.chain(() =>
      ensure(
        kinds?.every((kind) => administrativePlanKinds.includes(kind)) === true,
        reject.politicalPlanNotDelegable,
      ),
    ),
  );
};

/** A sub-delegation names a delegation that allows delegating further (its own code, as auditors ask it). */
const subdelegationAllowed = (command: DelegateAuthority, context: GovernanceContext) => {
  const { authority } = command.decision;
  const basis = authority.kind === 'delegation' ? context.delegations.get(authority.delegationId) : undefined;
  return ensure(basis === undefined || basis.scope.commandTypes.includes('DelegateAuthority'), () =>
    reject.subdelegationNotInScope(basis?.delegationId ?? ''),
  );
};

const delegate = (command: DelegateAuthority, state: DelegationState, context: GovernanceContext) =>
  pipe(
    ensure(state.status === 'none', () => reject.delegationExists(command.delegationId)),
    E.chain(() =>
      ensure(delegationTier[command.to.body] > delegationTier[command.decision.body], () =>
        reject.mustFlowDown(command.decision.body, command.to.body),
      ),
    ),
    E.chain(() => delegablePlanKinds(command.scope)),
    E.chain(() => ensureOrdered(command.validFrom, command.validTo, 'validFrom–validTo')),
    E.chain(() => subdelegationAllowed(command, context)),
    E.chain(() => authorize(command.decision, coversDelegating(command.scope), context.delegations)),
    E.map((): readonly AuthorityEvent[] => [
      { ...command, type: 'AuthorityDelegated', from: holderOf(command.decision) },
    ]),
  );

const revoke = (command: RevokeAuthority, state: DelegationState, context: GovernanceContext) => {
  if (state.status === 'none') return E.left(reject.delegationNotFound(command.delegationId));
  return pipe(
    ensure(state.status === 'active', () => reject.alreadyRevoked(command.delegationId)),
    E.chain(() =>
      ensure(command.decision.body === 'kommunestyret' || isHeldBy(state.from, command.decision), () =>
        reject.revokeByDelegator(command.delegationId),
      ),
    ),
    E.chain(() => authorize(command.decision, coversScope(state.scope), context.delegations)),
    E.map((): readonly AuthorityEvent[] => [{ ...command, type: 'AuthorityRevoked' }]),
  );
};

/**
 * A `delegation-{id}` stream per delegation: its id is given once, and it is revoked at most once, by the
 * body that gave it (or the council). Whether the delegator held what it passed on is checked against the
 * delegations in the context: nobody delegates more than they hold.
 */
export const delegationDecider: Decider<
  AuthorityCommand,
  AuthorityEvent,
  DelegationState,
  GovernanceContext
> = {
  initialState: { status: 'none' },
  evolve: (state, event) =>
    event.type === 'AuthorityDelegated'
      ? { status: 'active', from: event.from, scope: event.scope }
      : state.status === 'none'
        ? state
        : { ...state, status: 'revoked' },
  decide: (command, state, context) =>
    command.type === 'DelegateAuthority'
      ? delegate(command, state, context)
      : revoke(command, state, context),
};
