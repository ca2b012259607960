import * as E from 'fp-ts/Either';
import {
  chiefExecutiveToTechnicalDirector,
  councilDecision,
  councilToChiefExecutive,
  contextWith,
  delegatedDecision,
  standardContext,
} from '../testing/fixtures';
import { authorize } from './authorize';
import { coversMatter, type Matter } from './scope';

const adoptVirksomhetsplan: Matter = { commandType: 'AdoptPlan', planKind: 'virksomhetsplan' };

const codeOf = (result: E.Either<{ code: string }, void>) =>
  E.isLeft(result) ? result.left.code : 'accepted';

describe('authorize: who may decide, on the decision date', () => {
  const check = (
    decision: Parameters<typeof authorize>[0],
    matter: Matter = adoptVirksomhetsplan,
    context = standardContext,
  ) => codeOf(authorize(decision, coversMatter(matter), context.delegations));

  it('accepts the council in a meeting under the law, and refuses it without a meeting (decision.meeting_required)', () => {
    expect(check(councilDecision())).toBe('accepted');
    const { meeting: _meeting, ...withoutMeeting } = councilDecision();
    expect(check(withoutMeeting)).toBe('decision.meeting_required');
  });

  it('accepts the kommunedirektør under a delegation, and refuses a law basis alone (authority.delegation_required)', () => {
    expect(check(delegatedDecision('kommunedirektoren', 'ks-kd'))).toBe('accepted');
    const onLaw = delegatedDecision('kommunedirektoren', 'ks-kd', {
      authority: { kind: 'law', reference: 'kommuneloven § 13-1' },
    });
    expect(check(onLaw)).toBe('authority.delegation_required');
  });

  it('refuses a delegation that does not exist (authority.delegation_unknown)', () => {
    expect(check(delegatedDecision('kommunedirektoren', 'no-such-delegation'))).toBe(
      'authority.delegation_unknown',
    );
  });

  it('accepts only the holder of the delegation (authority.delegation_not_held), the ledergruppe acting for the kommunedirektør', () => {
    expect(check(delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' }))).toBe(
      'accepted',
    );
    expect(check(delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'oppvekst' }))).toBe(
      'authority.delegation_not_held',
    );
    expect(check(delegatedDecision('virksomhetsleder', 'ks-kd'))).toBe('authority.delegation_not_held');
    expect(check(delegatedDecision('ledergruppen', 'ks-kd'))).toBe('accepted');
  });

  it('accepts a delegation only in force on the decision date (authority.delegation_not_in_force)', () => {
    const teknisk = (decidedOn: string) =>
      delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor', decidedOn });
    expect(check(teknisk('2024-01-01'))).toBe('accepted');
    expect(check(teknisk('2027-12-31'))).toBe('accepted');
    expect(check(teknisk('2023-12-31'))).toBe('authority.delegation_not_in_force');
    expect(check(teknisk('2028-01-01'))).toBe('authority.delegation_not_in_force');
  });

  it('ends a delegation when it is revoked, and every delegation made under it with it', () => {
    const revoked = contextWith(
      [
        {
          type: 'AuthorityRevoked',
          delegationId: 'ks-kd',
          revokedFrom: '2025-01-01',
          reason: 'Nytt delegeringsreglement',
          decision: councilDecision({ decidedOn: '2024-12-11' }),
        },
      ],
      standardContext,
    );
    const teknisk = (decidedOn: string) =>
      delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor', decidedOn });
    expect(check(teknisk('2024-12-31'), adoptVirksomhetsplan, revoked)).toBe('accepted');
    expect(check(teknisk('2025-01-01'), adoptVirksomhetsplan, revoked)).toBe(
      'authority.delegation_not_in_force',
    );
    expect(
      check(
        delegatedDecision('kommunedirektoren', 'ks-kd', { decidedOn: '2025-01-01' }),
        adoptVirksomhetsplan,
        revoked,
      ),
    ).toBe('authority.delegation_not_in_force');
  });

  it('refuses a matter the delegation does not cover: command type, plan kind, portfolio, amount (authority.outside_delegation)', () => {
    const teknisk = delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' });
    expect(check(teknisk, { commandType: 'AwardContract', amountNok: 5_000_000 })).toBe('accepted');
    expect(check(teknisk, { commandType: 'AwardContract', amountNok: 5_000_001 })).toBe(
      'authority.outside_delegation',
    );
    expect(check(teknisk, { commandType: 'AdoptPlan', planKind: 'styringsbrev' })).toBe(
      'authority.outside_delegation',
    );
    expect(check(teknisk, { commandType: 'CancelProject' })).toBe('authority.outside_delegation');
    const kd = delegatedDecision('kommunedirektoren', 'ks-kd');
    expect(check(kd, { commandType: 'PrioritizeProject', portfolio: 'utvikling-digitalisering' })).toBe(
      'accepted',
    );
    expect(check(kd, { commandType: 'PrioritizeProject', portfolio: 'investering' })).toBe(
      'authority.outside_delegation',
    );
  });

  it('holds a sub-delegation to the limits of every delegation it rests on', () => {
    const wider = contextWith(
      [
        {
          ...chiefExecutiveToTechnicalDirector,
          delegationId: 'kd-direktor-teknisk-uten-tak',
          scope: { commandTypes: ['AwardContract', 'AdoptOwnershipReport'] },
        },
      ],
      standardContext,
    );
    const director = delegatedDecision('direktor', 'kd-direktor-teknisk-uten-tak', {
      unit: 'teknisk-sektor',
    });
    expect(check(director, { commandType: 'AwardContract', amountNok: 50_000_000 }, wider)).toBe('accepted');
    expect(check(director, { commandType: 'AdoptOwnershipReport' }, wider)).toBe(
      'authority.outside_delegation',
    );
  });

  it('reads delegations only from the context it is given', () => {
    const kd = delegatedDecision('kommunedirektoren', 'ks-kd');
    expect(check(kd, adoptVirksomhetsplan, contextWith([]))).toBe('authority.delegation_unknown');
    expect(check(kd, adoptVirksomhetsplan, contextWith([councilToChiefExecutive]))).toBe('accepted');
  });
});
