import fc from 'fast-check';
import {
  type AppendCondition,
  type AppendOutcome,
  type Appended,
  type EventQueryItem,
  matchesCondition,
} from '@styring/eventstore';
import { failureOf } from '../store-failures';
import { newEvent, newEvents } from '../new-event';
import { collect } from './collect';
import type { ContractContext } from './store-under-test';

const landed = (outcome: AppendOutcome): Appended => {
  if (outcome._tag !== 'Appended') throw new Error(`expected an append, got ${outcome._tag}`);
  return outcome;
};

/** Appends conditioned on facts in other streams (a delegation a decision relies on), for every store. */
export const consistencyContract = ({ store, streamId }: ContractContext) => {
  /** A delegation granted, then a condition on "no delegation event of this test after it". */
  const delegationGranted = async () => {
    const delegation = streamId('delegation');
    const granted = landed(
      await store().appendToStream(delegation, [newEvent('delegation-granted')], {
        expectedRevision: 'no_stream',
      }),
    );
    const condition: AppendCondition = {
      failIfEventsMatch: [
        { eventTypes: ['delegation-granted', 'delegation-revoked'], streamPrefixes: [delegation] },
      ],
      after: granted.lastPosition,
    };
    return { delegation, condition, position: granted.lastPosition };
  };

  describe('appendToStream with a consistency condition', () => {
    it('appends when nothing matching the condition came after its position', async () => {
      const { condition, position } = await delegationGranted();
      // After the position, but not a fact the condition guards: another type, another stream.
      await store().appendToStream(streamId('other'), [newEvent('delegation-revoked')], {
        expectedRevision: 'no_stream',
      });
      const decision = streamId('decision');
      const outcome = landed(
        await store().appendToStream(decision, newEvents(2), { expectedRevision: 'no_stream', condition }),
      );
      expect(outcome.nextExpectedRevision).toBe(1n);
      expect(outcome.lastPosition > position).toBe(true);
    });

    it('refuses with a ConsistencyConflict naming the first changed fact, and writes nothing', async () => {
      const { delegation, condition } = await delegationGranted();
      const revocation = newEvent('delegation-revoked');
      const revoked = landed(
        await store().appendToStream(delegation, [revocation], { expectedRevision: 0n }),
      );
      await store().appendToStream(delegation, [newEvent('delegation-granted')], { expectedRevision: 1n });
      const decision = streamId('decision');
      const outcome = await store().appendToStream(decision, newEvents(1), {
        expectedRevision: 'no_stream',
        condition,
      });
      expect(outcome).toStrictEqual({
        _tag: 'ConsistencyConflict',
        streamId: decision,
        after: condition.after,
        changed: {
          eventId: revocation.eventId,
          streamId: delegation,
          type: 'delegation-revoked',
          globalPosition: revoked.lastPosition,
        },
      });
      expect(await store().streamExists(decision)).toBe(false);
    });

    it('matches an event when it passes every list of one item, and the query when any item matches', async () => {
      const { delegation, position } = await delegationGranted();
      const unit = streamId('unit-a');
      await store().appendToStream(unit, [newEvent('unit-renamed')], { expectedRevision: 'no_stream' });
      const attempt = (failIfEventsMatch: AppendCondition['failIfEventsMatch']) =>
        store().appendToStream(streamId('decision'), newEvents(1), {
          expectedRevision: 'any',
          condition: { failIfEventsMatch, after: position },
        });
      // Type and stream must both match within an item.
      expect((await attempt([{ eventTypes: ['unit-renamed'], streamIds: [delegation] }]))._tag).toBe(
        'Appended',
      );
      expect((await attempt([{ eventTypes: ['unit-closed'], streamPrefixes: [unit] }]))._tag).toBe(
        'Appended',
      );
      // Any item matching is enough.
      const either = await attempt([{ eventTypes: ['unit-closed'] }, { streamIds: [unit] }]);
      expect(either).toMatchObject({ _tag: 'ConsistencyConflict', changed: { streamId: unit } });
      const byPrefix = await attempt([{ streamPrefixes: [streamId('unit-')] }]);
      expect(byPrefix).toMatchObject({ _tag: 'ConsistencyConflict', changed: { type: 'unit-renamed' } });
    });

    it('without a position, fails on a matching event anywhere in the log', async () => {
      const { delegation } = await delegationGranted();
      const outcome = await store().appendToStream(streamId('decision'), newEvents(1), {
        expectedRevision: 'no_stream',
        condition: { failIfEventsMatch: [{ streamIds: [delegation] }] },
      });
      expect(outcome).toMatchObject({ _tag: 'ConsistencyConflict', changed: { streamId: delegation } });
      expect(outcome).not.toHaveProperty('after');
    });

    it('reports a revision mismatch before a broken condition', async () => {
      const { delegation, condition } = await delegationGranted();
      await store().appendToStream(delegation, [newEvent('delegation-revoked')], { expectedRevision: 0n });
      const decision = streamId('decision');
      await store().appendToStream(decision, newEvents(1), { expectedRevision: 'no_stream' });
      const outcome = await store().appendToStream(decision, newEvents(1), {
        expectedRevision: 'no_stream',
        condition,
      });
      expect(outcome).toStrictEqual({
        _tag: 'ConcurrencyError',
        streamId: decision,
        expected: 'no_stream',
        actual: 0n,
      });
    });

    it('lets a retry of an append that landed succeed again, though its facts changed since', async () => {
      const { delegation, condition } = await delegationGranted();
      const decision = streamId('decision');
      const events = newEvents(2);
      const first = landed(
        await store().appendToStream(decision, events, { expectedRevision: 'no_stream', condition }),
      );
      await store().appendToStream(delegation, [newEvent('delegation-revoked')], { expectedRevision: 0n });
      const retry = await store().appendToStream(decision, events, {
        expectedRevision: 'no_stream',
        condition,
      });
      expect(retry).toStrictEqual(first);
      expect(await collect(store().readStream(decision))).toHaveLength(2);
    });

    it('finds, for any query, the first event the port says matches it (types, ids, prefixes with % and _)', async () => {
      const marker = landed(
        await store().appendToStream(streamId('marker'), newEvents(1), { expectedRevision: 'no_stream' }),
      );
      const streams = ['a%b', 'a_b', 'ab', 'aXb', 'é-1'].map(streamId);
      const types = ['granted', 'revoked', 'Revoked'];
      for (const [n, stream] of [...streams, ...streams].entries()) {
        await store().appendToStream(stream, [newEvent(types[n % types.length]!)], {
          expectedRevision: 'any',
        });
      }
      const facts = await collect(
        store().readAll({ after: marker.lastPosition, filter: { streamPrefixes: [streamId('')] } }),
      );
      const list = <T>(pool: readonly T[]) => fc.option(fc.subarray([...pool]), { nil: undefined });
      const item: fc.Arbitrary<EventQueryItem> = fc.record({
        eventTypes: list(types),
        streamIds: list(streams),
        streamPrefixes: list(['a%', 'a_', 'a', 'aX', 'é', 'b'].map(streamId)),
      });
      let decisions = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 3 }), async (items) => {
          const failIfEventsMatch = items.map((one) =>
            Object.fromEntries(Object.entries(one).filter(([, value]) => value !== undefined)),
          );
          const condition: AppendCondition = { failIfEventsMatch, after: marker.lastPosition };
          const expected = facts.find((fact) => matchesCondition(condition, fact));
          // The decisions' own stream and type match no item with a list, so they never change the answer.
          const outcome = await store().appendToStream(streamId(`zz-decision-${++decisions}`), newEvents(1), {
            expectedRevision: 'no_stream',
            condition,
          });
          if (expected === undefined) expect(outcome._tag).toBe('Appended');
          else
            expect(outcome).toMatchObject({
              _tag: 'ConsistencyConflict',
              changed: { eventId: expected.eventId },
            });
        }),
        { numRuns: 25 },
      );
    });

    it.each([
      [{ failIfEventsMatch: [] }, 'condition.failIfEventsMatch must hold at least one query item'],
      [
        { failIfEventsMatch: [{ eventTypes: 'x' }] },
        'condition.failIfEventsMatch[0].eventTypes must be a list',
      ],
      [{ failIfEventsMatch: [{}], after: -1n }, 'condition.after must be a bigint >= 0'],
    ])(
      'refuses a malformed condition with invalid_argument and writes nothing (%#)',
      async (condition, message) => {
        const decision = streamId('decision');
        const failure = await failureOf(
          store().appendToStream(decision, newEvents(1), {
            expectedRevision: 'no_stream',
            condition: condition as unknown as AppendCondition,
          }),
        );
        expect(failure.code).toBe('invalid_argument');
        expect(failure.message).toContain(message);
        expect(await store().streamExists(decision)).toBe(false);
      },
    );
  });
};
