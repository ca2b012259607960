import { findPostgresBinaries, startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster';

/**
 * A Jest `describe` whose tests get a private throwaway PostgreSQL cluster, started once before them and
 * destroyed after. On a machine without PostgreSQL binaries it prints one line and skips, except under CI
 * (`CI=true`), where missing binaries are a failing test, never a silent skip.
 */
export const describeWithPostgres = (
  title: string,
  body: (cluster: () => ThrowawayCluster) => void,
): void => {
  if (findPostgresBinaries() === undefined) {
    const reason =
      'no PostgreSQL binaries (initdb, pg_ctl) on PATH, in $PG_BIN_DIR or in /usr/lib/postgresql/*/bin';
    if (process.env['CI'] === 'true') {
      describe(title, () => {
        it('finds PostgreSQL binaries to test against (required under CI)', () => {
          throw new Error(`${reason}: install PostgreSQL (apt-get install postgresql)`);
        });
      });
    } else {
      process.stdout.write(`Skipped '${title}': ${reason}.\n`);
      describe.skip(title, () => body(() => undefined as never));
    }
    return;
  }
  describe(title, () => {
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
