// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import {
  chiefExecutiveToTechnicalDirector,
  councilDecision,
  councilToChiefExecutive,
  contextWith,
  delegatedDecision,
  standardContext,
} from '../testing/fixtures';
import { delegationDecider } from './delegation-decider';
import type { AuthorityRevoked, DelegateAuthority, RevokeAuthority } from './messages';

const spec = deciderSpecification(delegationDecider);

const kdToDirektorOppvekst: DelegateAuthority = {
  type: 'DelegateAuthority',
  delegationId: 'kd-direktor-oppvekst',
  to: { body: 'direktor', unit: 'oppvekst' },
  scope: { commandTypes: ['AdoptPlan'], planKinds: ['virksomhetsplan'] },
  validFrom: '2024-09-01',
  decision: delegatedDecision('kommunedirektoren', 'ks-kd'),
};

const withScope = (scope: DelegateAuthority['scope']): DelegateAuthority => ({
  ...kdToDirektorOppvekst,
  scope,
});

describe('delegationDecider: DelegateAuthority', () => {
  it('records the delegation, with the delegating body as `from`', () => {
    spec
      .given([])
      .when(kdToDirektorOppvekst, standardContext)
      .then([{ ...kdToDirektorOppvekst, type: 'AuthorityDelegated', from: { body: 'kommunedirektoren' } }]);
  });

  it('lets the council delegate under the law', () => {
    const { type: _type, from: _from, ...fields } = councilToChiefExecutive;
    spec
      .given([])
      .when({ ...fields, type: 'DelegateAuthority' }, standardContext)
      .then([councilToChiefExecutive]);
  });

  it('gives a delegation id once (authority.delegation_exists)', () => {
    spec
      .given([councilToChiefExecutive])
      .when(kdToDirektorOppvekst, standardContext)
      .thenRejectedWith('authority.delegation_exists');
  });

  it('delegates only down the line (authority.delegation_must_flow_down)', () => {
    const upwards: DelegateAuthority = {
      ...kdToDirektorOppvekst,
      to: { body: 'kommunedirektoren' },
      decision: delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' }),
    };
    spec.given([]).when(upwards, standardContext).thenRejectedWith('authority.delegation_must_flow_down');
  });

  it('never delegates the budget or the økonomiplan, named or implied (authority.budget_not_delegable)', () => {
    const council = { decision: councilDecision(), to: { body: 'kommunedirektoren' as const } };
    spec
      .given([])
      .when(
        { ...withScope({ commandTypes: ['AdoptPlan'], planKinds: ['arsbudsjett'] }), ...council },
        standardContext,
      )
      .thenRejectedWith('authority.budget_not_delegable');
    spec
      .given([])
      .when({ ...withScope({ commandTypes: ['RevisePlan'] }), ...council }, standardContext)
      .thenRejectedWith('authority.budget_not_delegable');
  });

  it('never delegates other political plans (authority.political_plan_not_delegable)', () => {
    spec
      .given([])
      .when(
        {
          ...withScope({ commandTypes: ['AdoptPlan'], planKinds: ['temaplan'] }),
          decision: councilDecision(),
          to: { body: 'kommunedirektoren' },
        },
        standardContext,
      )
      .thenRejectedWith('authority.political_plan_not_delegable');
  });

  it('refuses a validity that ends before it starts (date.period_unordered)', () => {
    spec
      .given([])
      .when({ ...kdToDirektorOppvekst, validTo: '2024-08-31' }, standardContext)
      .thenRejectedWith('date.period_unordered');
  });

  it('refuses a sub-delegation under a delegation without DelegateAuthority in its scope (authority.subdelegation_not_in_scope)', () => {
    const director = delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' });
    spec
      .given([])
      .when(
        {
          ...withScope({ commandTypes: ['AwardContract'], maxAmountNok: 1_000_000 }),
          to: { body: 'virksomhetsleder', unit: 'vei-og-park' },
          decision: director,
        },
        standardContext,
      )
      .thenRejectedWith('authority.subdelegation_not_in_scope');
  });

  it('refuses to pass on more than the delegator holds (authority.outside_delegation)', () => {
    const directorMayDelegate = contextWith(
      [
        {
          ...chiefExecutiveToTechnicalDirector,
          scope: {
            ...chiefExecutiveToTechnicalDirector.scope,
            commandTypes: [...chiefExecutiveToTechnicalDirector.scope.commandTypes, 'DelegateAuthority'],
          },
        },
      ],
      standardContext,
    );
    spec
      .given([])
      .when(withScope({ commandTypes: ['AdoptOwnershipReport'] }), standardContext)
      .thenRejectedWith('authority.outside_delegation');
    const director = delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' });
    const toLeader = { to: { body: 'virksomhetsleder' as const, unit: 'vei-og-park' }, decision: director };
    spec
      .given([])
      .when(
        { ...withScope({ commandTypes: ['AwardContract'], maxAmountNok: 1_000_000 }), ...toLeader },
        directorMayDelegate,
      )
      .then([
        {
          ...withScope({ commandTypes: ['AwardContract'], maxAmountNok: 1_000_000 }),
          ...toLeader,
          type: 'AuthorityDelegated',
          from: { body: 'direktor', unit: 'teknisk-sektor' },
        },
      ]);
    spec
      .given([])
      .when(
        { ...withScope({ commandTypes: ['AwardContract'], maxAmountNok: 6_000_000 }), ...toLeader },
        directorMayDelegate,
      )
      .thenRejectedWith('authority.outside_delegation');
  });
});

describe('delegationDecider: RevokeAuthority', () => {
  const revoke: RevokeAuthority = {
    type: 'RevokeAuthority',
    delegationId: 'kd-direktor-teknisk',
    revokedFrom: '2025-01-01',
    reason: 'Ny lederavtale',
    decision: delegatedDecision('kommunedirektoren', 'ks-kd'),
  };
  const revoked: AuthorityRevoked = { ...revoke, type: 'AuthorityRevoked' };

  it('lets the delegator revoke', () => {
    spec.given([chiefExecutiveToTechnicalDirector]).when(revoke, standardContext).then([revoked]);
  });

  it('lets the council revoke any delegation', () => {
    const byCouncil = { ...revoke, decision: councilDecision() };
    spec
      .given([chiefExecutiveToTechnicalDirector])
      .when(byCouncil, standardContext)
      .then([{ ...byCouncil, type: 'AuthorityRevoked' }]);
  });

  it('refuses anyone else (authority.revoke_by_delegator)', () => {
    const byDirector = {
      ...revoke,
      decision: delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' }),
    };
    spec
      .given([chiefExecutiveToTechnicalDirector])
      .when(byDirector, standardContext)
      .thenRejectedWith('authority.revoke_by_delegator');
  });

  it('refuses an unknown delegation (authority.delegation_not_found) and a second revocation (authority.already_revoked)', () => {
    spec.given([]).when(revoke, standardContext).thenRejectedWith('authority.delegation_not_found');
    spec
      .given([chiefExecutiveToTechnicalDirector, revoked])
      .when(revoke, standardContext)
      .thenRejectedWith('authority.already_revoked');
  });
});
