import type * as t from 'io-ts';
import * as authority from './authority/messages';
import * as corrections from './corrections/messages';
import * as organisation from './organisation/messages';
import * as ownership from './ownership/messages';
import * as plans from './plans/messages';
import * as projects from './portfolio/project-messages';
import * as ranking from './portfolio/ranking-messages';
import * as procurement from './procurement/messages';
import * as reporting from './reporting/messages';
import * as risk from './risk/messages';

/** Every event's codec, by its `type` (the stored type name). */
export const eventCodecs = {
  UnitEstablished: organisation.UnitEstablished,
  UnitDissolved: organisation.UnitDissolved,
  AuthorityDelegated: authority.AuthorityDelegated,
  AuthorityRevoked: authority.AuthorityRevoked,
  PlanAdopted: plans.PlanAdopted,
  PlanRevised: plans.PlanRevised,
  PlanRetired: plans.PlanRetired,
  ProjectRegistered: projects.ProjectRegistered,
  ProjectStatusReported: projects.ProjectStatusReported,
  ProjectCompleted: projects.ProjectCompleted,
  ProjectCancelled: projects.ProjectCancelled,
  ProjectEvaluated: projects.ProjectEvaluated,
  ProjectPrioritized: ranking.ProjectPrioritized,
  ProcurementRegistered: procurement.ProcurementRegistered,
  ContractAwarded: procurement.ContractAwarded,
  ContractFollowUpAssigned: procurement.ContractFollowUpAssigned,
  CompanyRegistered: ownership.CompanyRegistered,
  CompanyOwnershipEnded: ownership.CompanyOwnershipEnded,
  OwnershipReportAdopted: ownership.OwnershipReportAdopted,
  RiskScaleAdopted: risk.RiskScaleAdopted,
  RiskAssessed: risk.RiskAssessed,
  RiskTreatmentDecided: risk.RiskTreatmentDecided,
  RiskClosed: risk.RiskClosed,
  ReportSubmitted: reporting.ReportSubmitted,
  InternalControlChecklistCompleted: reporting.InternalControlChecklistCompleted,
  DeviationRecorded: reporting.DeviationRecorded,
  DeviationClosed: reporting.DeviationClosed,
  EventCorrected: corrections.EventCorrected,
} as const satisfies { readonly [K in string]: t.Decoder<unknown, { readonly type: K }> };

export type GovernanceEventType = keyof typeof eventCodecs;
export type GovernanceEvent = t.TypeOf<(typeof eventCodecs)[GovernanceEventType]>;

/** The event of one type: `EventOf<'PlanAdopted'>`. */
export type EventOf<T extends GovernanceEventType> = Extract<GovernanceEvent, { readonly type: T }>;

/** Every stored event type name of the domain (for store filters and projections' `canHandle`). */
export const governanceEventTypes = Object.keys(eventCodecs) as readonly GovernanceEventType[];

export const isGovernanceEventType = (type: string): type is GovernanceEventType =>
  Object.hasOwn(eventCodecs, type);

/**
 * The schema version each event type is written with now. Older versions are read through the upcasters
 * (`upcasters.ts`); stored bytes are never rewritten.
 */
export const currentSchemaVersions: Readonly<Record<GovernanceEventType, number>> = {
  ...(Object.fromEntries(governanceEventTypes.map((type) => [type, 1])) as Record<
    GovernanceEventType,
    number
  >),
  PlanAdopted: 2,
};
