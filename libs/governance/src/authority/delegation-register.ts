import { isWithin } from '../shared/dates';
import type { AuthorityDelegated, AuthorityRevoked } from './messages';
import type { Holder } from '../shared/holder';
import type { DelegationScope } from './scope';
import type { RegisterChange } from '../context/context-draft';
import { withChange } from '../context/registers';

/** A delegation as the authority check needs it, folded from `AuthorityDelegated` / `AuthorityRevoked`. */
export interface DelegationRecord {
  readonly delegationId: string;
  readonly from: Holder;
  readonly to: Holder;
  readonly scope: DelegationScope;
  readonly validFrom: string;
  readonly validTo?: string;
  /** The delegation the delegating decision rested on: a sub-delegation stands only while it does. */
  readonly basis?: string;
  readonly revokedFrom?: string;
}

/** Every delegation ever recorded, by id: a decision is checked against those in force on its own date. */
export type DelegationRegister = ReadonlyMap<string, DelegationRecord>;

/**
 * The delegation and those it rests on, up to one given by a body with original authority; `undefined` when
 * a link is missing (or loops), since authority then cannot be traced back to the council.
 */
export const delegationChain = (
  register: DelegationRegister,
  record: DelegationRecord,
): readonly DelegationRecord[] | undefined => {
  const chain = [record];
  for (let link = record; link.basis !== undefined;) {
    const parent = register.get(link.basis);
    if (parent === undefined || chain.includes(parent)) return undefined;
    chain.push(parent);
    link = parent;
  }
  return chain;
};

const isOwnInForce = (record: DelegationRecord, date: string) =>
  isWithin(date, record.validFrom, record.validTo) &&
  (record.revokedFrom === undefined || date < record.revokedFrom);

/**
 * In force on `date`: within its validity and not yet revoked – and so is every delegation it rests on
 * (a revoked delegation takes the ones made under it along).
 */
export const isInForce = (register: DelegationRegister, record: DelegationRecord, date: string): boolean =>
  delegationChain(register, record)?.every((link) => isOwnInForce(link, date)) ?? false;

/** The delegations in force on a date: for registers shown to people and for the audit. */
export const delegationsInForce = (register: DelegationRegister, date: string): readonly DelegationRecord[] =>
  [...register.values()].filter((record) => isInForce(register, record, date));

/** What a delegation event changes in the register. */
export const delegationChange = (
  register: DelegationRegister,
  event: AuthorityDelegated | AuthorityRevoked,
): RegisterChange<string, DelegationRecord> => {
  if (event.type === 'AuthorityDelegated') {
    const { authority } = event.decision;
    return [
      event.delegationId,
      {
        delegationId: event.delegationId,
        from: event.from,
        to: event.to,
        scope: event.scope,
        validFrom: event.validFrom,
        ...(event.validTo === undefined ? {} : { validTo: event.validTo }),
        ...(authority.kind === 'delegation' ? { basis: authority.delegationId } : {}),
      },
    ];
  }
  const record = register.get(event.delegationId);
  return record === undefined
    ? undefined
    : [event.delegationId, { ...record, revokedFrom: event.revokedFrom }];
};

/** Folds the delegation events into the register (the authority read model's fold). */
export const evolveDelegationRegister = (
  register: DelegationRegister,
  event: AuthorityDelegated | AuthorityRevoked,
): DelegationRegister => withChange(register, delegationChange(register, event));
