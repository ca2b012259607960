import { resolve } from 'node:path';
import { describeConsistencyRace } from '@styring/eventstore-testkit';
import { openPostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

const packageRoot = resolve(__dirname, '..');

describeWithPostgres('PostgreSQL adapter', (cluster) => {
  describeConsistencyRace('PostgreSQL', async () => {
    const options = { connection: cluster().connectionString(), schema: 'race' };
    const store = await openPostgresEventStore(options);
    return {
      store,
      child: {
        project: resolve(packageRoot, 'tsconfig.json'),
        module: resolve(packageRoot, 'dist/index.js'),
        open: 'openPostgresEventStore',
        options,
      },
      dispose: () => store.close(),
    };
  });
});
