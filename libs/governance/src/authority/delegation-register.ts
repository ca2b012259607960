import { isWithin } from '../shared/dates';
import type { Holder } from '../shared/holder';
import type { DelegationScope } from './scope';

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
 * In force on `date`: within its validity, not yet revoked, and – for a sub-delegation – resting on a
 * delegation that is itself in force (a revoked delegation takes the ones made under it along).
 */
export const isInForce = (
  register: DelegationRegister,
  record: DelegationRecord,
  date: string,
  seen: ReadonlySet<string> = new Set(),
): boolean => {
  if (seen.has(record.delegationId)) return false;
  const own =
    isWithin(date, record.validFrom, record.validTo) &&
    (record.revokedFrom === undefined || date < record.revokedFrom);
  if (!own || record.basis === undefined) return own;
  const parent = register.get(record.basis);
  return parent !== undefined && isInForce(register, parent, date, new Set([...seen, record.delegationId]));
};

/** The delegations in force on a date: for registers shown to people and for the audit. */
export const delegationsInForce = (register: DelegationRegister, date: string): readonly DelegationRecord[] =>
  [...register.values()].filter((record) => isInForce(register, record, date));
