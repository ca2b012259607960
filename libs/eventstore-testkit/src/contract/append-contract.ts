import {
  type AppendOutcome,
  type ConcurrencyError,
  type EventStore,
  describeAppendRefusal,
  isEventStoreFailure,
} from '@styring/eventstore';
import { newEvent, newEvents } from '../new-event';
import { failureOf } from '../store-failures';
import { collect, ids } from './collect';
import type { ContractContext } from './store-under-test';

const expectAppended = (outcome: AppendOutcome, nextExpectedRevision: bigint) => {
  if (outcome._tag !== 'Appended') throw new Error(`expected an append: ${describeAppendRefusal(outcome)}`);
  expect(outcome.nextExpectedRevision).toBe(nextExpectedRevision);
  expect(typeof outcome.lastPosition).toBe('bigint');
  return outcome;
};

const expectConflict = (outcome: AppendOutcome, expected: Omit<ConcurrencyError, '_tag'>) =>
  expect(outcome).toStrictEqual({ _tag: 'ConcurrencyError', ...expected });

/** What this test wrote to the global log after a position. */
const writtenAfter = (context: ContractContext, position: bigint) =>
  collect(context.store().readAll({ after: position, filter: { streamPrefixes: [context.streamId('')] } }));

const revisionsOf = async (store: EventStore, streamId: string) =>
  (await collect(store.readStream(streamId))).map((event) => event.streamRevision);

export const appendContract = (context: ContractContext) => {
  const { store, streamId } = context;
  describe('appendToStream', () => {
    it("with 'no_stream' starts a stream at revision 0 and reports its last position", async () => {
      const stream = streamId('new');
      const outcome = expectAppended(
        await store().appendToStream(stream, newEvents(3), { expectedRevision: 'no_stream' }),
        2n,
      );
      const read = await collect(store().readStream(stream));
      expect(read.map((event) => event.streamRevision)).toEqual([0n, 1n, 2n]);
      expect(read[2]?.globalPosition).toBe(outcome.lastPosition);
    });

    it("with 'no_stream' on an existing stream returns a ConcurrencyError and writes nothing", async () => {
      const stream = streamId('taken');
      await store().appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
      const outcome = await store().appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
      expectConflict(outcome, { streamId: stream, expected: 'no_stream', actual: 1n });
      expect(await revisionsOf(store(), stream)).toEqual([0n, 1n]);
    });

    it("with 'stream_exists' appends to an existing stream and refuses a missing one", async () => {
      const stream = streamId('exists');
      const missing = await store().appendToStream(stream, newEvents(1), {
        expectedRevision: 'stream_exists',
      });
      expectConflict(missing, { streamId: stream, expected: 'stream_exists', actual: undefined });
      expect(await store().streamExists(stream)).toBe(false);

      await store().appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
      expectAppended(
        await store().appendToStream(stream, newEvents(2), { expectedRevision: 'stream_exists' }),
        2n,
      );
    });

    it("with 'any' appends whether or not the stream exists", async () => {
      const stream = streamId('any');
      expectAppended(await store().appendToStream(stream, newEvents(2), { expectedRevision: 'any' }), 1n);
      expectAppended(await store().appendToStream(stream, newEvents(1), { expectedRevision: 'any' }), 2n);
      expect(await revisionsOf(store(), stream)).toEqual([0n, 1n, 2n]);
    });

    it('with the exact current revision appends after it', async () => {
      const stream = streamId('exact');
      await store().appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
      expectAppended(await store().appendToStream(stream, newEvents(3), { expectedRevision: 1n }), 4n);
      expectAppended(await store().appendToStream(stream, newEvents(1), { expectedRevision: 4n }), 5n);
    });

    it.each([
      ['behind', 0n],
      ['ahead', 5n],
      ['far beyond 2^53', 2n ** 60n],
    ])(
      'with a revision %s of the stream returns a ConcurrencyError and writes nothing',
      async (_, expected) => {
        const stream = streamId('wrong');
        await store().appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
        const outcome = await store().appendToStream(stream, newEvents(3), { expectedRevision: expected });
        expectConflict(outcome, { streamId: stream, expected, actual: 1n });
        expect(await revisionsOf(store(), stream)).toEqual([0n, 1n]);
      },
    );

    it('with an exact revision on a missing stream returns a ConcurrencyError with no actual revision', async () => {
      const stream = streamId('missing');
      const outcome = await store().appendToStream(stream, newEvents(1), { expectedRevision: 0n });
      expectConflict(outcome, { streamId: stream, expected: 0n, actual: undefined });
      expect(await store().streamExists(stream)).toBe(false);
    });

    it('writes a conflicting batch of many events not at all', async () => {
      const stream = streamId('atomic');
      const first = expectAppended(
        await store().appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' }),
        0n,
      );
      const outcome = await store().appendToStream(stream, newEvents(200), { expectedRevision: 7n });
      expect(outcome._tag).toBe('ConcurrencyError');
      expect(await writtenAfter(context, first.lastPosition)).toEqual([]);
    });

    it('writes none of a batch when one of its events cannot be stored', async () => {
      const stream = streamId('half');
      const first = expectAppended(
        await store().appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' }),
        0n,
      );
      const unstorable = newEvent('unstorable', { amount: 10n });
      const failure = await failureOf(
        store().appendToStream(stream, [...newEvents(5), unstorable], { expectedRevision: 0n }),
      );
      expect(failure.code).toBe('invalid_argument');
      expect(await writtenAfter(context, first.lastPosition)).toEqual([]);
      expectAppended(await store().appendToStream(stream, newEvents(1), { expectedRevision: 0n }), 1n);
    });

    it('treats a repeated append of the same event ids at the same revision as done and writes nothing', async () => {
      const stream = streamId('retry');
      const batch = newEvents(3);
      expectAppended(await store().appendToStream(stream, batch, { expectedRevision: 'no_stream' }), 2n);
      expectAppended(await store().appendToStream(stream, batch, { expectedRevision: 'no_stream' }), 2n);

      const next = [newEvent('next')];
      const last = expectAppended(await store().appendToStream(stream, next, { expectedRevision: 2n }), 3n);
      expectAppended(await store().appendToStream(stream, next, { expectedRevision: 2n }), 3n);

      expect(ids(await collect(store().readStream(stream)))).toEqual(ids([...batch, ...next]));
      expect(await writtenAfter(context, last.lastPosition)).toEqual([]);
    });

    it.each([
      ['no events', () => ({ stream: 'ok', events: [], expectedRevision: 'any' as const })],
      ['an empty stream id', () => ({ stream: '', events: newEvents(1), expectedRevision: 'any' as const })],
      [
        'the same event id twice in one batch',
        () => {
          const event = newEvent('twice');
          return { stream: 'ok', events: [event, { ...event }], expectedRevision: 'any' as const };
        },
      ],
      ['a negative expected revision', () => ({ stream: 'ok', events: newEvents(1), expectedRevision: -1n })],
    ])('refuses %s with invalid_argument and writes nothing', async (_, input) => {
      const { stream, events, expectedRevision } = input();
      const id = stream === '' ? '' : streamId(stream);
      const error: unknown = await store()
        .appendToStream(id, events, { expectedRevision })
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      expect(isEventStoreFailure(error) && error.code).toBe('invalid_argument');
      if (id !== '') expect(await store().streamExists(id)).toBe(false);
    });
  });

  describe('streamExists', () => {
    it('is false for a stream never written and true once it has an event', async () => {
      const stream = streamId('exists');
      expect(await store().streamExists(stream)).toBe(false);
      await store().appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
      expect(await store().streamExists(stream)).toBe(true);
      expect(await store().streamExists(streamId('other'))).toBe(false);
    });
  });
};
