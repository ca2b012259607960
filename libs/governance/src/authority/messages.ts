import type * as t from 'io-ts';
import { IsoDate } from '../shared/dates';
import { DecisionReference } from '../shared/decision-reference';
import { Holder } from '../shared/holder';
import { message } from '../shared/message';
import { Slug } from '../shared/slug';
import { Text } from '../shared/text';
import { DelegationScope } from './scope';

const delegation = {
  delegationId: Slug,
  to: Holder,
  scope: DelegationScope,
  validFrom: IsoDate,
  decision: DecisionReference,
};
const validity = { validTo: IsoDate };
const revocation = { delegationId: Slug, revokedFrom: IsoDate, reason: Text, decision: DecisionReference };

/** Delegate authority: the deciding body (`decision.body`) gives `to` the power to decide what `scope` covers. */
export const DelegateAuthority = message('DelegateAuthority', delegation, validity);
export type DelegateAuthority = t.TypeOf<typeof DelegateAuthority>;
/** `from` is the body that delegated, taken from the delegating decision. */
export const AuthorityDelegated = message('AuthorityDelegated', { ...delegation, from: Holder }, validity);
export type AuthorityDelegated = t.TypeOf<typeof AuthorityDelegated>;

export const RevokeAuthority = message('RevokeAuthority', revocation);
export type RevokeAuthority = t.TypeOf<typeof RevokeAuthority>;
export const AuthorityRevoked = message('AuthorityRevoked', revocation);
export type AuthorityRevoked = t.TypeOf<typeof AuthorityRevoked>;

export type AuthorityCommand = DelegateAuthority | RevokeAuthority;
export type AuthorityEvent = AuthorityDelegated | AuthorityRevoked;
