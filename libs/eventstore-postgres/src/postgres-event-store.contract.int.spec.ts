import { describeEventStoreContract } from '@styring/eventstore-testkit';
import { openPostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

describeWithPostgres('PostgreSQL adapter', (cluster) => {
  let schemas = 0;
  describeEventStoreContract(
    'PostgreSQL',
    async () => {
      const options = { connection: cluster().connectionString(), schema: `contract_${++schemas}` };
      const store = await openPostgresEventStore(options);
      return { store, openAnother: () => openPostgresEventStore(options), dispose: () => store.close() };
    },
    { snapshots: true },
  );
});
