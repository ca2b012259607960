import { callers, type DemoStep, kommunestyret } from './demo-step';

/**
 * The inter-municipal companies the policy document names, and an eierskapsmelding adopted by kommunestyret
 * (kommuneloven § 26-1). The organization numbers, ownership shares, dates and case numbers are FICTITIOUS.
 */
const companies = [
  {
    companyId: 'nrbr',
    name: 'Nedre Romerike Brann- og Redningsvesen IKS',
    organisationNumber: '900000001',
    ownershipPercent: 22.5,
  },
  {
    companyId: 'romerike-krisesenter',
    name: 'Romerike Krisesenter IKS',
    organisationNumber: '900000002',
    ownershipPercent: 14.8,
  },
  {
    companyId: 'romerike-revisjon',
    name: 'Romerike Revisjon IKS',
    organisationNumber: '900000003',
    ownershipPercent: 11.2,
  },
] as const;

export const ownership: readonly DemoStep[] = [
  ...companies.map((company): DemoStep => ({
    on: '2024-02-01',
    caller: callers.kommunedirektor,
    command: { type: 'RegisterCompany', ...company, companyForm: 'iks', registeredOn: '2024-02-01' },
  })),
  {
    on: '2024-06-19',
    caller: callers.sekretariat,
    command: {
      type: 'AdoptOwnershipReport',
      reportId: 'eierskapsmelding-2024',
      title: 'Eierskapsmelding for Lørenskog kommune 2024–2027',
      electoralPeriod: { from: '2023-10-01', to: '2027-09-30' },
      companies: companies.map((company) => company.companyId),
      documentReference: '2024/0977-6',
      decision: kommunestyret('2024-06-19', '2024/0977', 'Kommuneloven § 26-1'),
    },
  },
];
