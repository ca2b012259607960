import { Client } from 'pg';

/** A lock the test holds on a store's event table: appends wait for it, reads do not. */
export interface HeldAppends {
  /** Resolves once some session waits for the lock (an append is in flight), or fails after `timeoutMs`. */
  untilAnAppendWaits(timeoutMs?: number): Promise<void>;
  release(): Promise<void>;
}

/**
 * Makes every append to the store in `schema` wait until `release()`, so a test can act while a write is
 * in flight (a shutdown, a signal). Holds a table lock that conflicts with INSERT and not with SELECT.
 */
export const holdAppends = async (connectionString: string, schema = 'styring'): Promise<HeldAppends> => {
  const table = `"${schema}"."events"`;
  const client = new Client({ connectionString });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
  const waiting = async () =>
    (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = '${table}'::regclass`,
      )
    ).rows[0]!.n;
  return {
    async untilAnAppendWaits(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await waiting()) === 0) {
        if (Date.now() > deadline) throw new Error(`no append waited for ${table} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
};
