import type * as t from 'io-ts';
import { CommandType } from '../command-types';
import { PlanKind } from '../plans/plan-kinds';
import { Portfolio } from '../portfolio/portfolios';
import { nonEmptyList } from '../shared/lists';
import { Nok } from '../shared/numbers';
import { struct } from '../shared/struct';

/**
 * What a delegation covers: the command types it allows, and – when given – only these plan kinds, these
 * portfolios, and amounts up to this much. An absent limit is no limit.
 */
export const DelegationScope = struct(
  'DelegationScope',
  { commandTypes: nonEmptyList(CommandType) },
  { planKinds: nonEmptyList(PlanKind), portfolios: nonEmptyList(Portfolio), maxAmountNok: Nok },
);
export type DelegationScope = t.TypeOf<typeof DelegationScope>;

/** The matter a decision is about, in the terms a scope limits. */
export interface Matter {
  readonly commandType: CommandType;
  readonly planKind?: PlanKind;
  readonly portfolio?: Portfolio;
  readonly amountNok?: number;
}

const allows = <A>(limit: readonly A[] | undefined, value: A | undefined) =>
  limit === undefined || value === undefined || limit.includes(value);

export const coversMatter =
  (matter: Matter) =>
  (scope: DelegationScope): boolean =>
    scope.commandTypes.includes(matter.commandType) &&
    allows(scope.planKinds, matter.planKind) &&
    allows(scope.portfolios, matter.portfolio) &&
    (scope.maxAmountNok === undefined ||
      matter.amountNok === undefined ||
      matter.amountNok <= scope.maxAmountNok);

const within = <A>(outer: readonly A[] | undefined, inner: readonly A[] | undefined) =>
  outer === undefined || inner === undefined || inner.every((value) => outer.includes(value));

/**
 * Whether `inner` asks for no more than `outer` gives: nobody can delegate more than they hold. A limit left
 * out of `inner` is inherited from `outer` (the authority check walks the whole chain of delegations).
 */
export const coversScope =
  (inner: DelegationScope) =>
  (outer: DelegationScope): boolean =>
    within(outer.commandTypes, inner.commandTypes) &&
    within(outer.planKinds, inner.planKinds) &&
    within(outer.portfolios, inner.portfolios) &&
    (outer.maxAmountNok === undefined ||
      inner.maxAmountNok === undefined ||
      inner.maxAmountNok <= outer.maxAmountNok);

/**
 * Whether `outer` lets its holder pass `inner` on: delegating is itself a matter, so the scope must include
 * `DelegateAuthority`, and nobody delegates more than they hold.
 */
export const coversDelegating =
  (inner: DelegationScope) =>
  (outer: DelegationScope): boolean =>
    outer.commandTypes.includes('DelegateAuthority') && coversScope(inner)(outer);
