import { Client } from 'pg';
import { newEvent } from '@styring/eventstore-testkit';
import { openPostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

describeWithPostgres('PostgreSQL live subscriptions', (cluster) => {
  /** Whether the iterator yields within `withinMs`. */
  const arrivesWithin = async (iterator: AsyncIterator<unknown>, withinMs: number) =>
    (await Promise.race([
      iterator.next(),
      new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), withinMs)),
    ])) !== 'late';

  it('wakes at once on an append from another process (LISTEN/NOTIFY), not at the next poll', async () => {
    const connection = cluster().connectionString();
    const reader = await openPostgresEventStore({ connection, schema: 'notified', pollIntervalMs: 60_000 });
    const writer = await openPostgresEventStore({ connection, schema: 'notified' });
    const subscription = reader.subscribeToAll();
    try {
      const events = subscription[Symbol.asyncIterator]();
      const waiting = arrivesWithin(events, 5000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await writer.appendToStream('s', [newEvent('announced')], { expectedRevision: 'any' });
      expect(await waiting).toBe(true);
    } finally {
      await subscription.close();
      await Promise.all([reader.close(), writer.close()]);
    }
  });

  it('still delivers when its LISTEN connection is cut (it polls, and listens again)', async () => {
    const connection = cluster().connectionString();
    const store = await openPostgresEventStore({ connection, schema: 'cut_off', pollIntervalMs: 200 });
    const subscription = store.subscribeToAll();
    const admin = new Client({ connectionString: connection });
    await admin.connect();
    try {
      const events = subscription[Symbol.asyncIterator]();
      const waiting = arrivesWithin(events, 5000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const cut = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "cut_off_appended"'`,
      );
      expect(cut.rowCount).toBe(1);
      await store.appendToStream('s', [newEvent('polled')], { expectedRevision: 'any' });
      expect(await waiting).toBe(true);
    } finally {
      await admin.end();
      await subscription.close();
      await store.close();
    }
  });
});
