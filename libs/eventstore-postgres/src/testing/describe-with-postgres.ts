import { describeWithTool } from '@styring/eventstore-testkit';
import { findPostgresBinaries, startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster';

/**
 * A Jest `describe` whose tests get a private throwaway PostgreSQL cluster, started once before them and
 * destroyed after. Without PostgreSQL binaries it is gated like every optional tool (`describeWithTool`):
 * a failing test under CI, a skip that says what to install elsewhere.
 */
export const describeWithPostgres = (
  title: string,
  body: (cluster: () => ThrowawayCluster) => void,
): void => {
  const postgres = {
    name: 'PostgreSQL binaries (initdb, pg_ctl) on PATH, in $PG_BIN_DIR or in /usr/lib/postgresql/*/bin',
    install: 'apt-get install postgresql',
    found: findPostgresBinaries() !== undefined,
  };
  describeWithTool(postgres, title, () => {
    let cluster: ThrowawayCluster | undefined;
    beforeAll(async () => {
      cluster = await startThrowawayCluster();
    }, 60_000);
    afterAll(async () => {
      await cluster?.destroy();
    });
    body(() => {
      if (cluster === undefined) throw new Error('the throwaway PostgreSQL cluster is not running');
      return cluster;
    });
  });
};
