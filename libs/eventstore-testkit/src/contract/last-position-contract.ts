import { newEvents } from '../new-event';
import { collect } from './collect';
import type { ContractContext } from './store-under-test';

/** `lastPosition`: where the log ends now, so that a filtered reader can resume after what it scanned. */
export const lastPositionContract = (context: ContractContext) => {
  const { store, sut, streamId } = context;

  describe('lastPosition', () => {
    it('is at or after the last append, and nothing is read after it until the next append', async () => {
      const first = await store().appendToStream(streamId('last-position'), newEvents(3), {
        expectedRevision: 'no_stream',
      });
      if (first._tag !== 'Appended') throw new Error('the append was refused');
      const last = await store().lastPosition();
      expect(last !== undefined && last >= first.lastPosition).toBe(true);
      expect(await collect(store().readAll({ after: last! }))).toEqual([]);

      const second = await store().appendToStream(streamId('last-position'), newEvents(2), {
        expectedRevision: 2n,
      });
      if (second._tag !== 'Appended') throw new Error('the append was refused');
      const after = await collect(store().readAll({ after: last! }));
      expect(after.map((event) => event.globalPosition)).toContain(second.lastPosition);
      expect((await store().lastPosition())! >= second.lastPosition).toBe(true);
    });

    it('sees what another handle appended after this one opened', async () => {
      const other = await sut().openAnother();
      try {
        const appended = await other.appendToStream(streamId('last-position-elsewhere'), newEvents(1), {
          expectedRevision: 'no_stream',
        });
        if (appended._tag !== 'Appended') throw new Error('the append was refused');
        expect((await store().lastPosition())! >= appended.lastPosition).toBe(true);
      } finally {
        await other.close();
      }
    });
  });
};
