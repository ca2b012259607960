import { keepsSnapshots, type SnapshotStore } from '@styring/eventstore';
import type { ContractContext } from './store-under-test';

const snapshotsOf = (store: object): SnapshotStore => {
  if (!keepsSnapshots(store)) throw new Error('the store under test keeps no snapshots');
  return store;
};

/** `SnapshotStore`, for the stores that keep snapshots (`ContractOptions.snapshots`). */
export const snapshotContract = (context: ContractContext) => {
  const { store, sut, streamId } = context;
  if (!context.options.snapshots) return;

  describe('snapshots', () => {
    it('has none under a name never written', async () => {
      expect(await snapshotsOf(store()).readSnapshot(streamId('never'))).toBeUndefined();
    });

    it('keeps the last one written under each name, whole, also for another handle', async () => {
      const name = streamId('context');
      const state = new Uint8Array(300_000).map((_, n) => n % 251);
      await snapshotsOf(store()).writeSnapshot(name, { version: 'v1', position: 2n ** 40n, state });
      await snapshotsOf(store()).writeSnapshot(streamId('other'), {
        version: 'v1',
        position: 1n,
        state: new Uint8Array([1]),
      });
      const other = await sut().openAnother();
      try {
        const read = await snapshotsOf(other).readSnapshot(name);
        expect(read).toMatchObject({ version: 'v1', position: 2n ** 40n });
        expect(Buffer.from(read!.state).equals(Buffer.from(state))).toBe(true);
        await snapshotsOf(other).writeSnapshot(name, {
          version: 'v2',
          position: 3n,
          state: new Uint8Array([7]),
        });
      } finally {
        await other.close();
      }
      const replaced = await snapshotsOf(store()).readSnapshot(name);
      expect(replaced).toMatchObject({ version: 'v2', position: 3n });
      expect([...replaced!.state]).toEqual([7]);
    });
  });
};
