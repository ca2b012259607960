import type { CommandType } from './command-types';

/**
 * What each command decides, as a short Norwegian phrase for lists inside a decision's summary (a
 * delegation's scope: «vedta plan, revidere plan»). The identifiers stay in the events and the API; people
 * read these.
 */
export const commandLabels: Readonly<Record<CommandType, string>> = {
  EstablishUnit: 'opprette enhet',
  DissolveUnit: 'legge ned enhet',
  DelegateAuthority: 'delegere myndighet',
  RevokeAuthority: 'trekke tilbake delegert myndighet',
  AdoptPlan: 'vedta plan',
  RevisePlan: 'revidere plan',
  RetirePlan: 'avslutte plan',
  RecommendBudget: 'innstille til økonomiplan eller årsbudsjett',
  RegisterProject: 'registrere prosjekt',
  ReportProjectStatus: 'rapportere prosjektstatus',
  CompleteProject: 'avslutte prosjekt',
  CancelProject: 'stanse prosjekt',
  EvaluateProject: 'evaluere prosjekt',
  PrioritizeProject: 'prioritere prosjekt',
  RegisterProcurement: 'registrere anskaffelse',
  AwardContract: 'tildele kontrakt',
  AssignContractFollowUp: 'plassere kontraktsoppfølging',
  RegisterCompany: 'registrere eid selskap',
  EndCompanyOwnership: 'avslutte eierskap',
  AdoptOwnershipReport: 'vedta eierskapsmelding',
  AdoptRiskScale: 'vedta risikoskala',
  AssessRisk: 'vurdere risiko',
  DecideRiskTreatment: 'bestemme risikohåndtering',
  CloseRisk: 'lukke risiko',
  SubmitReport: 'levere rapport',
  CompleteInternalControlChecklist: 'fullføre internkontrollsjekkliste',
  RecordDeviation: 'registrere avvik',
  CloseDeviation: 'lukke avvik',
  OpenSupervision: 'registrere tilsyn',
  RecordSupervisionFinding: 'registrere tilsynsfunn',
  CloseSupervision: 'avslutte tilsyn',
  CorrectEvent: 'korrigere hendelse',
};
