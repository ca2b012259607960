import { describeEventStoreContract } from '@styring/eventstore-testkit';
import { openEsdbEventStore } from './esdb-event-store';
import { startEsdbStandIn } from './testing/esdb-standin/standin-server';

// EventStoreDB refuses appends above --max-append-size (1 MiB by default), so the 1 MB payload test is off;
// it recognizes retries within a stream but does not keep event ids unique across streams.
const options = { largePayloads: false, uniqueEventIds: 'stream' } as const;

const againstStandIn = (batchAppend: boolean) => async () => {
  const standIn = await startEsdbStandIn({ batchAppend });
  const connection = { connectionString: standIn.connectionString };
  const store = await openEsdbEventStore(connection);
  return {
    store,
    openAnother: () => openEsdbEventStore(connection),
    dispose: async () => {
      await store.close();
      await standIn.stop();
    },
  };
};

describeEventStoreContract(
  'EventStoreDB adapter against the wire-level stand-in (not a real server), appending by BatchAppend',
  againstStandIn(true),
  options,
);
describeEventStoreContract(
  'EventStoreDB adapter against the wire-level stand-in (not a real server), appending by Append as before 21.10',
  againstStandIn(false),
  options,
);

const realServer = process.env['EVENTSTOREDB_CONNECTION_STRING'];
if (realServer === undefined || realServer === '') {
  process.stdout.write(
    'Skipped the EventStoreDB contract suite against a real server: EVENTSTOREDB_CONNECTION_STRING is not set ' +
      '(see libs/eventstore-esdb/README.md).\n',
  );
} else {
  describeEventStoreContract(
    'EventStoreDB adapter against a real server',
    async () => {
      const store = await openEsdbEventStore({ connectionString: realServer });
      return {
        store,
        openAnother: () => openEsdbEventStore({ connectionString: realServer }),
        dispose: () => store.close(),
      };
    },
    options,
  );
}
