import type { CommandType } from '@styring/governance';

/**
 * Every command as a REST action on the resource it changes: `POST <path>` with the command's fields as
 * JSON (without `type`). A `:param` in the path is the command field of the same name; the body may leave
 * it out, and when it gives it, it must be the same.
 */
export interface CommandRoute {
  readonly path: string;
  /** A short Norwegian summary for the docs page. */
  readonly summary: string;
  readonly tag: string;
}

export const commandRoutes: Readonly<Record<CommandType, CommandRoute>> = {
  EstablishUnit: { path: 'units', summary: 'Opprett en enhet i organisasjonen', tag: 'organisasjon' },
  DissolveUnit: { path: 'units/:unit/dissolution', summary: 'Legg ned en enhet', tag: 'organisasjon' },
  DelegateAuthority: { path: 'delegations', summary: 'Deleger myndighet', tag: 'delegering' },
  RevokeAuthority: {
    path: 'delegations/:delegationId/revocation',
    summary: 'Trekk tilbake delegert myndighet',
    tag: 'delegering',
  },
  AdoptPlan: { path: 'plans', summary: 'Vedta en plan', tag: 'planer' },
  RevisePlan: { path: 'plans/:planId/revisions', summary: 'Revider en vedtatt plan', tag: 'planer' },
  RetirePlan: { path: 'plans/:planId/retirement', summary: 'Avslutt (utfas) en plan', tag: 'planer' },
  RegisterProject: { path: 'projects', summary: 'Registrer et prosjekt i en portefølje', tag: 'prosjekter' },
  ReportProjectStatus: {
    path: 'projects/:projectId/status-reports',
    summary: 'Rapporter prosjektstatus',
    tag: 'prosjekter',
  },
  CompleteProject: {
    path: 'projects/:projectId/completion',
    summary: 'Avslutt et prosjekt',
    tag: 'prosjekter',
  },
  CancelProject: {
    path: 'projects/:projectId/cancellation',
    summary: 'Stans et prosjekt',
    tag: 'prosjekter',
  },
  EvaluateProject: {
    path: 'projects/:projectId/evaluations',
    summary: 'Evaluer et prosjekt (læring)',
    tag: 'prosjekter',
  },
  PrioritizeProject: {
    path: 'portfolios/:portfolio/rounds/:round/prioritizations',
    summary: 'Prioriter et prosjekt i en prioriteringsrunde',
    tag: 'prosjekter',
  },
  RegisterProcurement: { path: 'procurements', summary: 'Registrer en anskaffelse', tag: 'anskaffelser' },
  AwardContract: {
    path: 'procurements/:procurementId/award',
    summary: 'Tildel kontrakt',
    tag: 'anskaffelser',
  },
  AssignContractFollowUp: {
    path: 'procurements/:procurementId/follow-up',
    summary: 'Plasser ansvar for kontraktsoppfølging',
    tag: 'anskaffelser',
  },
  RegisterCompany: { path: 'companies', summary: 'Registrer et selskap kommunen eier', tag: 'eierstyring' },
  EndCompanyOwnership: {
    path: 'companies/:companyId/ownership-end',
    summary: 'Avslutt eierskap i et selskap',
    tag: 'eierstyring',
  },
  AdoptOwnershipReport: { path: 'ownership-reports', summary: 'Vedta eierskapsmelding', tag: 'eierstyring' },
  AdoptRiskScale: { path: 'risk-scales', summary: 'Vedta en versjon av risikoskalaen', tag: 'risiko' },
  AssessRisk: {
    path: 'risks/:riskId/assessments',
    summary: 'Vurder (eller revurder) en risiko',
    tag: 'risiko',
  },
  DecideRiskTreatment: {
    path: 'risks/:riskId/treatments',
    summary: 'Bestem risikohåndtering',
    tag: 'risiko',
  },
  CloseRisk: { path: 'risks/:riskId/closure', summary: 'Lukk en risiko', tag: 'risiko' },
  SubmitReport: { path: 'reports', summary: 'Lever en rapport i årshjulet', tag: 'rapportering' },
  CompleteInternalControlChecklist: {
    path: 'internal-control-checklists',
    summary: 'Fullfør sjekkliste for internkontroll',
    tag: 'rapportering',
  },
  RecordDeviation: { path: 'deviations', summary: 'Registrer et avvik', tag: 'rapportering' },
  CloseDeviation: { path: 'deviations/:deviationId/closure', summary: 'Lukk et avvik', tag: 'rapportering' },
  CorrectEvent: {
    path: 'events/:correctedEventId/corrections',
    summary: 'Korriger felter i en tidligere hendelse',
    tag: 'korrigeringer',
  },
};

/** The names of a route's path parameters, in order. */
export const pathParameters = (path: string): readonly string[] =>
  [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '');
