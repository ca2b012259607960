import { newEvents } from '@styring/eventstore-testkit';
import { PostgresCheckpointStore } from './checkpoint-store';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

describeWithPostgres('PostgreSQL projection checkpoints', (cluster) => {
  let store: PostgresEventStore;
  let checkpoints: PostgresCheckpointStore;
  beforeAll(async () => {
    store = await openPostgresEventStore({ connection: cluster().connectionString(), schema: 'projections' });
    checkpoints = await PostgresCheckpointStore.open(store.pool, 'projections');
    await store.pool.query('CREATE TABLE projections.plan_titles (stream_id text PRIMARY KEY, title text)');
  });
  afterAll(() => store.close());

  const readModel = async () =>
    (await store.pool.query('SELECT stream_id, title FROM projections.plan_titles ORDER BY stream_id')).rows;

  it('stores the read model and the checkpoint together, or neither', async () => {
    const appended = await store.appendToStream('plan-1', newEvents(1), { expectedRevision: 'no_stream' });
    if (appended._tag !== 'Appended') throw new Error('no append');

    await expect(
      store.withTransaction(async (tx) => {
        await tx.query(`INSERT INTO projections.plan_titles VALUES ('plan-1', 'Kommuneplan')`);
        await checkpoints.save({ name: 'plan-titles', version: 1, position: appended.lastPosition }, tx);
        throw new Error('the projection failed half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await readModel()).toEqual([]);
    expect(await store.withTransaction((tx) => checkpoints.load('plan-titles', tx))).toBeUndefined();

    await store.withTransaction(async (tx) => {
      await tx.query(`INSERT INTO projections.plan_titles VALUES ('plan-1', 'Kommuneplan')`);
      await checkpoints.save({ name: 'plan-titles', version: 1, position: appended.lastPosition }, tx);
    });
    expect(await readModel()).toEqual([{ stream_id: 'plan-1', title: 'Kommuneplan' }]);
    expect(await store.withTransaction((tx) => checkpoints.load('plan-titles', tx))).toEqual({
      name: 'plan-titles',
      version: 1,
      position: appended.lastPosition,
    });
  });

  it('overwrites a checkpoint, keeps bigint positions beyond 2^53 and an absent position', async () => {
    await store.withTransaction(async (tx) => {
      await checkpoints.save({ name: 'far', version: 1, position: 2n ** 60n + 1n }, tx);
      await checkpoints.save({ name: 'far', version: 2, position: 2n ** 60n + 3n }, tx);
      await checkpoints.save({ name: 'fresh', version: 1, position: undefined }, tx);
    });
    const loaded = await store.withTransaction(async (tx) => [
      await checkpoints.load('far', tx),
      await checkpoints.load('fresh', tx),
    ]);
    expect(loaded).toEqual([
      { name: 'far', version: 2, position: 2n ** 60n + 3n },
      { name: 'fresh', version: 1, position: undefined },
    ]);
  });
});
