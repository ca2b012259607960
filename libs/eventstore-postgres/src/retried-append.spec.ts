import { isEventStoreFailure, type RecordedEvent } from '@styring/eventstore';
import { newEvents } from '@styring/eventstore-testkit';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

describeWithPostgres('PostgreSQL appends of event ids already recorded', (cluster) => {
  let store: PostgresEventStore;
  let schemas = 0;
  beforeEach(async () => {
    store = await openPostgresEventStore({
      connection: cluster().connectionString(),
      schema: `retry_${++schemas}`,
    });
  });
  afterEach(() => store.close());

  const everything = async () => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events.map((event) => `${event.streamId}@${event.streamRevision}`);
  };

  it("repeats an 'any' append as done, even after the stream has moved on", async () => {
    const batch = newEvents(2);
    const first = await store.appendToStream('s', batch, { expectedRevision: 'any' });
    await store.appendToStream('s', newEvents(3), { expectedRevision: 'any' });
    expect(await store.appendToStream('s', batch, { expectedRevision: 'any' })).toEqual(first);
    expect(await everything()).toEqual(['s@0', 's@1', 's@2', 's@3', 's@4']);
  });

  it('answers a retry at a revision the ids do not follow with a ConcurrencyError', async () => {
    const batch = newEvents(2);
    await store.appendToStream('s', batch, { expectedRevision: 'no_stream' });
    expect(await store.appendToStream('s', batch, { expectedRevision: 0n })).toEqual({
      _tag: 'ConcurrencyError',
      streamId: 's',
      expected: 0n,
      actual: 1n,
    });
  });

  it('refuses ids recorded in another stream, naming where, and writes nothing', async () => {
    const batch = newEvents(2);
    await store.appendToStream('first', batch, { expectedRevision: 'no_stream' });
    const error: unknown = await store
      .appendToStream('second', [...newEvents(1), batch[1]!], { expectedRevision: 'no_stream' })
      .catch((thrown: unknown) => thrown);
    expect(isEventStoreFailure(error) && error.code).toBe('invalid_argument');
    expect((error as Error).message).toContain(`events[1].eventId '${batch[1]!.eventId}'`);
    expect((error as Error).message).toContain("stream 'first' at revision 1");
    expect(await everything()).toEqual(['first@0', 'first@1']);
  });
});
