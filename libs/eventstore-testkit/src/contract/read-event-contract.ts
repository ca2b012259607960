import { newEvent, newEvents } from '../new-event';
import { collect } from './collect';
import type { ContractContext } from './store-under-test';

/** `readEvent`: one recorded event by its id, as a correction names the event it corrects. */
export const readEventContract = (context: ContractContext) => {
  const { store, sut, streamId } = context;

  describe('readEvent', () => {
    it('returns the recorded event with that id exactly as the stream reads it', async () => {
      const stream = streamId('read-event');
      const batch = [...newEvents(2), newEvent('named', { text: 'æøå', amount: 1812500 }), ...newEvents(2)];
      await store().appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      const recorded = await collect(store().readStream(stream));
      expect(await store().readEvent(batch[2]!.eventId)).toEqual(recorded[2]);
      expect(await store().readEvent(batch[0]!.eventId)).toEqual(recorded[0]);
    });

    it('searches only the stream it is given, when given one', async () => {
      const stream = streamId('read-event-in-stream');
      const batch = newEvents(3);
      await store().appendToStream(stream, batch, { expectedRevision: 'no_stream' });
      const [, second] = await collect(store().readStream(stream));
      expect(await store().readEvent(batch[1]!.eventId, { streamId: stream })).toEqual(second);
      expect(await store().readEvent(batch[1]!.eventId, { streamId: streamId('elsewhere') })).toBeUndefined();
    });

    it('returns undefined for an id the log does not hold', async () => {
      await store().appendToStream(streamId('read-event-other'), newEvents(1), {
        expectedRevision: 'no_stream',
      });
      expect(await store().readEvent(newEvent('never-appended').eventId)).toBeUndefined();
    });

    it('finds an event another handle appended after this one opened', async () => {
      const other = await sut().openAnother();
      try {
        const [event] = newEvents(1);
        await other.appendToStream(streamId('read-event-elsewhere'), [event!], {
          expectedRevision: 'no_stream',
        });
        expect(await store().readEvent(event!.eventId)).toMatchObject({
          eventId: event!.eventId,
          streamId: streamId('read-event-elsewhere'),
          streamRevision: 0n,
        });
      } finally {
        await other.close();
      }
    });
  });
};
