import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '@styring/eventstore';
import { failureOf, newEvent, newEvents } from '@styring/eventstore-testkit';
import { esdbEventId } from './event-ids';
import { type EsdbEventStore, openEsdbEventStore } from './esdb-event-store';
import { type EsdbStandIn, startEsdbStandIn } from './testing/esdb-standin/standin-server';

const collect = async (events: AsyncIterable<RecordedEvent>) => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

describe('EventStoreDB adapter, through the real client against the wire-level stand-in', () => {
  let standIn: EsdbStandIn;
  let store: EsdbEventStore;
  let raw: EventStoreDBClient;
  beforeEach(async () => {
    standIn = await startEsdbStandIn();
    store = await openEsdbEventStore({ connectionString: standIn.connectionString });
    raw = EventStoreDBClient.connectionString(standIn.connectionString);
  });
  afterEach(async () => {
    await store.close();
    await raw.dispose();
    await standIn.stop();
  });

  it('never returns the system events every $all holds, nor events other programs wrote', async () => {
    await raw.appendToStream('other-program', jsonEvent({ type: 'SomethingElse', data: { a: 1 } }));
    await store.appendToStream('ours', newEvents(2), { expectedRevision: 'no_stream' });
    expect((await collect(store.readAll())).map((event) => event.streamId)).toEqual(['ours', 'ours']);

    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.streamId).toBe('ours');
    expect((await iterator.next()).value?.streamId).toBe('ours');
    await subscription.close();

    expect((await failureOf(collect(store.readStream('other-program')))).code).toBe('not_an_event_store');
  });

  it('keeps event ids that are not UUIDs, and still treats a retry of them as done', async () => {
    const events = [
      { ...newEvent('vedtak-fattet'), eventId: 'vedtak-2024-001' },
      { ...newEvent('vedtak-fattet'), eventId: 'vedtak-2024-002' },
    ];
    const first = await store.appendToStream('sak-1', events, { expectedRevision: 'no_stream' });
    expect(await store.appendToStream('sak-1', events, { expectedRevision: 'no_stream' })).toEqual(first);
    expect(await store.appendToStream('sak-1', events, { expectedRevision: 'any' })).toEqual(first);

    const read = await collect(store.readStream('sak-1'));
    expect(read.map((event) => event.eventId)).toEqual(['vedtak-2024-001', 'vedtak-2024-002']);
    const stored = [];
    for await (const resolved of raw.readStream('sak-1')) stored.push(resolved.event?.id);
    expect(stored).toEqual([esdbEventId('vedtak-2024-001'), esdbEventId('vedtak-2024-002')]);
  });

  it("uses the commit position as globalPosition and copies correlation and causation for EventStoreDB's tools", async () => {
    const event = newEvent('planlagt', {}, { correlationId: 'req-9', causationId: 'cmd-3' });
    const appended = await store.appendToStream('plan-1', [event], { expectedRevision: 'no_stream' });
    const fromRaw = [];
    for await (const { event: recorded } of raw.readAll()) {
      if (recorded?.streamId === 'plan-1') fromRaw.push(recorded);
    }
    expect(fromRaw).toHaveLength(1);
    expect(fromRaw[0]!.position).toEqual({
      commit: appended._tag === 'Appended' ? appended.lastPosition : -1n,
      prepare: appended._tag === 'Appended' ? appended.lastPosition : -1n,
    });
    expect(fromRaw[0]!.metadata).toMatchObject({ $correlationId: 'req-9', $causationId: 'cmd-3' });
  });

  it('resumes from a checkpoint strictly after it, and refuses a position where no event starts', async () => {
    await store.appendToStream('s', newEvents(3), { expectedRevision: 'no_stream' });
    const [, second] = await collect(store.readAll());
    const checkpoint = second!.globalPosition;
    expect((await collect(store.readAll({ after: checkpoint }))).map((e) => e.streamRevision)).toEqual([2n]);

    const subscription = store.subscribeToAll({ after: checkpoint });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.streamRevision).toBe(2n);
    await store.appendToStream('s', newEvents(1), { expectedRevision: 2n });
    expect((await iterator.next()).value?.streamRevision).toBe(3n);
    await subscription.close();

    expect((await failureOf(collect(store.readAll({ after: checkpoint + 1n })))).code).toBe(
      'invalid_argument',
    );
  });

  it('refuses stream names that EventStoreDB keeps for itself', async () => {
    expect(
      (await failureOf(store.appendToStream('$settings', newEvents(1), { expectedRevision: 'any' }))).code,
    ).toBe('invalid_argument');
  });

  it('appends in one request to the server, and a retry in one request too, writing nothing', async () => {
    const events = newEvents(3);
    const before = standIn.appendRequests();
    const first = await store.appendToStream('plan-2', events, { expectedRevision: 'no_stream' });
    expect(standIn.appendRequests() - before).toBe(1);

    const retry = await store.appendToStream('plan-2', events, { expectedRevision: 'no_stream' });
    expect(standIn.appendRequests() - before).toBe(2);
    expect(retry).toEqual(first);
    expect((await collect(store.readAll())).map((event) => event.eventId)).toEqual(
      events.map((event) => event.eventId),
    );
  });

  it('does not see an id reused in another stream, as EventStoreDB does not: ids must be new (UUIDs)', async () => {
    const reused = newEvent('reused');
    await store.appendToStream('plan-3', [reused], { expectedRevision: 'no_stream' });
    await store.appendToStream('plan-4', [reused], { expectedRevision: 'no_stream' });
    expect((await collect(store.readAll())).map((event) => `${event.streamId}:${event.eventId}`)).toEqual([
      `plan-3:${reused.eventId}`,
      `plan-4:${reused.eventId}`,
    ]);
  });
});
