import type { CommandOf, DelegationScope } from '@styring/governance';
import { callers, type DemoStep, delegated, kommunestyret } from './demo-step';

/**
 * The organisation and the chain of delegation: kommunestyret → kommunedirektøren → direktørene (and the
 * ledergruppe) → virksomhetslederne. Units from the policy document keep its names; the four sectors'
 * names other than Teknisk sektor, and all dates and case numbers, are FICTITIOUS.
 */
export const sectors = [
  'oppvekst-og-utdanning',
  'helse-og-velferd',
  'teknisk-sektor',
  'kultur-og-frivillighet',
] as const;
export type Sector = (typeof sectors)[number];

export const sectorNames: Readonly<Record<Sector, string>> = {
  'oppvekst-og-utdanning': 'Oppvekst og utdanning',
  'helse-og-velferd': 'Helse og velferd',
  'teknisk-sektor': 'Teknisk sektor',
  'kultur-og-frivillighet': 'Kultur og frivillighet',
};

const units: ReadonlyArray<Omit<CommandOf<'EstablishUnit'>, 'type' | 'decision'>> = [
  ...sectors.map((sector) => ({ unit: sector, name: sectorNames[sector], kind: 'sektor' as const })),
  { unit: 'styv', name: 'Styring og virksomhetsutvikling (STYV)', kind: 'stabsavdeling' },
  { unit: 'stra', name: 'Strategi og samfunnsutvikling (STRA)', kind: 'stabsavdeling' },
  {
    unit: 'utvikling-og-digitalisering',
    name: 'Seksjon for Utvikling og digitalisering',
    kind: 'seksjon',
    parent: 'styv',
  },
  {
    unit: 'prosjektvirksomheten',
    name: 'Prosjektvirksomheten',
    kind: 'virksomhet',
    parent: 'teknisk-sektor',
  },
  {
    unit: 'regulering-byggesak-geodata',
    name: 'Regulering, byggesak og geodata',
    kind: 'virksomhet',
    parent: 'teknisk-sektor',
  },
  { unit: 'hjemmetjenesten', name: 'Hjemmetjenesten', kind: 'virksomhet', parent: 'helse-og-velferd' },
  { unit: 'grunnskolene', name: 'Grunnskolene', kind: 'virksomhet', parent: 'oppvekst-og-utdanning' },
];

/** The council's delegation to the kommunedirektør, on which every administrative decision rests. */
export const kommunedirektorensFullmakt = 'delegeringsreglement-kommunedirektoren';
export const ledergruppensFullmakt = 'kommunedirektoren-ledergruppen';
export const direktorensFullmakt = (sector: Sector) => `kommunedirektoren-direktor-${sector}`;
export const prosjektvirksomhetensFullmakt = 'direktor-teknisk-prosjektvirksomheten';
export const hjemmetjenestensFullmakt = 'direktor-helse-hjemmetjenesten';
export const hjemmetjenestensNyeFullmakt = 'direktor-helse-hjemmetjenesten-2025';

const kommunedirektorensScope: DelegationScope = {
  commandTypes: [
    'EstablishUnit',
    'DissolveUnit',
    'DelegateAuthority',
    'RevokeAuthority',
    'AdoptPlan',
    'RevisePlan',
    'RetirePlan',
    'PrioritizeProject',
    'CancelProject',
    'AwardContract',
    'AssignContractFollowUp',
    'AdoptRiskScale',
    'DecideRiskTreatment',
  ],
  // Only the administrative plans: the political ones, and never the budget, stay with the council.
  planKinds: ['styringsbrev', 'virksomhetsplan'],
};

const direktorensScope: DelegationScope = {
  commandTypes: [
    'AdoptPlan',
    'RevisePlan',
    'AwardContract',
    'AssignContractFollowUp',
    'DecideRiskTreatment',
    'DelegateAuthority',
    'RevokeAuthority',
  ],
  planKinds: ['virksomhetsplan'],
  maxAmountNok: 20_000_000,
};

/** Below the procurement threshold: what a virksomhetsleder may award in the line. */
const virksomhetslederensScope: DelegationScope = {
  commandTypes: ['AwardContract', 'AssignContractFollowUp'],
  planKinds: ['virksomhetsplan'],
  maxAmountNok: 1_300_000,
};

const underKommunedirektoren = (decidedOn: string, caseNumber: string) =>
  delegated('kommunedirektoren', decidedOn, caseNumber, kommunedirektorensFullmakt);

export const organisation: readonly DemoStep[] = [
  {
    on: '2023-11-15',
    caller: callers.sekretariat,
    command: {
      type: 'DelegateAuthority',
      delegationId: kommunedirektorensFullmakt,
      to: { body: 'kommunedirektoren' },
      scope: kommunedirektorensScope,
      validFrom: '2023-11-16',
      decision: kommunestyret('2023-11-15', '2023/4101', 'Kommuneloven § 13-1'),
    },
  },
  ...units.map((unit): DemoStep => ({
    on: '2023-11-20',
    caller: callers.kommunedirektor,
    command: { type: 'EstablishUnit', ...unit, decision: underKommunedirektoren('2023-11-20', '2023/4150') },
  })),
  {
    on: '2023-11-20',
    caller: callers.kommunedirektor,
    command: {
      type: 'DelegateAuthority',
      delegationId: ledergruppensFullmakt,
      to: { body: 'ledergruppen' },
      scope: {
        commandTypes: ['PrioritizeProject', 'CancelProject', 'AdoptRiskScale', 'DecideRiskTreatment'],
        portfolios: ['utvikling-digitalisering'],
      },
      validFrom: '2023-11-20',
      decision: underKommunedirektoren('2023-11-20', '2023/4151'),
    },
  },
  ...sectors.map((sector): DemoStep => ({
    on: '2023-11-20',
    caller: callers.kommunedirektor,
    command: {
      type: 'DelegateAuthority',
      delegationId: direktorensFullmakt(sector),
      to: { body: 'direktor', unit: sector },
      scope: direktorensScope,
      validFrom: '2023-11-20',
      decision: underKommunedirektoren('2023-11-20', '2023/4152'),
    },
  })),
  {
    on: '2024-01-08',
    caller: callers.direktor('teknisk-sektor'),
    command: {
      type: 'DelegateAuthority',
      delegationId: prosjektvirksomhetensFullmakt,
      to: { body: 'virksomhetsleder', unit: 'prosjektvirksomheten' },
      scope: virksomhetslederensScope,
      validFrom: '2024-01-08',
      decision: delegated(
        'direktor',
        '2024-01-08',
        '2024/0112',
        direktorensFullmakt('teknisk-sektor'),
        'teknisk-sektor',
      ),
    },
  },
  {
    on: '2024-01-09',
    caller: callers.direktor('helse-og-velferd'),
    command: {
      type: 'DelegateAuthority',
      delegationId: hjemmetjenestensFullmakt,
      to: { body: 'virksomhetsleder', unit: 'hjemmetjenesten' },
      scope: virksomhetslederensScope,
      validFrom: '2024-01-09',
      decision: delegated(
        'direktor',
        '2024-01-09',
        '2024/0118',
        direktorensFullmakt('helse-og-velferd'),
        'helse-og-velferd',
      ),
    },
  },
  // A new virksomhetsleder gets a new lederavtale: the old delegation is revoked, a new one given.
  {
    on: '2025-08-29',
    caller: callers.direktor('helse-og-velferd'),
    command: {
      type: 'RevokeAuthority',
      delegationId: hjemmetjenestensFullmakt,
      revokedFrom: '2025-09-01',
      reason: 'Ny virksomhetsleder i Hjemmetjenesten fra 1. september 2025; ny lederavtale.',
      decision: delegated(
        'direktor',
        '2025-08-29',
        '2025/3310',
        direktorensFullmakt('helse-og-velferd'),
        'helse-og-velferd',
      ),
    },
  },
  {
    on: '2025-08-29',
    caller: callers.direktor('helse-og-velferd'),
    command: {
      type: 'DelegateAuthority',
      delegationId: hjemmetjenestensNyeFullmakt,
      to: { body: 'virksomhetsleder', unit: 'hjemmetjenesten' },
      scope: virksomhetslederensScope,
      validFrom: '2025-09-01',
      decision: delegated(
        'direktor',
        '2025-08-29',
        '2025/3311',
        direktorensFullmakt('helse-og-velferd'),
        'helse-og-velferd',
      ),
    },
  },
];
