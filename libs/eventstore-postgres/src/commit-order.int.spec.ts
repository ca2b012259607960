import { newEvent } from '@styring/eventstore-testkit';
import type { RecordedEvent } from '@styring/eventstore';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `promise` settles within `ms`. */
const settlesWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), settle(ms).then(() => false)]);

describeWithPostgres('PostgreSQL positions in commit order', (cluster) => {
  let store: PostgresEventStore;
  beforeEach(async () => {
    store = await openPostgresEventStore({
      connection: cluster().connectionString(),
      schema: `commit_order_${Date.now()}`,
    });
  });
  afterEach(() => store.close());

  it('never lets a reader see a later position while a transaction holding an earlier one is open', async () => {
    const early = newEvent('early');
    const late = newEvent('late');
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll();
    const subscribed = (async () => {
      for await (const event of subscription) {
        received.push(event);
        if (received.length === 2) return;
      }
    })();

    let commitEarly!: () => void;
    const earlyMayCommit = new Promise<void>((resolve) => (commitEarly = resolve));
    let earlyPosition!: bigint;
    // A transaction takes the next position with the store's own append function, and stays open.
    const earlyTransaction = store.withTransaction(async (client) => {
      const { rows } = await client.query<{ position: string }>(
        `SELECT "position"::text AS "position"
         FROM "${store.schema}".append_to_stream($1, 'any', $2, $3, $4, $5, $6, NULL)`,
        ['early-stream', [early.eventId], [early.type], [1], ['{}'], [JSON.stringify(early.metadata)]],
      );
      earlyPosition = BigInt(rows[0]!.position);
      await earlyMayCommit;
    });
    await settle(100);

    // A second writer comes while the first is open: it must not commit a position before it.
    const lateAppend = store.appendToStream('late-stream', [late], { expectedRevision: 'any' });
    expect(await settlesWithin(lateAppend, 300)).toBe(false);
    expect(await collectAll(store)).toEqual([]);
    expect(received).toEqual([]);

    commitEarly();
    await earlyTransaction;
    const lateOutcome = await lateAppend;
    await subscribed;

    expect(lateOutcome._tag === 'Appended' && lateOutcome.lastPosition).toBe(earlyPosition + 1n);
    expect(received.map((event) => event.eventId)).toEqual([early.eventId, late.eventId]);
    expect((await collectAll(store)).map((event) => event.globalPosition)).toEqual([
      earlyPosition,
      earlyPosition + 1n,
    ]);
    await subscription.close();
  });

  it('gives dense positions 1, 2, 3, … in commit order to many concurrent writers', async () => {
    const writers = await Promise.all(
      Array.from({ length: 4 }, () =>
        openPostgresEventStore({ connection: cluster().connectionString(), schema: store.schema }),
      ),
    );
    try {
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let n = 0; n < 25; n++) {
            await writer.appendToStream(`writer-${w}`, [newEvent('written'), newEvent('written')], {
              expectedRevision: 'any',
            });
          }
        }),
      );
    } finally {
      await Promise.all(writers.map((writer) => writer.close()));
    }
    const positions = (await collectAll(store)).map((event) => event.globalPosition);
    expect(positions).toEqual(positions.map((_, n) => BigInt(n + 1)));
  });

  it('leaves no gap when an append rolls back', async () => {
    await store.appendToStream('s', [newEvent('first')], { expectedRevision: 'no_stream' });
    await expect(
      store.withTransaction(async (client) => {
        await client.query(
          `SELECT * FROM "${store.schema}".append_to_stream('s', 'any', $1, '{rolled-back}', '{1}', '{"{}"}', $2, NULL)`,
          [[newEvent('x').eventId], [JSON.stringify(newEvent('x').metadata)]],
        );
        throw new Error('the read model update failed');
      }),
    ).rejects.toThrow('the read model update failed');
    await store.appendToStream('s', [newEvent('second')], { expectedRevision: 0n });
    expect((await collectAll(store)).map((event) => [event.type, event.globalPosition])).toEqual([
      ['first', 1n],
      ['second', 2n],
    ]);
  });
});

const collectAll = async (store: PostgresEventStore) => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};
