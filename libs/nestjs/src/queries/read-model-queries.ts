import type Database from 'better-sqlite3';
import {
  changesBetween,
  changeLog,
  decisionLog,
  decisionsUnderDelegations,
  decisionsWithoutAuthority,
  delegationsInForce,
  overdueRiskReviews,
  planGoals,
  planHierarchy,
  planRegister,
  plansInForce,
  planVersions,
  portfolioRanking,
  prioritizationHistory,
  projectRegister,
  reportingCalendar,
  reportSubmissions,
  riskHistory,
  riskMatrix,
  riskRegister,
  supervisions,
} from '@styring/projections';
import {
  avvikByUnit,
  avvikRegister,
  internalControlChecklists,
  planAssignments,
  projectFolder,
  riskTreatments,
  organizationUnits,
  delegationRegister,
  procurementRegister,
  companyRegister,
  ownershipReports,
} from '@styring/projections';

/**
 * Every query of every read model in `@styring/projections`, by the name its query class has on the
 * QueryBus, with the read model it reads. Each takes a point in time (`asOf`, `knownAt`; `clock` in the older form) among its options.
 */
export const readModelQueries = {
  DecisionLog: { readModel: 'decision-log', run: decisionLog },
  ChangeLog: { readModel: 'change-log', run: changeLog },
  PlanRegister: { readModel: 'plan-register', run: planRegister },
  PlansInForce: { readModel: 'plan-register', run: plansInForce },
  PlanVersions: { readModel: 'plan-register', run: planVersions },
  PlanHierarchy: { readModel: 'plan-register', run: planHierarchy },
  PlanGoals: { readModel: 'plan-register', run: planGoals },
  ProjectRegister: { readModel: 'portfolios', run: projectRegister },
  PortfolioRanking: { readModel: 'portfolios', run: portfolioRanking },
  PrioritizationHistory: { readModel: 'portfolios', run: prioritizationHistory },
  RiskRegister: { readModel: 'risk-register', run: riskRegister },
  RiskHistory: { readModel: 'risk-register', run: riskHistory },
  RiskMatrix: { readModel: 'risk-register', run: riskMatrix },
  OverdueRiskReviews: { readModel: 'risk-register', run: overdueRiskReviews },
  ReportSubmissions: { readModel: 'reporting-calendar', run: reportSubmissions },
  ReportingCalendar: { readModel: 'reporting-calendar', run: reportingCalendar },
  DelegationsInForce: { readModel: 'authority', run: delegationsInForce },
  DecisionsUnderDelegations: { readModel: 'authority', run: decisionsUnderDelegations },
  DecisionsWithoutAuthority: { readModel: 'authority', run: decisionsWithoutAuthority },
  Changes: { readModel: 'change-log', run: changesBetween },
  InternalControlChecklists: { readModel: 'internal-control', run: internalControlChecklists },
  AvvikRegister: { readModel: 'internal-control', run: avvikRegister },
  AvvikByUnit: { readModel: 'internal-control', run: avvikByUnit },
  RiskTreatments: { readModel: 'risk-register', run: riskTreatments },
  PlanAssignments: { readModel: 'plan-register', run: planAssignments },
  ProjectFolder: { readModel: 'project-folder', run: projectFolder },
  Supervisions: { readModel: 'supervision-register', run: supervisions },
  OrganizationUnits: { readModel: 'organization-units', run: organizationUnits },
  DelegationRegister: { readModel: 'authority', run: delegationRegister },
  ProcurementRegister: { readModel: 'procurements', run: procurementRegister },
  CompanyRegister: { readModel: 'ownership', run: companyRegister },
  OwnershipReports: { readModel: 'ownership', run: ownershipReports },
} as const satisfies Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query has its own options type
  { readonly readModel: string; readonly run: (db: Database.Database, query: any) => unknown }
>;

export type ReadModelQueryName = keyof typeof readModelQueries;
type Run<N extends ReadModelQueryName> = (typeof readModelQueries)[N]['run'];
/** The options of a query: its filters and its point in time (`asOf`, `knownAt`, `clock`). */
export type QueryOptions<N extends ReadModelQueryName> = NonNullable<Parameters<Run<N>>[1]>;
export type QueryAnswer<N extends ReadModelQueryName> = ReturnType<Run<N>>;
