/**
 * Test data for the deciders' specifications (fictitious case numbers and dates). Not part of the build
 * (the fixtures other packages share are in `risk-scale.ts`, exported by `index.ts`).
 */
import type { RecordedEvent } from '@styring/eventstore';
import type { AuthorityDelegated } from '../authority/messages';
import type { DelegationScope } from '../authority/scope';
import {
  emptyGovernanceContext,
  evolveGovernanceContext,
  type GovernanceContext,
} from '../context/governance-context';
import { governanceEventSerde } from '../event-serde';
import type { GovernanceEvent } from '../governance-event';
import type { UnitEstablished } from '../organisation/messages';
import type { PlanAdopted } from '../plans/messages';
import type { DecidingBody } from '../shared/bodies';
import {
  councilDecision as councilDecisionOn,
  type DecisionReference,
  decisionUnderDelegation,
} from '../shared/decision-reference';
import type { UnitKind } from '../shared/units';

/** A decision of kommunestyret, built with the domain's constructor; `overrides` vary one spec's case. */
export const councilDecision = (overrides: Partial<DecisionReference> = {}): DecisionReference => ({
  ...councilDecisionOn('2024-06-12', '2024/1001', 'Kommunestyret 12.06.2024'),
  ...overrides,
});

/** A decision by an administrative body under a delegation. */
export const delegatedDecision = (
  body: DecidingBody,
  delegationId: string,
  overrides: Partial<DecisionReference> = {},
): DecisionReference => ({
  ...decisionUnderDelegation(body, delegationId, '2024-09-02', '2024/2002'),
  ...overrides,
});

export const allAdministrativeMatters: DelegationScope = {
  commandTypes: [
    'EstablishUnit',
    'DissolveUnit',
    'DelegateAuthority',
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
  planKinds: ['styringsbrev', 'virksomhetsplan'],
  portfolios: ['utvikling-digitalisering'],
};

/** Kommunestyret → kommunedirektøren, from 2020, by the delegeringsreglement. */
export const councilToChiefExecutive: AuthorityDelegated = {
  type: 'AuthorityDelegated',
  delegationId: 'ks-kd',
  from: { body: 'kommunestyret' },
  to: { body: 'kommunedirektoren' },
  scope: allAdministrativeMatters,
  validFrom: '2020-01-01',
  decision: councilDecision({ decidedOn: '2019-12-10', caseNumber: '2019/900' }),
};

/** Kommunedirektøren → direktør for Teknisk sektor: virksomhetsplaner and contracts up to 5 MNOK. */
export const chiefExecutiveToTechnicalDirector: AuthorityDelegated = {
  type: 'AuthorityDelegated',
  delegationId: 'kd-direktor-teknisk',
  from: { body: 'kommunedirektoren' },
  to: { body: 'direktor', unit: 'teknisk-sektor' },
  scope: {
    commandTypes: ['AdoptPlan', 'RevisePlan', 'AwardContract'],
    planKinds: ['virksomhetsplan'],
    maxAmountNok: 5_000_000,
  },
  validFrom: '2024-01-01',
  validTo: '2027-12-31',
  decision: delegatedDecision('kommunedirektoren', 'ks-kd', {
    decidedOn: '2023-12-15',
    caseNumber: '2023/777',
  }),
};

export const contextWith = (
  events: readonly GovernanceEvent[],
  base: GovernanceContext = emptyGovernanceContext(),
): GovernanceContext => events.reduce((context, event) => evolveGovernanceContext(context, event), base);

const unit = (id: string, name: string, kind: UnitKind, parent?: string): UnitEstablished => ({
  type: 'UnitEstablished',
  unit: id,
  name,
  kind,
  ...(parent === undefined ? {} : { parent }),
  decision: delegatedDecision('kommunedirektoren', 'ks-kd', {
    decidedOn: '2020-01-02',
    caseNumber: '2020/1',
  }),
});

/** The units the policy document names. */
export const documentedUnits: readonly UnitEstablished[] = [
  unit('teknisk-sektor', 'Teknisk sektor', 'sektor'),
  unit('prosjektvirksomheten', 'Prosjektvirksomheten', 'virksomhet', 'teknisk-sektor'),
  unit('regulering-byggesak-geodata', 'Regulering, byggesak og geodata', 'virksomhet', 'teknisk-sektor'),
  unit('styv', 'Styring og virksomhetsutvikling', 'stabsavdeling'),
  unit('utvikling-og-digitalisering', 'Seksjon for Utvikling og digitalisering', 'seksjon', 'styv'),
  unit('stra', 'Strategi og samfunnsutvikling', 'stabsavdeling'),
];

/** The planstrategi 2024–2028, the top of the plan hierarchy the specifications' plans hang under. */
export const planstrategiAdopted: PlanAdopted = {
  type: 'PlanAdopted',
  planId: 'planstrategi-2024-2028',
  kind: 'planstrategi',
  title: 'Kommunal planstrategi 2024–2028',
  period: { from: '2024-01-01', to: '2028-12-31' },
  parentPlans: [],
  goals: [],
  assignments: [],
  decision: councilDecision({ decidedOn: '2023-12-13', caseNumber: '2023/950' }),
};

/** The delegations, units and plan most decisions in the specifications rest on. */
export const standardContext = contextWith([
  councilToChiefExecutive,
  chiefExecutiveToTechnicalDirector,
  ...documentedUnits,
  planstrategiAdopted,
]);

/** A governance event as the store would hand it back. */
export const recorded = (
  event: GovernanceEvent,
  position: number,
  overrides: Partial<RecordedEvent> = {},
): RecordedEvent => ({
  ...governanceEventSerde.toStored(event),
  eventId: `event-${position}`,
  metadata: {
    actor: 'kari.nordmann',
    role: 'sekretariat',
    correlationId: `correlation-${position}`,
    causationId: `command-${position}`,
    effectiveAt: '2024-06-12',
  },
  streamId: 'stream',
  streamRevision: 0n,
  globalPosition: BigInt(position),
  recordedAt: '2024-06-13T08:00:00.000Z',
  ...overrides,
});
