import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import * as authority from './authority/messages';
import type { CommandType } from './command-types';
import * as corrections from './corrections/messages';
import * as organisation from './organisation/messages';
import * as ownership from './ownership/messages';
import * as plans from './plans/messages';
import * as projects from './portfolio/project-messages';
import * as ranking from './portfolio/ranking-messages';
import * as procurement from './procurement/messages';
import * as reporting from './reporting/messages';
import * as risk from './risk/messages';
import { type DecodeFailure, decodeFailure } from './shared/decode-failure';
import { taggedUnion } from './shared/struct';

/** Every command's codec, by its `type`. */
export const commandCodecs = {
  EstablishUnit: organisation.EstablishUnit,
  DissolveUnit: organisation.DissolveUnit,
  DelegateAuthority: authority.DelegateAuthority,
  RevokeAuthority: authority.RevokeAuthority,
  AdoptPlan: plans.AdoptPlan,
  RevisePlan: plans.RevisePlan,
  RetirePlan: plans.RetirePlan,
  RegisterProject: projects.RegisterProject,
  ReportProjectStatus: projects.ReportProjectStatus,
  CompleteProject: projects.CompleteProject,
  CancelProject: projects.CancelProject,
  EvaluateProject: projects.EvaluateProject,
  PrioritizeProject: ranking.PrioritizeProject,
  RegisterProcurement: procurement.RegisterProcurement,
  AwardContract: procurement.AwardContract,
  AssignContractFollowUp: procurement.AssignContractFollowUp,
  RegisterCompany: ownership.RegisterCompany,
  EndCompanyOwnership: ownership.EndCompanyOwnership,
  AdoptOwnershipReport: ownership.AdoptOwnershipReport,
  AdoptRiskScale: risk.AdoptRiskScale,
  AssessRisk: risk.AssessRisk,
  DecideRiskTreatment: risk.DecideRiskTreatment,
  CloseRisk: risk.CloseRisk,
  SubmitReport: reporting.SubmitReport,
  CompleteInternalControlChecklist: reporting.CompleteInternalControlChecklist,
  RecordDeviation: reporting.RecordDeviation,
  CloseDeviation: reporting.CloseDeviation,
  CorrectEvent: corrections.CorrectEvent,
} as const satisfies { readonly [K in CommandType]: t.Decoder<unknown, { readonly type: K }> };

/** Any command, told apart by `type`. */
export const GovernanceCommand = taggedUnion('GovernanceCommand', 'type', commandCodecs);
export type GovernanceCommand = t.TypeOf<(typeof commandCodecs)[CommandType]>;

/** The command of one type: `CommandOf<'AdoptPlan'>`. */
export type CommandOf<T extends CommandType> = Extract<GovernanceCommand, { readonly type: T }>;

/**
 * The only way from untrusted input (an HTTP body, CLI flags) to a command: every bad field is named by its
 * path and why; unknown fields are refused rather than dropped.
 */
export const decodeCommand = (input: unknown): E.Either<DecodeFailure, GovernanceCommand> =>
  pipe(GovernanceCommand.decode(input), E.mapLeft(decodeFailure));
