import * as fc from 'fast-check';
import type { NewEvent } from '@styring/eventstore';
import { eventMetadata, newEvent } from '../new-event';
import { collect } from './collect';
import type { ContractContext } from './store-under-test';

const stored = ({ eventId, type, schemaVersion, data, metadata }: NewEvent): NewEvent => ({
  eventId,
  type,
  schemaVersion,
  data,
  metadata,
});

const iso8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const unicode = 'Lørenskog kommune – Æ æ Ø ø Å å, «vedtak» 🏛️👩🏽‍⚖️ 中文 عربي e\u0301 "\\\' \n\t \u0000 \u2028';

export const payloadContract = ({ store, streamId, options }: ContractContext) => {
  let streams = 0;
  const roundTrip = async (events: readonly NewEvent[], name = `payload-${++streams}`) => {
    const stream = streamId(name);
    await store().appendToStream(stream, events, { expectedRevision: 'any' });
    return collect(store().readStream(stream));
  };

  describe('payloads', () => {
    it('round-trips unicode in stream ids, types, data and metadata exactly', async () => {
      const event = {
        ...newEvent(`vedtak-fattet-æøå-🏛️`, { text: unicode, [unicode]: [unicode] }, { actor: unicode }),
        eventId: `id-${unicode.slice(0, 20)}`,
      };
      const [read] = await roundTrip([event], `plan-æøå-🙂-${unicode.slice(0, 12)}`);
      expect(stored(read!)).toStrictEqual(event);
      expect(read!.streamId).toBe(streamId(`plan-æøå-🙂-${unicode.slice(0, 12)}`));
    });

    it('round-trips metadata exactly, with and without onBehalfOf', async () => {
      const withDelegate = eventMetadata({ onBehalfOf: 'kommunestyret', effectiveAt: '2024-06-19' });
      const without = eventMetadata({ actor: 'sekretariat', role: 'sekretær', causationId: 'cmd-7' });
      const read = await roundTrip([newEvent('a', {}, withDelegate), newEvent('b', {}, without)]);
      expect(read.map((event) => event.metadata)).toStrictEqual([withDelegate, without]);
      expect('onBehalfOf' in read[1]!.metadata).toBe(false);
    });

    it('round-trips any JSON data and schema version', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), fc.integer({ min: 1, max: 1000 }), async (data, schemaVersion) => {
          const event = { ...newEvent('json', data), schemaVersion };
          const [read] = await roundTrip([event]);
          expect(read!.data).toStrictEqual(JSON.parse(JSON.stringify(data)));
          expect(read!.schemaVersion).toBe(schemaVersion);
        }),
        { numRuns: 50 },
      );
    });

    it('records the commit time as ISO 8601', async () => {
      const [read] = await roundTrip([newEvent('timed')]);
      expect(read!.recordedAt).toMatch(iso8601);
      expect(Number.isNaN(Date.parse(read!.recordedAt))).toBe(false);
    });

    (options.largePayloads ? it : it.skip)('round-trips events of 1 MB', async () => {
      const megabyte = 'ø'.repeat(512 * 1024);
      const events = [
        newEvent('large', { text: megabyte }),
        newEvent('large', {
          items: Array.from({ length: 20_000 }, (_, n) => ({ n, text: `element ${n} 🙂` })),
        }),
      ];
      expect(Buffer.byteLength(JSON.stringify(events[0]!.data))).toBeGreaterThan(1024 * 1024);
      const read = await roundTrip(events);
      expect(read.map(stored)).toStrictEqual(events);
    });
  });
};
