import { Client } from 'pg';
import { failureOf, newEvents } from '@styring/eventstore-testkit';
import { openPostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

describeWithPostgres('PostgreSQL schema and migrations', (cluster) => {
  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: cluster().connectionString() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const open = (schema: string) =>
    openPostgresEventStore({ connection: cluster().connectionString(), schema });

  it('creates its schema once, however many processes open it at the same time, and keeps the data', async () => {
    const stores = await Promise.all(Array.from({ length: 5 }, () => open('opened_together')));
    await stores[0]!.appendToStream('s', newEvents(2), { expectedRevision: 'no_stream' });
    await Promise.all(stores.map((store) => store.close()));

    const reopened = await open('opened_together');
    expect(await reopened.streamExists('s')).toBe(true);
    await reopened.close();
    const migrations = await admin((client) =>
      client.query('SELECT component, version FROM opened_together.schema_migrations ORDER BY version'),
    );
    expect(migrations.rows).toEqual([
      { component: 'event_log', version: 1 },
      { component: 'event_log', version: 2 },
      { component: 'event_log', version: 3 },
      { component: 'event_log', version: 4 },
      { component: 'event_log', version: 5 },
    ]);
  });

  it("refuses a schema that a newer styring has migrated further ('schema_too_new')", async () => {
    await (await open('from_the_future')).close();
    await admin((client) =>
      client.query(
        `INSERT INTO from_the_future.schema_migrations (component, version, description) VALUES ('event_log', 99, 'later')`,
      ),
    );
    expect((await failureOf(open('from_the_future'))).code).toBe('schema_too_new');
  });

  it("refuses a schema holding someone else's tables ('not_an_event_store')", async () => {
    await admin((client) =>
      client.query('CREATE SCHEMA payroll; CREATE TABLE payroll.salaries (amount int)'),
    );
    expect((await failureOf(open('payroll'))).code).toBe('not_an_event_store');
  });

  it("refuses a schema name that is not a plain identifier ('invalid_argument')", async () => {
    expect((await failureOf(open('styring"; DROP TABLE x; --'))).code).toBe('invalid_argument');
  });

  it('refuses to update, delete or truncate recorded events, even for the database owner', async () => {
    const store = await open('append_only');
    await store.appendToStream('s', newEvents(1), { expectedRevision: 'no_stream' });
    await store.close();
    for (const statement of [
      `UPDATE append_only.events SET type = 'forged'`,
      'DELETE FROM append_only.events',
      'TRUNCATE append_only.events',
    ]) {
      await expect(admin((client) => client.query(statement))).rejects.toThrow(
        'the event log is append-only',
      );
    }
  });
});
