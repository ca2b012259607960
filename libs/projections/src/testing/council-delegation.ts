import type { AuthorityDelegated, DelegationScope } from '@styring/governance';
import { councilDecision } from './decisions';

/**
 * Kommunestyret's delegation of `scope` to kommunedirektøren (`ks-kd`) from 2024, decided in December 2023:
 * the delegation most registers' decisions rest on, each spec naming the matters it needs.
 */
export const councilToChiefExecutive = (scope: DelegationScope): AuthorityDelegated => ({
  type: 'AuthorityDelegated',
  delegationId: 'ks-kd',
  from: { body: 'kommunestyret' },
  to: { body: 'kommunedirektoren' },
  scope,
  validFrom: '2024-01-01',
  decision: councilDecision('2023-12-12', '2023/900'),
});
