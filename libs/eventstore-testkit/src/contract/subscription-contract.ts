import { newEvent, newEvents } from '../new-event';
import { collect, ids, iterate, nextWithin, take } from './collect';
import type { ContractContext } from './store-under-test';

export const subscriptionContract = ({ store, sut, streamId }: ContractContext) => {
  const ours = () => ({ streamPrefixes: [streamId('')] });

  describe('subscribeToAll', () => {
    it('catches up, then receives live events from every handle in order, and close() ends it', async () => {
      const before = newEvents(3);
      await store().appendToStream(streamId('a'), before.slice(0, 2), { expectedRevision: 'no_stream' });
      await store().appendToStream(streamId('b'), before.slice(2), { expectedRevision: 'no_stream' });
      const subscription = store().subscribeToAll({ filter: ours() });
      const events = iterate(subscription);
      const caughtUp = await take(events, 3);
      expect(ids(caughtUp)).toEqual(ids(before));

      const another = await sut().openAnother();
      try {
        const live = newEvents(4);
        await store().appendToStream(streamId('a'), live.slice(0, 1), { expectedRevision: 1n });
        await another.appendToStream(streamId('b'), live.slice(1, 3), { expectedRevision: 0n });
        await store().appendToStream(streamId('c'), live.slice(3), { expectedRevision: 'no_stream' });
        const received = await take(events, 4);
        expect(ids(received)).toEqual(ids(live));
        const positions = [...caughtUp, ...received].map((event) => event.globalPosition);
        expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        expect(new Set(positions).size).toBe(positions.length);
      } finally {
        await another.close();
      }
      await subscription.close();
      expect(await nextWithin(events, 2000)).toEqual({ done: true, value: undefined });
    });

    it('starts strictly after a given position and applies its filter', async () => {
      const stream = streamId('s');
      await store().appendToStream(stream, [newEvent('seen'), newEvent('skipped')], {
        expectedRevision: 'any',
      });
      const [, second] = await collect(store().readStream(stream));
      await store().appendToStream(stream, [newEvent('seen'), newEvent('skipped'), newEvent('seen')], {
        expectedRevision: 'any',
      });
      const subscription = store().subscribeToAll({
        after: second!.globalPosition,
        filter: { ...ours(), eventTypes: ['seen'] },
      });
      try {
        const events = iterate(subscription);
        const received = await take(events, 2);
        expect(received.map((event) => event.streamRevision)).toEqual([2n, 4n]);
        await store().appendToStream(stream, [newEvent('skipped'), newEvent('seen')], {
          expectedRevision: 4n,
        });
        expect((await take(events, 1)).map((event) => event.streamRevision)).toEqual([6n]);
      } finally {
        await subscription.close();
      }
    });

    it('delivers exactly what readAll reads while several handles append concurrently', async () => {
      const another = await sut().openAnother();
      const subscription = store().subscribeToAll({ filter: ours() });
      try {
        const writers = [store(), another].map(async (writer, w) => {
          for (let n = 0; n < 20; n++) {
            await writer.appendToStream(streamId(`w${w}-${n % 3}`), newEvents(1 + (n % 4)), {
              expectedRevision: 'any',
            });
          }
        });
        const received = take(iterate(subscription), 100, 20000);
        await Promise.all(writers);
        const read = await collect(store().readAll({ filter: ours() }));
        expect(read).toHaveLength(100);
        expect(ids(await received)).toEqual(ids(read));
      } finally {
        await subscription.close();
        await another.close();
      }
    });

    it('ends a pending iteration when closed', async () => {
      const subscription = store().subscribeToAll({ filter: ours() });
      const iterating = collect(subscription);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await subscription.close();
      await expect(iterating).resolves.toEqual([]);
    });

    it('ends when its store is closed', async () => {
      const another = await sut().openAnother();
      const events = iterate(another.subscribeToAll({ filter: ours() }));
      await another.appendToStream(streamId('s'), newEvents(2), { expectedRevision: 'any' });
      expect(await take(events, 2)).toHaveLength(2);
      const pending = events.next();
      await another.close();
      expect(await pending).toEqual({ done: true, value: undefined });
    });

    it('receives nothing after a position beyond 2^53', async () => {
      const subscription = store().subscribeToAll({ after: 2n ** 60n, filter: ours() });
      try {
        await store().appendToStream(streamId('s'), newEvents(2), { expectedRevision: 'any' });
        expect(await nextWithin(iterate(subscription), 300)).toBe('pending');
      } finally {
        await subscription.close();
      }
    });
  });
};
