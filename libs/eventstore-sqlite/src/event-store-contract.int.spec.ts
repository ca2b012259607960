import { describeEventStoreContract } from '@styring/eventstore-testkit';
import { temporaryStoreFile } from './temporary-store-file';
import { openSqliteEventStore } from './sqlite-event-store';

describeEventStoreContract(
  'SQLite',
  async () => {
    const { file, remove } = temporaryStoreFile();
    const open = () => openSqliteEventStore({ file });
    const store = open();
    return { store, openAnother: async () => open(), dispose: async () => (await store.close(), remove()) };
  },
  { uniqueEventIds: 'stream', snapshots: true },
);
