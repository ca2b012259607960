import type { AuthorityDelegated, DelegationScope } from '@styring/governance';
import { councilDecision, delegatedDecision } from './decisions';

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

/**
 * Kommunedirektøren's delegation of `scope` to the director of Teknisk sektor (`kd-teknisk`), resting on
 * `ks-kd`, from February 2024; `overrides` vary one spec's case.
 */
export const chiefExecutiveToTechnicalDirector = (
  scope: DelegationScope,
  overrides: Partial<AuthorityDelegated> = {},
): AuthorityDelegated => ({
  type: 'AuthorityDelegated',
  delegationId: 'kd-teknisk',
  from: { body: 'kommunedirektoren' },
  to: { body: 'direktor', unit: 'teknisk-sektor' },
  scope,
  validFrom: '2024-02-01',
  decision: delegatedDecision('kommunedirektoren', 'ks-kd', '2024-01-20', '2024/100'),
  ...overrides,
});
