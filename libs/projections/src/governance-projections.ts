import type Database from 'better-sqlite3';
import type { EventReader, EventSubscriber } from '@styring/eventstore';
import type { RunnerProjection } from './runner/runner-projection';
import { authorityProjectionSpec } from './authority/authority-projection';
import { changeLogProjectionSpec } from './change-log/change-log-projection';
import { decisionLogProjectionSpec } from './decision-log/decision-log-projection';
import { governanceProjection, type GovernanceProjectionSpec } from './governance/governance-projection';
import type { EventSource } from './governance/revisions';
import { planRegisterProjectionSpec } from './plan-register/plan-register-projection';
import { portfolioProjectionSpec } from './portfolios/portfolio-projection';
import { reportingCalendarProjectionSpec } from './reporting-calendar/reporting-calendar-projection';
import { riskRegisterProjectionSpec } from './risk-register/risk-register-projection';
import { organizationUnitsProjectionSpec } from './organization-units/organization-units-projection';
import { procurementsProjectionSpec } from './procurements/procurements-projection';
import { ownershipProjectionSpec } from './ownership/ownership-projection';
import { type CatchUpProgress, ProjectionRunner } from './runner/projection-runner';
import { supervisionRegisterProjectionSpec } from './supervision-register/supervision-register-projection';
import { countEventsAfter } from './sqlite/count-events';
import { internalControlProjectionSpec } from './internal-control/internal-control-projection';
import { projectFolderProjectionSpec } from './project-folder/project-folder-projection';
import { sqliteProjectionStore, type SqliteTx } from './sqlite/sqlite-projection-store';
import type { ReadModelTx } from './read-models/read-model-tx';
import type { ProjectionStore } from './runner/projection-store';
import type { PostgresTx } from './postgres/postgres-tx';

/** The read models of the governance history, each with what it does with every event type. */
export const governanceProjectionSpecs: readonly GovernanceProjectionSpec[] = [
  decisionLogProjectionSpec,
  planRegisterProjectionSpec,
  portfolioProjectionSpec,
  riskRegisterProjectionSpec,
  reportingCalendarProjectionSpec,
  authorityProjectionSpec,
  changeLogProjectionSpec,
  internalControlProjectionSpec,
  projectFolderProjectionSpec,
  supervisionRegisterProjectionSpec,
  organizationUnitsProjectionSpec,
  procurementsProjectionSpec,
  ownershipProjectionSpec,
];

/** The read models of the governance history, fed by one runner. */
export const governanceProjections = (source: EventSource): RunnerProjection<ReadModelTx>[] =>
  governanceProjectionSpecs.map((spec) => governanceProjection(spec, source));

export interface SqliteProjectionRunnerOptions {
  /** The event store: read once per pass, and asked for the original of each corrected event. */
  readonly events: EventReader & EventSubscriber;
  /**
   * The SQLite connection the read models and checkpoints live in: by default the SQLite event store's own
   * file (`SqliteEventStore.openConnection()`), or a local file when the events are elsewhere.
   */
  readonly db: Database.Database;
  /** The governance read models by default. */
  readonly projections?: readonly RunnerProjection<SqliteTx>[];
  readonly batchSize?: number;
  readonly onProgress?: (progress: CatchUpProgress) => void;
}

/** Whether the connection is to the SQLite event store's own file, whose events can then be counted. */
const holdsTheEvents = (db: Database.Database): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'events'").get() !== undefined;

/**
 * A runner for SQLite read models: every batch and its checkpoints commit in one `BEGIN IMMEDIATE`
 * transaction on `db`. Progress shows a total when the events live in the same file.
 */
export const sqliteProjectionRunner = (
  options: SqliteProjectionRunnerOptions,
): ProjectionRunner<SqliteTx> => {
  const { db } = options;
  return new ProjectionRunner<SqliteTx>({
    events: options.events,
    store: sqliteProjectionStore(db),
    projections: options.projections ?? governanceProjections(options.events),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(holdsTheEvents(db)
      ? { countEventsAfter: (after: bigint | undefined) => countEventsAfter(db, after) }
      : {}),
  });
};

export interface PostgresProjectionRunnerOptions {
  /** The event store: read once per pass, and asked for the original of each corrected event. */
  readonly events: EventReader & EventSubscriber;
  /** Where the read models and checkpoints live (`openPostgresReadModels(…).store`). */
  readonly store: ProjectionStore<PostgresTx>;
  /** The governance read models by default. */
  readonly projections?: readonly RunnerProjection<PostgresTx>[];
  readonly batchSize?: number;
  readonly onProgress?: (progress: CatchUpProgress) => void;
}

/**
 * A runner for read models in PostgreSQL: every batch and its checkpoints commit in one transaction, and
 * several processes may run one on the same database (see `postgresProjectionStore`).
 */
export const postgresProjectionRunner = (
  options: PostgresProjectionRunnerOptions,
): ProjectionRunner<PostgresTx> =>
  new ProjectionRunner<PostgresTx>({
    events: options.events,
    store: options.store,
    projections: options.projections ?? governanceProjections(options.events),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
