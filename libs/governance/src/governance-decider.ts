import type { Decider } from '@styring/eventstore';
import { delegationDecider } from './authority/delegation-decider';
import type { CommandType } from './command-types';
import type { GovernanceContext } from './context/governance-context';
import { correctionDecider } from './corrections/correction-decider';
import type { CommandOf, GovernanceCommand } from './governance-command';
import type { EventOf, GovernanceEvent, GovernanceEventType } from './governance-event';
import { organisationDecider } from './organisation/organisation-decider';
import { companyDecider } from './ownership/company-decider';
import { ownershipReportDecider } from './ownership/ownership-report-decider';
import { planDecider } from './plans/plan-decider';
import { projectDecider } from './portfolio/project-decider';
import { rankingDecider } from './portfolio/ranking-decider';
import { procurementDecider } from './procurement/procurement-decider';
import { checklistDecider } from './reporting/checklist-decider';
import { deviationDecider } from './reporting/deviation-decider';
import { reportDecider } from './reporting/report-decider';
import { riskDecider } from './risk/risk-decider';
import { riskScaleDecider } from './risk/risk-scale-decider';

/** One decider per kind of stream (see `streamFor`). */
export const deciders = {
  organisation: organisationDecider,
  delegation: delegationDecider,
  plan: planDecider,
  project: projectDecider,
  ranking: rankingDecider,
  procurement: procurementDecider,
  company: companyDecider,
  ownershipReport: ownershipReportDecider,
  riskScale: riskScaleDecider,
  risk: riskDecider,
  report: reportDecider,
  checklist: checklistDecider,
  deviation: deviationDecider,
  correction: correctionDecider,
};

type Kind = keyof typeof deciders;
type CommandsOf<K extends Kind> = Parameters<(typeof deciders)[K]['decide']>[0];
type EventsOf<K extends Kind> = Parameters<(typeof deciders)[K]['evolve']>[1];

/** Which decider decides each command; the type checks that the decider accepts it. */
const kindOfCommand = {
  EstablishUnit: 'organisation',
  DissolveUnit: 'organisation',
  DelegateAuthority: 'delegation',
  RevokeAuthority: 'delegation',
  AdoptPlan: 'plan',
  RevisePlan: 'plan',
  RetirePlan: 'plan',
  RegisterProject: 'project',
  ReportProjectStatus: 'project',
  CompleteProject: 'project',
  CancelProject: 'project',
  EvaluateProject: 'project',
  PrioritizeProject: 'ranking',
  RegisterProcurement: 'procurement',
  AwardContract: 'procurement',
  AssignContractFollowUp: 'procurement',
  RegisterCompany: 'company',
  EndCompanyOwnership: 'company',
  AdoptOwnershipReport: 'ownershipReport',
  AdoptRiskScale: 'riskScale',
  AssessRisk: 'risk',
  DecideRiskTreatment: 'risk',
  CloseRisk: 'risk',
  SubmitReport: 'report',
  CompleteInternalControlChecklist: 'checklist',
  RecordDeviation: 'deviation',
  CloseDeviation: 'deviation',
  CorrectEvent: 'correction',
} as const satisfies {
  readonly [T in CommandType]: { [K in Kind]: CommandOf<T> extends CommandsOf<K> ? K : never }[Kind];
};

/** Which decider folds each event; the type checks that the decider folds it. */
const kindOfEvent = {
  UnitEstablished: 'organisation',
  UnitDissolved: 'organisation',
  AuthorityDelegated: 'delegation',
  AuthorityRevoked: 'delegation',
  PlanAdopted: 'plan',
  PlanRevised: 'plan',
  PlanRetired: 'plan',
  ProjectRegistered: 'project',
  ProjectStatusReported: 'project',
  ProjectCompleted: 'project',
  ProjectCancelled: 'project',
  ProjectEvaluated: 'project',
  ProjectPrioritized: 'ranking',
  ProcurementRegistered: 'procurement',
  ContractAwarded: 'procurement',
  ContractFollowUpAssigned: 'procurement',
  CompanyRegistered: 'company',
  CompanyOwnershipEnded: 'company',
  OwnershipReportAdopted: 'ownershipReport',
  RiskScaleAdopted: 'riskScale',
  RiskAssessed: 'risk',
  RiskTreatmentDecided: 'risk',
  RiskClosed: 'risk',
  ReportSubmitted: 'report',
  InternalControlChecklistCompleted: 'checklist',
  DeviationRecorded: 'deviation',
  DeviationClosed: 'deviation',
  EventCorrected: 'correction',
} as const satisfies {
  readonly [T in GovernanceEventType]: { [K in Kind]: EventOf<T> extends EventsOf<K> ? K : never }[Kind];
};

/** The state of any stream: each kind's own state, of which a stream only ever moves its own. */
export type GovernanceState = { readonly [K in Kind]: (typeof deciders)[K]['initialState'] };

type AnyDecider = Decider<GovernanceCommand, GovernanceEvent, unknown, GovernanceContext>;
// The tables above are checked per type, so each decider receives only commands and events it handles.
const deciderOf = (kind: Kind) => deciders[kind] as unknown as AnyDecider;

/**
 * Every command and event through one decider, for one command handler: it hands each to the decider of its
 * kind of stream. Use with `streamFor(command)` as the stream and `governanceEventSerde` as the serde.
 */
export const governanceDecider: Decider<
  GovernanceCommand,
  GovernanceEvent,
  GovernanceState,
  GovernanceContext
> = {
  initialState: Object.fromEntries(
    Object.entries(deciders).map(([kind, decider]) => [kind, decider.initialState]),
  ) as GovernanceState,
  evolve: (state, event) => {
    const kind = kindOfEvent[event.type];
    return { ...state, [kind]: deciderOf(kind).evolve(state[kind], event) };
  },
  decide: (command, state, context) => {
    const kind = kindOfCommand[command.type];
    return deciderOf(kind).decide(command, state[kind], context);
  },
};
