import type { CommandType } from '@styring/governance';
import type { Role } from '@styring/app';

/*
 * Which role may send which command through the service. This is the coarse gate (403); whether the
 * deciding body had the authority for a decision is the domain's rule (422). The revisor only reads.
 */
const secretariat = 'kommunestyre-sekretariat';
const line: readonly Role[] = ['kommunedirektor', 'direktor', 'virksomhetsleder', 'styv'];
const councilAndExecutive: readonly Role[] = [secretariat, 'kommunedirektor'];

export const commandPermissions: Readonly<Record<CommandType, readonly Role[]>> = {
  EstablishUnit: councilAndExecutive,
  DissolveUnit: councilAndExecutive,
  DelegateAuthority: [...councilAndExecutive, 'direktor'],
  RevokeAuthority: [...councilAndExecutive, 'direktor'],
  AdoptPlan: [secretariat, ...line],
  RevisePlan: [secretariat, ...line],
  RetirePlan: [secretariat, ...line],
  RegisterProject: line,
  ReportProjectStatus: line,
  CompleteProject: line,
  CancelProject: [secretariat, ...line],
  EvaluateProject: line,
  PrioritizeProject: [...councilAndExecutive, 'styv'],
  RegisterProcurement: line,
  AwardContract: line,
  AssignContractFollowUp: line,
  RegisterCompany: councilAndExecutive,
  EndCompanyOwnership: councilAndExecutive,
  AdoptOwnershipReport: councilAndExecutive,
  AdoptRiskScale: councilAndExecutive,
  AssessRisk: line,
  DecideRiskTreatment: line,
  CloseRisk: line,
  SubmitReport: line,
  CompleteInternalControlChecklist: line,
  RecordDeviation: line,
  CloseDeviation: line,
  CorrectEvent: [...councilAndExecutive, 'styv'],
};

/** Who may download audit exports. */
export const exportRoles: readonly Role[] = ['revisor', 'styv'];

/** Who may read the attempt log (refused commands): the same auditors. */
export const attemptLogRoles: readonly Role[] = exportRoles;
