// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import * as E from 'fp-ts/Either';
import { decodeCommand } from '../governance-command';
import { councilDecision, delegatedDecision, standardContext } from '../testing/fixtures';
import { companyDecider } from './company-decider';
import type { AdoptOwnershipReport, EndCompanyOwnership, RegisterCompany } from './messages';
import { ownershipReportDecider } from './ownership-report-decider';

describe('companyDecider', () => {
  const spec = deciderSpecification(companyDecider);
  const register: RegisterCompany = {
    type: 'RegisterCompany',
    companyId: 'romerike-revisjon',
    name: 'Romerike Revisjon IKS',
    organisationNumber: '123456789',
    companyForm: 'iks',
    registeredOn: '2024-01-01',
  };
  const end: EndCompanyOwnership = {
    type: 'EndCompanyOwnership',
    companyId: 'romerike-revisjon',
    endedOn: '2030-01-01',
    reason: 'Uttreden (fiktivt)',
    decision: councilDecision({ decidedOn: '2029-06-20' }),
  };

  it('registers an owned company once (ownership.company_exists)', () => {
    spec
      .given([])
      .when(register, standardContext)
      .then([{ ...register, type: 'CompanyRegistered' }]);
    spec
      .given([{ ...register, type: 'CompanyRegistered' }])
      .when(register, standardContext)
      .thenRejectedWith('ownership.company_exists');
  });

  it('ends the ownership of a registered company once (ownership.company_unknown, ownership.ownership_ended)', () => {
    spec
      .given([{ ...register, type: 'CompanyRegistered' }])
      .when(end, standardContext)
      .then([{ ...end, type: 'CompanyOwnershipEnded' }]);
    spec.given([]).when(end, standardContext).thenRejectedWith('ownership.company_unknown');
    spec
      .given([
        { ...register, type: 'CompanyRegistered' },
        { ...end, type: 'CompanyOwnershipEnded' },
      ])
      .when(end, standardContext)
      .thenRejectedWith('ownership.ownership_ended');
  });

  it('needs a decision reference, and a body with authority to end it (authority.delegation_required)', () => {
    const { decision: _decision, ...withoutDecision } = end;
    expect(E.isLeft(decodeCommand(withoutDecision))).toBe(true);
    deciderSpecification(companyDecider)
      .given([{ ...register, type: 'CompanyRegistered' }])
      .when(
        {
          ...end,
          decision: {
            ...delegatedDecision('direktor', 'x'),
            authority: { kind: 'law', reference: 'aksjeloven' },
          },
        },
        standardContext,
      )
      .thenRejectedWith('authority.delegation_required');
  });
});

describe('ownershipReportDecider', () => {
  const spec = deciderSpecification(ownershipReportDecider);
  const adopt: AdoptOwnershipReport = {
    type: 'AdoptOwnershipReport',
    reportId: 'eierskapsmelding-2024',
    title: 'Eierskapsmelding 2024',
    electoralPeriod: { from: '2023-10-01', to: '2027-09-30' },
    companies: ['nrbr', 'romerike-krisesenter', 'romerike-revisjon'],
    documentReference: '2024/4100-3',
    decision: councilDecision(),
  };

  it('is adopted by the council (ownership.report_requires_council)', () => {
    spec
      .given([])
      .when(adopt, standardContext)
      .then([{ ...adopt, type: 'OwnershipReportAdopted' }]);
    spec
      .given([])
      .when({ ...adopt, decision: councilDecision({ body: 'formannskapet' }) }, standardContext)
      .thenRejectedWith('ownership.report_requires_council');
  });

  it('is adopted once (ownership.report_exists), for an ordered period (date.period_unordered)', () => {
    spec
      .given([{ ...adopt, type: 'OwnershipReportAdopted' }])
      .when(adopt, standardContext)
      .thenRejectedWith('ownership.report_exists');
    spec
      .given([])
      .when({ ...adopt, electoralPeriod: { from: '2027-09-30', to: '2023-10-01' } }, standardContext)
      .thenRejectedWith('date.period_unordered');
  });
});
