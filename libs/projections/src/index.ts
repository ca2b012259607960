// The runner: exactly-once projection of the global log, independent of where read models are stored.
export * from './runner/projection-store';
export * from './runner/projection-runner';
export * from './runner/runner-projection';

// SQLite: read models and checkpoints in one transaction, by default in the event store's own file.
export * from './sqlite/sqlite-projection-store';
export * from './sqlite/sqlite-read-model-reader';
export * from './sqlite/sqlite-read-snapshot';
export * from './read-models/held-read-models';
export * from './read-models/read-model-reader';
export * from './governance-projections';
export type { ReadModelTx } from './read-models/read-model-tx';

// PostgreSQL: read models and checkpoints in a schema of the event store's database, shared by every instance.
export * from './postgres/postgres-read-models';
export type { PostgresTx } from './postgres/postgres-tx';

// Point in time on both clocks, and the error every query throws for a bad argument.
export * from './point-in-time';
export * from './oslo-time';

// The read models and their queries.
export { decisionLogName, decisionLogProjection } from './decision-log/decision-log-projection';
export * from './decision-log/decision-log-queries';
export * from './decision-log/decision-log-answers';
export { planRegisterName, planRegisterProjection } from './plan-register/plan-register-projection';
export * from './plan-register/plan-register-queries';
export * from './plan-register/plan-register-answers';
export { portfoliosName, portfolioProjection } from './portfolios/portfolio-projection';
export * from './portfolios/portfolio-queries';
export * from './portfolios/portfolio-answers';
export { riskRegisterName, riskRegisterProjection } from './risk-register/risk-register-projection';
export * from './risk-register/risk-register-queries';
export * from './risk-register/risk-register-answers';
export {
  reportingCalendarName,
  reportingCalendarProjection,
} from './reporting-calendar/reporting-calendar-projection';
export * from './reporting-calendar/reporting-calendar-queries';
export * from './reporting-calendar/reporting-calendar-answers';
export { authorityName, authorityProjection } from './authority/authority-projection';
export * from './authority/authority-queries';
export * from './authority/authority-answers';
export { changeLogName, changeLogProjection } from './change-log/change-log-projection';
export * from './change-log/change-log-queries';
export {
  supervisionRegisterName,
  supervisionRegisterProjection,
} from './supervision-register/supervision-register-projection';
export * from './supervision-register/supervision-register-queries';
export * from './supervision-register/supervision-register-answers';
export * from './change-log/change-log-answers';
export type { DecisionSummary } from './governance/decision-columns';
export { UndecodableEventError } from './governance/decode';
export type { EventSource } from './governance/revisions';

// A realistic synthetic history, for benchmarks, crash tests and demos of scale.
export * from './synthetic/synthetic-history';
export * from './answers/answer-codecs';
export * from './changes/changes-answers';
export * from './changes/changes-queries';
export {
  internalControlName,
  internalControlProjection,
} from './internal-control/internal-control-projection';
export * from './internal-control/checklist-register-queries';
export * from './internal-control/checklist-register-answers';
export * from './internal-control/avvik-register-queries';
export * from './internal-control/avvik-register-answers';
export * from './risk-register/risk-register-answers';
export * from './plan-register/plan-assignments-queries';
export * from './plan-register/plan-assignments-answers';
export { projectFolderName, projectFolderProjection } from './project-folder/project-folder-projection';
export * from './project-folder/project-folder-queries';
export * from './project-folder/project-folder-answers';
export {
  organizationUnitsName,
  organizationUnitsProjection,
} from './organization-units/organization-units-projection';
export * from './organization-units/organization-units-queries';
export * from './organization-units/organization-units-answers';
export * from './authority/delegation-register-queries';
export * from './authority/delegation-register-answers';
export { procurementsName, procurementsProjection } from './procurements/procurements-projection';
export * from './procurements/procurements-queries';
export * from './procurements/procurements-answers';
export { ownershipName, ownershipProjection } from './ownership/ownership-projection';
export * from './ownership/ownership-queries';
export * from './ownership/ownership-answers';
export * from './answers/provenance';
export * from './answers/decision-answer';
