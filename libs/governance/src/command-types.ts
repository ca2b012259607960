import * as t from 'io-ts';

/**
 * The name of every command, in one place: delegations name the command types they cover, so this list is
 * part of the recorded vocabulary. `governance-command.ts` checks that it matches the commands' codecs.
 */
export const CommandType = t.keyof(
  {
    EstablishUnit: null,
    DissolveUnit: null,
    DelegateAuthority: null,
    RevokeAuthority: null,
    AdoptPlan: null,
    RevisePlan: null,
    RetirePlan: null,
    RegisterProject: null,
    ReportProjectStatus: null,
    CompleteProject: null,
    CancelProject: null,
    EvaluateProject: null,
    PrioritizeProject: null,
    RegisterProcurement: null,
    AwardContract: null,
    AssignContractFollowUp: null,
    RegisterCompany: null,
    EndCompanyOwnership: null,
    AdoptOwnershipReport: null,
    AdoptRiskScale: null,
    AssessRisk: null,
    DecideRiskTreatment: null,
    CloseRisk: null,
    SubmitReport: null,
    CompleteInternalControlChecklist: null,
    RecordDeviation: null,
    CloseDeviation: null,
    CorrectEvent: null,
  },
  'CommandType',
);
export type CommandType = t.TypeOf<typeof CommandType>;

export const commandTypes = Object.keys(CommandType.keys) as readonly CommandType[];
