import { resolve } from 'node:path';
import { describeConsistencyRace } from '@styring/eventstore-testkit';
import { openSqliteEventStore } from '../sqlite-event-store';
import { temporaryStoreFile } from '../temporary-store-file';

const packageRoot = resolve(__dirname, '../..');

describeConsistencyRace('SQLite', async () => {
  const { file, remove } = temporaryStoreFile();
  const store = openSqliteEventStore({ file });
  return {
    store,
    child: {
      project: resolve(packageRoot, 'tsconfig.json'),
      module: resolve(packageRoot, 'dist/index.js'),
      open: 'openSqliteEventStore',
      options: { file },
    },
    dispose: async () => (await store.close(), remove()),
  };
});
