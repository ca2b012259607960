import type * as t from 'io-ts';
import {
  changesBetween,
  changeLog,
  changeLogAnswer,
  decisionLog,
  decisionLogAnswer,
  decisionsUnderDelegations,
  decisionsUnderDelegationsAnswer,
  decisionsWithoutAuthority,
  decisionsWithoutAuthorityAnswer,
  delegationsInForce,
  delegationsInForceAnswer,
  overdueRiskReviews,
  overdueRiskReviewsAnswer,
  planGoals,
  planGoalsAnswer,
  planHierarchy,
  planHierarchyAnswer,
  planRegister,
  planRegisterAnswer,
  plansInForce,
  plansInForceAnswer,
  planVersions,
  planVersionsAnswer,
  portfolioRanking,
  portfolioRankingAnswer,
  prioritizationHistory,
  prioritizationHistoryAnswer,
  projectRegister,
  projectRegisterAnswer,
  reportingCalendar,
  reportingCalendarAnswer,
  reportSubmissions,
  reportSubmissionsAnswer,
  riskHistory,
  riskHistoryAnswer,
  riskMatrix,
  riskMatrixAnswer,
  riskRegister,
  supervisions,
  type ReadModelReader,
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
  changesBetweenAnswer,
  internalControlChecklistsAnswer,
  avvikRegisterAnswer,
  avvikByUnitAnswer,
  riskTreatmentsAnswer,
  planAssignmentsAnswer,
  projectFolderAnswer,
  supervisionsAnswer,
  organizationUnitsAnswer,
  delegationRegisterAnswer,
  procurementRegisterAnswer,
  companyRegisterAnswer,
  ownershipReportsAnswer,
  riskRegisterAnswer,
} from '@styring/projections';

/**
 * Every query of every read model in `@styring/projections`, by the name its query class has on the
 * QueryBus, with the read model it reads and the io-ts codec of its answer (which the API turns into its
 * OpenAPI response schema). Each takes a point in time (`asOf`, `knownAt`; `clock` in the older form) among its options.
 */
export const readModelQueries = {
  DecisionLog: { readModel: 'decision-log', answer: decisionLogAnswer, run: decisionLog },
  ChangeLog: { readModel: 'change-log', answer: changeLogAnswer, run: changeLog },
  PlanRegister: { readModel: 'plan-register', answer: planRegisterAnswer, run: planRegister },
  PlansInForce: { readModel: 'plan-register', answer: plansInForceAnswer, run: plansInForce },
  PlanVersions: { readModel: 'plan-register', answer: planVersionsAnswer, run: planVersions },
  PlanHierarchy: { readModel: 'plan-register', answer: planHierarchyAnswer, run: planHierarchy },
  PlanGoals: { readModel: 'plan-register', answer: planGoalsAnswer, run: planGoals },
  ProjectRegister: { readModel: 'portfolios', answer: projectRegisterAnswer, run: projectRegister },
  PortfolioRanking: { readModel: 'portfolios', answer: portfolioRankingAnswer, run: portfolioRanking },
  PrioritizationHistory: {
    readModel: 'portfolios',
    answer: prioritizationHistoryAnswer,
    run: prioritizationHistory,
  },
  RiskRegister: { readModel: 'risk-register', answer: riskRegisterAnswer, run: riskRegister },
  RiskHistory: { readModel: 'risk-register', answer: riskHistoryAnswer, run: riskHistory },
  RiskMatrix: { readModel: 'risk-register', answer: riskMatrixAnswer, run: riskMatrix },
  OverdueRiskReviews: {
    readModel: 'risk-register',
    answer: overdueRiskReviewsAnswer,
    run: overdueRiskReviews,
  },
  ReportSubmissions: {
    readModel: 'reporting-calendar',
    answer: reportSubmissionsAnswer,
    run: reportSubmissions,
  },
  ReportingCalendar: {
    readModel: 'reporting-calendar',
    answer: reportingCalendarAnswer,
    run: reportingCalendar,
  },
  DelegationsInForce: { readModel: 'authority', answer: delegationsInForceAnswer, run: delegationsInForce },
  DecisionsUnderDelegations: {
    readModel: 'authority',
    answer: decisionsUnderDelegationsAnswer,
    run: decisionsUnderDelegations,
  },
  DecisionsWithoutAuthority: {
    readModel: 'authority',
    answer: decisionsWithoutAuthorityAnswer,
    run: decisionsWithoutAuthority,
  },
  Changes: { readModel: 'change-log', answer: changesBetweenAnswer, run: changesBetween },
  InternalControlChecklists: {
    readModel: 'internal-control',
    answer: internalControlChecklistsAnswer,
    run: internalControlChecklists,
  },
  AvvikRegister: { readModel: 'internal-control', answer: avvikRegisterAnswer, run: avvikRegister },
  AvvikByUnit: { readModel: 'internal-control', answer: avvikByUnitAnswer, run: avvikByUnit },
  RiskTreatments: { readModel: 'risk-register', answer: riskTreatmentsAnswer, run: riskTreatments },
  PlanAssignments: { readModel: 'plan-register', answer: planAssignmentsAnswer, run: planAssignments },
  ProjectFolder: { readModel: 'project-folder', answer: projectFolderAnswer, run: projectFolder },
  Supervisions: { readModel: 'supervision-register', answer: supervisionsAnswer, run: supervisions },
  OrganizationUnits: {
    readModel: 'organization-units',
    answer: organizationUnitsAnswer,
    run: organizationUnits,
  },
  DelegationRegister: { readModel: 'authority', answer: delegationRegisterAnswer, run: delegationRegister },
  ProcurementRegister: {
    readModel: 'procurements',
    answer: procurementRegisterAnswer,
    run: procurementRegister,
  },
  CompanyRegister: { readModel: 'ownership', answer: companyRegisterAnswer, run: companyRegister },
  OwnershipReports: { readModel: 'ownership', answer: ownershipReportsAnswer, run: ownershipReports },
} as const satisfies Record<
  string,
  {
    readonly readModel: string;
    readonly answer: t.Mixed;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each query has its own options type
    readonly run: (reader: ReadModelReader, query: any) => Promise<unknown>;
  }
>;

export type ReadModelQueryName = keyof typeof readModelQueries;
type Run<N extends ReadModelQueryName> = (typeof readModelQueries)[N]['run'];
/** The options of a query: its filters and its point in time (`asOf`, `knownAt`, `clock`). */
export type QueryOptions<N extends ReadModelQueryName> = NonNullable<Parameters<Run<N>>[1]>;
export type QueryAnswer<N extends ReadModelQueryName> = Awaited<ReturnType<Run<N>>>;

/** The queries whose answer is not of their codec's type: none, or the compiler names them below. */
type AnswerMismatch = {
  [N in ReadModelQueryName]: QueryAnswer<N> extends t.TypeOf<(typeof readModelQueries)[N]['answer']>
    ? never
    : N;
}[ReadModelQueryName];
export const everyAnswerMatchesItsCodec: [AnswerMismatch] extends [never] ? true : AnswerMismatch = true;
