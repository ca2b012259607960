import {
  type AppendOutcome,
  type ConcurrencyError,
  type EventStore,
  type ExpectedRevision,
  isEventStoreFailure,
} from '@styring/eventstore';
import { newEvent, newEvents } from '../new-event';
import { collect, ids } from './collect';
import type { ContractContext } from './store-under-test';

const currentRevision = async (store: EventStore, streamId: string): Promise<ExpectedRevision> => {
  for await (const last of store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) {
    return last.streamRevision;
  }
  return 'no_stream';
};

export const concurrencyContract = ({ store, sut, streamId, options }: ContractContext) => {
  /** Handles for `count` writers: the store under test and independent handles, taken in turn. */
  const openHandles = async (count: number) => {
    const others = await Promise.all(Array.from({ length: Math.ceil(count / 2) }, () => sut().openAnother()));
    const handles = Array.from({ length: count }, (_, n) => (n % 2 === 0 ? store() : others[(n - 1) / 2]!));
    return { handles, close: () => Promise.all(others.map((other) => other.close())) };
  };

  describe('concurrent writers', () => {
    it('let exactly one of N appends at the same exact revision land; the others get ConcurrencyErrors', async () => {
      const stream = streamId('race');
      await store().appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
      const { handles, close } = await openHandles(6);
      try {
        const outcomes = await Promise.all(
          handles.map((handle) => handle.appendToStream(stream, newEvents(2), { expectedRevision: 0n })),
        );
        const landed = outcomes.filter((outcome) => outcome._tag === 'Appended');
        expect(landed).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome._tag === 'ConcurrencyError')).toEqual(
          Array(5).fill({ _tag: 'ConcurrencyError', streamId: stream, expected: 0n, actual: 2n }),
        );
        expect(await collect(store().readStream(stream))).toHaveLength(3);
      } finally {
        await close();
      }
    });

    it('lose and duplicate nothing: every append lands at a unique revision or gets a ConcurrencyError', async () => {
      const stream = streamId('contended');
      const [writers, appendsEach] = [6, 8];
      const { handles, close } = await openHandles(writers);
      const landed: { ids: string[]; revision: bigint }[] = [];
      const conflicts: ConcurrencyError[] = [];
      try {
        await Promise.all(
          handles.map(async (handle, w) => {
            for (let n = 0; n < appendsEach;) {
              const events = [newEvent('written', { w, n }), newEvent('written', { w, n, second: true })];
              const expectedRevision = await currentRevision(handle, stream);
              const outcome: AppendOutcome = await handle.appendToStream(stream, events, {
                expectedRevision,
              });
              if (outcome._tag === 'ConsistencyConflict') throw new Error('no condition was given');
              if (outcome._tag === 'ConcurrencyError') {
                conflicts.push(outcome);
                continue;
              }
              landed.push({ ids: ids(events), revision: outcome.nextExpectedRevision });
              n++;
            }
          }),
        );
      } finally {
        await close();
      }
      const read = await collect(store().readStream(stream));
      expect(read).toHaveLength(writers * appendsEach * 2);
      expect(read.map((event) => event.streamRevision)).toEqual(read.map((_, n) => BigInt(n)));
      expect(new Set(landed.map((append) => append.revision)).size).toBe(landed.length);
      for (const append of landed) {
        const at = Number(append.revision);
        expect(ids(read.slice(at - 1, at + 1))).toEqual(append.ids);
      }
      for (const conflict of conflicts) {
        expect(conflict).toMatchObject({ _tag: 'ConcurrencyError', streamId: stream });
        expect(conflict.actual).not.toBe(conflict.expected);
      }
    });

    it('check each of the appends made at one moment on its own: one refused or failing leaves the others stored', async () => {
      const [taken, reusedIn] = [streamId('taken'), streamId('reused')];
      await store().appendToStream(taken, newEvents(1), { expectedRevision: 'no_stream' });
      const reused = newEvent('reused');
      await store().appendToStream(reusedIn, [reused], { expectedRevision: 'no_stream' });
      const fresh = (name: string) =>
        store().appendToStream(streamId(name), newEvents(2), { expectedRevision: 'no_stream' });
      // Issued together, so that stores that commit appends in groups put them in one.
      const settled = await Promise.allSettled([
        fresh('a'),
        store().appendToStream(taken, newEvents(1), { expectedRevision: 'no_stream' }),
        store().appendToStream(streamId('b'), newEvents(1), {
          expectedRevision: 'no_stream',
          condition: { failIfEventsMatch: [{ streamIds: [taken] }] },
        }),
        store().appendToStream(streamId('c'), [reused], { expectedRevision: 'no_stream' }),
        fresh('same'),
        fresh('same'),
        fresh('d'),
      ]);
      // An id recorded in another stream fails where ids are unique in the log, and is stored where only
      // a retry within its stream is recognized (see eventIdContract).
      const uniqueInLog = options.uniqueEventIds === 'log';
      const tags = settled.map((one) => (one.status === 'fulfilled' ? one.value._tag : 'threw'));
      expect(tags).toEqual([
        'Appended',
        'ConcurrencyError',
        'ConsistencyConflict',
        uniqueInLog ? 'threw' : 'Appended',
        'Appended',
        'ConcurrencyError',
        'Appended',
      ]);
      if (uniqueInLog) {
        const failed = settled[3] as PromiseRejectedResult;
        expect(isEventStoreFailure(failed.reason) && failed.reason.code).toBe('invalid_argument');
      }
      for (const name of ['a', 'same', 'd'])
        expect(await collect(store().readStream(streamId(name)))).toHaveLength(2);
      expect(await store().streamExists(streamId('b'))).toBe(false);
      expect(await store().streamExists(streamId('c'))).toBe(!uniqueInLog);
    });

    it('recognize a retry made at the same moment as the append it repeats', async () => {
      const stream = streamId('retried');
      const events = newEvents(2);
      const [first, retry] = await Promise.all([
        store().appendToStream(stream, events, { expectedRevision: 'no_stream' }),
        store().appendToStream(stream, events, { expectedRevision: 'no_stream' }),
      ]);
      expect(retry).toStrictEqual(first);
      expect(await collect(store().readStream(stream))).toHaveLength(2);
    });
  });
};
