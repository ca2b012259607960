import {
  type AppendOutcome,
  type Appended,
  describeAppendRefusal,
  type ExpectedRevision,
  isEventStoreFailure,
  type NewEvent,
} from '@styring/eventstore';
import { newEvent, newEvents } from '../new-event';
import { collect, ids } from './collect';
import type { ContractContext } from './store-under-test';

const appended = (outcome: AppendOutcome): Appended => {
  if (outcome._tag !== 'Appended') throw new Error(`expected an append: ${describeAppendRefusal(outcome)}`);
  return outcome;
};

/** The failure an append threw, or 'appended' / the conflict when it did not throw. */
const refusal = (append: Promise<AppendOutcome>): Promise<unknown> =>
  append.then(
    (outcome) => (outcome._tag === 'Appended' ? 'appended' : outcome),
    (error: unknown) => error,
  );

/** Refused with invalid_argument, naming the reused id and where it is recorded. */
const expectReuseRefused = async (append: Promise<AppendOutcome>, reusedId: string, recordedIn: string) => {
  const error = await refusal(append);
  expect(isEventStoreFailure(error) && error.code).toBe('invalid_argument');
  expect((error as Error).message).toContain(
    `eventId '${reusedId}' is already recorded, in stream '${recordedIn}'`,
  );
};

/**
 * What each store guarantees about event ids:
 * - every store recognizes a retried append in its stream: the same ids again, with the same expected
 *   revision, are a no-op success with the original revision and position, even after the stream moved on;
 * - where it is cheap (`uniqueEventIds: 'log'`, PostgreSQL: a unique index), ids are unique in the whole
 *   log: any other append of ids the log holds is refused with `invalid_argument`, writing nothing;
 * - elsewhere (`'stream'`: SQLite, whose file has no index on ids; EventStoreDB) a batch that repeats only part of an append at the revision it
 *   names writes nothing either, but an id reused in another stream is not noticed. So ids are generated so
 *   that collisions cannot happen in practice: random UUIDs (122 random bits; `newId` and `newEvent`).
 */
export const eventIdContract = (context: ContractContext) => {
  const { store, sut, streamId } = context;
  const uniqueInLog = context.options.uniqueEventIds === 'log';

  /** Everything this test wrote, as `stream@revision:eventId`. */
  const log = async () =>
    (await collect(store().readAll({ filter: { streamPrefixes: [streamId('')] } }))).map(
      (event) => `${event.streamId}@${event.streamRevision}:${event.eventId}`,
    );

  const append = (stream: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision) =>
    store().appendToStream(stream, events, { expectedRevision });

  describe('event ids', () => {
    it.each<[string, ExpectedRevision, number]>([
      ["'no_stream'", 'no_stream', 0],
      ['the exact revision before them', 1n, 2],
      ["'any'", 'any', 2],
      ["'stream_exists'", 'stream_exists', 2],
    ])(
      'recognize a retry with %s, even after the stream moved on, as done: the original outcome, nothing written',
      async (_, expectedRevision, before) => {
        const stream = streamId('retried');
        if (before > 0) await append(stream, newEvents(before), 'no_stream');
        const batch = newEvents(3);
        const first = appended(await append(stream, batch, expectedRevision));
        await append(stream, newEvents(1), 'any');
        const written = await log();
        expect(await append(stream, batch, expectedRevision)).toEqual(first);
        expect(await log()).toEqual(written);
      },
    );

    it('write nothing for a batch that repeats only part of an append at the revision it names', async () => {
      const stream = streamId('repeated');
      const batch = newEvents(2);
      await append(stream, batch, 'no_stream');
      const before = await log();
      expect(await refusal(append(stream, [batch[0]!, newEvent('new')], 'no_stream'))).not.toBe('appended');
      expect(await log()).toEqual(before);
    });

    if (!uniqueInLog) return;

    it('refuse an id recorded in another stream, naming it, and write nothing', async () => {
      const recorded = newEvent('recorded');
      await append(streamId('first'), [recorded], 'no_stream');
      const before = await log();
      await expectReuseRefused(
        append(streamId('second'), [...newEvents(1), recorded], 'no_stream'),
        recorded.eventId,
        streamId('first'),
      );
      expect(await log()).toEqual(before);
      expect(await store().streamExists(streamId('second'))).toBe(false);
    });

    it('refuse an id recorded earlier in the same stream at a place the expected revision does not name', async () => {
      const stream = streamId('again');
      const batch = newEvents(2);
      await append(stream, batch, 'no_stream');
      await append(stream, newEvents(1), 1n);
      const before = await log();
      // With 'any' or 'stream_exists' ids that sit in the stream, in order, are a retry wherever they are.
      for (const expectedRevision of [2n, 'no_stream'] as const) {
        await expectReuseRefused(append(stream, [batch[1]!], expectedRevision), batch[1]!.eventId, stream);
      }
      expect(await log()).toEqual(before);
    });

    it('refuse a batch that repeats only part of a recorded append, or repeats it out of order', async () => {
      const stream = streamId('partly');
      const batch = newEvents(3);
      await append(stream, batch, 'no_stream');
      const before = await log();
      await expectReuseRefused(
        append(stream, [batch[0]!, batch[1]!, newEvent('new')], 'no_stream'),
        batch[0]!.eventId,
        stream,
      );
      await expectReuseRefused(
        append(stream, [newEvent('new'), batch[2]!], 'any'),
        batch[2]!.eventId,
        stream,
      );
      await expectReuseRefused(
        append(stream, [batch[1]!, batch[0]!, batch[2]!], 'no_stream'),
        batch[1]!.eventId,
        stream,
      );
      expect(await log()).toEqual(before);
      const next = newEvents(1);
      expect(appended(await append(stream, next, 2n)).nextExpectedRevision).toBe(3n);
      expect(ids(await collect(store().readStream(stream)))).toEqual(ids([...batch, ...next]));
    });

    it('let only one of several concurrent appends of the same new id to different streams record it', async () => {
      const shared = newEvent('shared');
      const others = await Promise.all([sut().openAnother(), sut().openAnother()]);
      try {
        const handles = [store(), ...others, store()];
        const outcomes = await Promise.all(
          handles.map((handle, n) =>
            refusal(
              handle.appendToStream(streamId(`contender-${n}`), [shared], { expectedRevision: 'no_stream' }),
            ),
          ),
        );
        expect(outcomes.filter((outcome) => outcome === 'appended')).toHaveLength(1);
        for (const outcome of outcomes.filter((outcome) => outcome !== 'appended')) {
          expect(isEventStoreFailure(outcome) && outcome.code).toBe('invalid_argument');
        }
        expect((await log()).filter((entry) => entry.endsWith(`:${shared.eventId}`))).toHaveLength(1);
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
    });
  });
};
