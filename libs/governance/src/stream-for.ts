import type { GovernanceCommand } from './governance-command';

/**
 * The stream categories: a stream id is `{category}-{id}` (EventStoreDB's convention, so `$ce-plan` finds
 * every plan), except the single `organisation` stream. No category is a prefix of another plus a hyphen,
 * so a store's prefix filter on `plan-` never matches another kind of stream.
 */
export const streamCategories = {
  organisation: 'organisation',
  delegation: 'delegation',
  plan: 'plan',
  project: 'project',
  ranking: 'ranking',
  procurement: 'procurement',
  company: 'company',
  ownershipReport: 'ownershipreport',
  riskScale: 'riskscale',
  risk: 'risk',
  report: 'report',
  checklist: 'checklist',
  deviation: 'deviation',
  correction: 'correction',
} as const;

const c = streamCategories;

/** The stream a command is decided on and appended to: the consistency boundary of the invariant it guards. */
export const streamFor = (command: GovernanceCommand): string => {
  switch (command.type) {
    case 'EstablishUnit':
    case 'DissolveUnit':
      return c.organisation;
    case 'DelegateAuthority':
    case 'RevokeAuthority':
      return `${c.delegation}-${command.delegationId}`;
    case 'AdoptPlan':
    case 'RevisePlan':
    case 'RetirePlan':
      return `${c.plan}-${command.planId}`;
    case 'RegisterProject':
    case 'ReportProjectStatus':
    case 'CompleteProject':
    case 'CancelProject':
    case 'EvaluateProject':
      return `${c.project}-${command.projectId}`;
    case 'PrioritizeProject':
      return `${c.ranking}-${command.portfolio}-${command.round}`;
    case 'RegisterProcurement':
    case 'AwardContract':
    case 'AssignContractFollowUp':
      return `${c.procurement}-${command.procurementId}`;
    case 'RegisterCompany':
    case 'EndCompanyOwnership':
      return `${c.company}-${command.companyId}`;
    case 'AdoptOwnershipReport':
      return `${c.ownershipReport}-${command.reportId}`;
    case 'AdoptRiskScale':
      return `${c.riskScale}-${command.scaleVersion}`;
    case 'AssessRisk':
    case 'DecideRiskTreatment':
    case 'CloseRisk':
      return `${c.risk}-${command.riskId}`;
    case 'SubmitReport':
      return `${c.report}-${command.reportId}`;
    case 'CompleteInternalControlChecklist':
      return `${c.checklist}-${command.unit}-${command.period.from}`;
    case 'RecordDeviation':
    case 'CloseDeviation':
      return `${c.deviation}-${command.deviationId}`;
    case 'CorrectEvent':
      return `${c.correction}-${command.correctedEventId}`;
  }
};
