import * as fc from 'fast-check';
import type { AllFilter, NewEvent, ReadAllOptions, RecordedEvent } from '@styring/eventstore';
import { newEvent, newEvents } from '../new-event';
import { failureOf } from '../store-failures';
import { collect, ids } from './collect';
import type { ContractContext } from './store-under-test';

const expectStrictlyIncreasing = (events: readonly RecordedEvent[]) => {
  for (const event of events) expect(typeof event.globalPosition).toBe('bigint');
  for (let n = 1; n < events.length; n++) {
    expect(events[n]!.globalPosition > events[n - 1]!.globalPosition).toBe(true);
  }
};

interface Batch {
  readonly stream: number;
  readonly types: readonly number[];
}

const batches = fc.array(
  fc.record({
    stream: fc.nat({ max: 2 }),
    types: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 6 }),
  }),
  { minLength: 1, maxLength: 8 },
);

const subset = <T>(values: readonly T[]) =>
  fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });

export const readAllContract = (context: ContractContext) => {
  const { store, streamId } = context;

  /** Appends a marker and returns its position: the start of what the test writes next. */
  const mark = async () => {
    const outcome = await store().appendToStream(streamId(`marker-${Math.random()}`), [newEvent('marker')], {
      expectedRevision: 'no_stream',
    });
    if (outcome._tag !== 'Appended') throw new Error('the marker could not be appended');
    return outcome.lastPosition;
  };

  describe('readAll', () => {
    it('reads every stream in the order of the appends, with strictly increasing bigint positions', async () => {
      const start = await mark();
      const [a, b] = [streamId('a'), streamId('b')];
      const appended: NewEvent[] = [];
      for (const [stream, events] of [
        [a, newEvents(2)],
        [b, newEvents(3)],
        [a, newEvents(1)],
        [b, newEvents(2)],
      ] as const) {
        await store().appendToStream(stream, events, { expectedRevision: 'any' });
        appended.push(...events);
      }
      const read = await collect(
        store().readAll({ after: start, filter: { streamPrefixes: [streamId('')] } }),
      );
      expect(ids(read)).toEqual(ids(appended));
      expect(read.map((event) => event.streamId)).toEqual([a, a, b, b, b, a, b, b]);
      expect(read.map((event) => event.streamRevision)).toEqual([0n, 1n, 0n, 1n, 2n, 2n, 3n, 4n]);
      expectStrictlyIncreasing(read);
    });

    it('reads strictly after a position, up to and including `to`, at most `maxCount`', async () => {
      const start = await mark();
      const events = newEvents(6);
      for (const event of events)
        await store().appendToStream(streamId('s'), [event], { expectedRevision: 'any' });
      const all = await collect(store().readAll({ after: start }));
      expect(ids(all)).toEqual(ids(events));
      const [second, fourth] = [all[1]!.globalPosition, all[3]!.globalPosition];

      expect(ids(await collect(store().readAll({ after: second })))).toEqual(ids(events.slice(2)));
      expect(ids(await collect(store().readAll({ after: start, to: fourth })))).toEqual(
        ids(events.slice(0, 4)),
      );
      expect(ids(await collect(store().readAll({ after: second, to: fourth })))).toEqual(
        ids(events.slice(2, 4)),
      );
      expect(ids(await collect(store().readAll({ after: start, maxCount: 3 })))).toEqual(
        ids(events.slice(0, 3)),
      );
      expect(await collect(store().readAll({ after: fourth, to: fourth }))).toEqual([]);
    });

    it('reads nothing, without failing, after a position beyond 2^53', async () => {
      await store().appendToStream(streamId('s'), newEvents(2), { expectedRevision: 'any' });
      expect(await collect(store().readAll({ after: 2n ** 60n }))).toEqual([]);
      expect(await collect(store().readAll({ after: 2n ** 53n + 1n }))).toEqual([]);
    });

    it.each([
      ['eventTypes as a string', { eventTypes: 'adopted' }, 'filter.eventTypes'],
      ['a stream prefix that is not a string', { streamPrefixes: ['plan-', 7] }, 'filter.streamPrefixes'],
      ['a filter that is not an object', 'adopted', 'filter'],
    ])('refuses %s with invalid_argument, naming the field', async (_, filter, field) => {
      const invalid = filter as unknown as AllFilter;
      const read = await failureOf(collect(store().readAll({ filter: invalid })));
      expect(read.code).toBe('invalid_argument');
      expect(read.message).toContain(field);
      expect(() => store().subscribeToAll({ filter: invalid })).toThrow(field);
    });

    it('filters by event type and by stream prefix, an event passing only when it matches both', async () => {
      const start = await mark();
      const [planA, planB, risk] = [streamId('plan-a'), streamId('plan-b'), streamId('risk-1')];
      await store().appendToStream(planA, [newEvent('adopted'), newEvent('revised')], {
        expectedRevision: 'any',
      });
      await store().appendToStream(risk, [newEvent('adopted'), newEvent('closed')], {
        expectedRevision: 'any',
      });
      await store().appendToStream(planB, [newEvent('revised')], { expectedRevision: 'any' });
      const read = async (filter: AllFilter) =>
        (await collect(store().readAll({ after: start, filter }))).map((e) => `${e.streamId}:${e.type}`);

      expect(await read({ eventTypes: ['adopted'] })).toEqual([`${planA}:adopted`, `${risk}:adopted`]);
      expect(await read({ streamPrefixes: [streamId('plan-')] })).toEqual([
        `${planA}:adopted`,
        `${planA}:revised`,
        `${planB}:revised`,
      ]);
      expect(await read({ streamPrefixes: [streamId('plan-b'), streamId('risk')] })).toEqual([
        `${risk}:adopted`,
        `${risk}:closed`,
        `${planB}:revised`,
      ]);
      expect(await read({ eventTypes: ['revised', 'closed'], streamPrefixes: [streamId('plan-')] })).toEqual([
        `${planA}:revised`,
        `${planB}:revised`,
      ]);
      expect(await read({ eventTypes: ['nothing-of-this-type'] })).toEqual([]);
    });

    it('gives the same order and filtering however the events are split into appends', async () => {
      await fc.assert(
        fc.asyncProperty(
          batches,
          subset([0, 1, 2]),
          subset([0, 1, 2]),
          async (plan: Batch[], types, streams) => {
            const run = `${Math.random().toString(36).slice(2)}-`;
            const stream = (n: number) => streamId(`${run}s${n}`);
            const start = await mark();
            const appended: { event: NewEvent; stream: number; type: number }[] = [];
            for (const batch of plan) {
              const events = batch.types.map((type) => newEvent(`type-${type}`));
              await store().appendToStream(stream(batch.stream), events, { expectedRevision: 'any' });
              appended.push(
                ...events.map((event, n) => ({ event, stream: batch.stream, type: batch.types[n]! })),
              );
            }
            const options: ReadAllOptions = {
              after: start,
              filter: {
                streamPrefixes: (streams ?? [0, 1, 2]).map(stream),
                ...(types === undefined ? {} : { eventTypes: types.map((type) => `type-${type}`) }),
              },
            };
            const expected = appended.filter(
              (entry) =>
                (types === undefined || types.includes(entry.type)) &&
                (streams === undefined || streams.includes(entry.stream)),
            );
            const read = await collect(store().readAll(options));
            expect(ids(read)).toEqual(expected.map((entry) => entry.event.eventId));
            expectStrictlyIncreasing(read);

            for (const n of [0, 1, 2]) {
              const inStream = await collect(store().readStream(stream(n)));
              expect(ids(inStream)).toEqual(
                appended.filter((e) => e.stream === n).map((e) => e.event.eventId),
              );
              expect(inStream.map((event) => event.streamRevision)).toEqual(
                inStream.map((_, r) => BigInt(r)),
              );
            }
          },
        ),
        { numRuns: 25 },
      );
    });
  });
};
