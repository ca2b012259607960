import type { OpenedStore } from '@styring/app';
import { sqliteProjectionStore } from '@styring/projections';
import type { PositionCheckpoints } from './event-bridge';

/**
 * The bridge's checkpoint, kept where the projections keep theirs: in the read-model database, which for
 * the embedded SQLite store is the event store's own file.
 */
export const storeCheckpoints = (store: OpenedStore): PositionCheckpoints & { close: () => void } => {
  const db = store.openReadModelDatabase();
  const projections = sqliteProjectionStore(db);
  return {
    load: async (name) =>
      (await projections.transaction((tx) => projections.checkpoints.load(name, tx)))?.position,
    save: (name, position) =>
      projections.transaction((tx) => projections.checkpoints.save({ name, version: 1, position }, tx)),
    close: () => db.close(),
  };
};
