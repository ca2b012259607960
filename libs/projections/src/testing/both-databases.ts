import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import type { EventSource } from '../governance/revisions';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { RunnerProjection } from '../runner/runner-projection';
import { postgresReadModelDatabase } from './read-model-databases';
import { openTestHistory, type TestHistory } from './test-history';

/** `openTestHistory`, with the read models in one database or the other. */
export type OpenTestHistory = (
  projections: (source: EventSource) => readonly RunnerProjection<ReadModelTx>[],
) => TestHistory;

let schemas = 0;

/**
 * The same suite twice: with the read models in SQLite beside the events, and in PostgreSQL (a throwaway
 * cluster, a schema of their own per history). The suite opens its histories with the function it is
 * given, so every query is asked of both databases and must answer the same.
 */
export const describeOnBothDatabases = (title: string, suite: (open: OpenTestHistory) => void): void => {
  describe(`${title} (read models in SQLite)`, () => suite((projections) => openTestHistory(projections)));
  describeWithPostgres(`${title} (read models in PostgreSQL)`, (cluster) => {
    let connectionString: string | undefined;
    beforeAll(async () => {
      connectionString = await cluster().createDatabase('read_models');
    });
    suite((projections) =>
      openTestHistory(projections, () => {
        if (connectionString === undefined) throw new Error('the read-model database is not created yet');
        schemas += 1;
        return postgresReadModelDatabase(connectionString, `read_models_${process.pid}_${schemas}`);
      }),
    );
  });
};
