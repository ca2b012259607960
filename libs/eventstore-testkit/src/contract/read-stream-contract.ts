import * as fc from 'fast-check';
import type { ReadStreamOptions } from '@styring/eventstore';
import { newEvents } from '../new-event';
import { collect } from './collect';
import type { ContractContext } from './store-under-test';

/** The revisions a read should return, computed from the options alone. */
const expectedRevisions = (length: number, options: ReadStreamOptions): bigint[] => {
  const all = Array.from({ length }, (_, n) => BigInt(n));
  const chosen =
    options.direction === 'backwards'
      ? all.filter((r) => r <= (options.from ?? BigInt(length)) && r >= (options.to ?? 0n)).reverse()
      : all.filter((r) => r >= (options.from ?? 0n) && (options.to === undefined || r <= options.to));
  return chosen.slice(0, options.maxCount ?? chosen.length);
};

const readOptions = (length: number): fc.Arbitrary<ReadStreamOptions> => {
  const revision = fc.option(fc.bigInt({ min: 0n, max: BigInt(length + 2) }), { nil: undefined });
  return fc
    .record({
      from: revision,
      to: revision,
      direction: fc.option(fc.constantFrom('forwards' as const, 'backwards' as const), { nil: undefined }),
      maxCount: fc.option(fc.nat({ max: length + 2 }), { nil: undefined }),
    })
    .map((options) =>
      Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    ) as fc.Arbitrary<ReadStreamOptions>;
};

export const readStreamContract = ({ store, streamId }: ContractContext) => {
  describe('readStream', () => {
    it('reads a stream forwards, every field as stored, with bigint revisions and positions', async () => {
      const stream = streamId('forwards');
      const written = newEvents(5);
      await store().appendToStream(stream, written.slice(0, 2), { expectedRevision: 'no_stream' });
      await store().appendToStream(stream, written.slice(2), { expectedRevision: 1n });

      const read = await collect(store().readStream(stream));
      expect(
        read.map(({ eventId, type, schemaVersion, data, metadata }) => ({
          eventId,
          type,
          schemaVersion,
          data,
          metadata,
        })),
      ).toStrictEqual(written);
      read.forEach((event, n) => {
        expect(event.streamId).toBe(stream);
        expect(event.streamRevision).toBe(BigInt(n));
        expect(typeof event.globalPosition).toBe('bigint');
      });
      for (let n = 1; n < read.length; n++) {
        expect(read[n]!.globalPosition > read[n - 1]!.globalPosition).toBe(true);
      }
    });

    it('reads a stream backwards from its last event', async () => {
      const stream = streamId('backwards');
      await store().appendToStream(stream, newEvents(4), { expectedRevision: 'no_stream' });
      const read = await collect(store().readStream(stream, { direction: 'backwards' }));
      expect(read.map((event) => event.streamRevision)).toEqual([3n, 2n, 1n, 0n]);
    });

    it('reads a missing stream as empty', async () => {
      expect(await collect(store().readStream(streamId('missing')))).toEqual([]);
      expect(await collect(store().readStream(streamId('missing'), { direction: 'backwards' }))).toEqual([]);
    });

    it('reads the stream as it stood at a revision (`to`), from a revision (`from`), at most `maxCount`', async () => {
      const stream = streamId('window');
      await store().appendToStream(stream, newEvents(10), { expectedRevision: 'no_stream' });
      const revisions = async (options: ReadStreamOptions) =>
        (await collect(store().readStream(stream, options))).map((event) => event.streamRevision);
      expect(await revisions({ to: 3n })).toEqual([0n, 1n, 2n, 3n]);
      expect(await revisions({ from: 7n })).toEqual([7n, 8n, 9n]);
      expect(await revisions({ from: 2n, to: 4n })).toEqual([2n, 3n, 4n]);
      expect(await revisions({ from: 2n, maxCount: 2 })).toEqual([2n, 3n]);
      expect(await revisions({ direction: 'backwards', from: 5n, to: 3n })).toEqual([5n, 4n, 3n]);
      expect(await revisions({ direction: 'backwards', maxCount: 2 })).toEqual([9n, 8n]);
      expect(await revisions({ maxCount: 0 })).toEqual([]);
    });

    it('takes revisions beyond 2^53 as bigints: nothing lies there, everything lies below', async () => {
      const stream = streamId('far');
      await store().appendToStream(stream, newEvents(3), { expectedRevision: 'no_stream' });
      const revisions = async (options: ReadStreamOptions) =>
        (await collect(store().readStream(stream, options))).map((event) => event.streamRevision);
      expect(await revisions({ from: 2n ** 60n })).toEqual([]);
      expect(await revisions({ from: 2n ** 53n + 1n })).toEqual([]);
      expect(await revisions({ to: 2n ** 60n })).toEqual([0n, 1n, 2n]);
      expect(await revisions({ direction: 'backwards', from: 2n ** 60n })).toEqual([2n, 1n, 0n]);
    });

    it('returns exactly the revisions that any combination of from, to, direction and maxCount selects', async () => {
      const stream = streamId('property');
      const length = 12;
      await store().appendToStream(stream, newEvents(length), { expectedRevision: 'no_stream' });
      await fc.assert(
        fc.asyncProperty(readOptions(length), async (options) => {
          const read = await collect(store().readStream(stream, options));
          expect(read.map((event) => event.streamRevision)).toEqual(expectedRevisions(length, options));
        }),
        { numRuns: 60 },
      );
    });
  });
};
