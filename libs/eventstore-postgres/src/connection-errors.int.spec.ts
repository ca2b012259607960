import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { closedPort, failureOf, newEvents } from '@styring/eventstore-testkit';
import { openPostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

describeWithPostgres('PostgreSQL connection errors', (cluster) => {
  it("says 'unavailable', naming host and port but not the password, when no server listens", async () => {
    const port = await closedPort();
    const failure = await failureOf(
      openPostgresEventStore({ connection: `postgres://styring:hunter2-secret@127.0.0.1:${port}/styring` }),
    );
    expect(failure.code).toBe('unavailable');
    expect(failure.message).toContain(`127.0.0.1:${port}`);
    expect(failure.message).toContain("user 'styring'");
    expect(failure.message).not.toContain('hunter2-secret');
  });

  it("says 'authentication_failed', without the password, when the credentials are wrong", async () => {
    const admin = new Client({ connectionString: cluster().connectionString() });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE alice LOGIN PASSWORD 'right-password'`);
      await admin.query('GRANT CREATE ON DATABASE postgres TO alice');
      // This cluster trusts everyone; make it ask alice for her password over TCP.
      const hba = join(cluster().dataDir, 'pg_hba.conf');
      writeFileSync(hba, `host all alice 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
      await admin.query('SELECT pg_reload_conf()');
    } finally {
      await admin.end();
    }
    const at = `127.0.0.1:${cluster().port}/postgres`;

    const wrong = await failureOf(
      openPostgresEventStore({ connection: `postgres://alice:wrong-password-123@${at}` }),
    );
    expect(wrong.code).toBe('authentication_failed');
    expect(wrong.message).toContain(`127.0.0.1:${cluster().port}`);
    expect(wrong.message).toContain('alice');
    expect(wrong.message).not.toContain('wrong-password-123');

    const none = await failureOf(openPostgresEventStore({ connection: `postgres://alice@${at}` }));
    expect(none.code).toBe('authentication_failed');

    const store = await openPostgresEventStore({ connection: `postgres://alice:right-password@${at}` });
    await store.close();
  });

  it("says 'unavailable' when the database does not exist", async () => {
    const failure = await failureOf(
      openPostgresEventStore({ connection: cluster().connectionString('no_such_database') }),
    );
    expect(failure.code).toBe('unavailable');
    expect(failure.message).toContain('no_such_database');
  });

  it("says 'closed' for every use after close()", async () => {
    const store = await openPostgresEventStore({
      connection: cluster().connectionString(),
      schema: 'closing',
    });
    await store.close();
    await store.close();
    expect((await failureOf(store.appendToStream('s', newEvents(1), { expectedRevision: 'any' }))).code).toBe(
      'closed',
    );
    expect((await failureOf(store.streamExists('s'))).code).toBe('closed');
    expect(() => store.subscribeToAll()).toThrow('closed');
  });
});
