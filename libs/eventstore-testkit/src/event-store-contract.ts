import { randomUUID } from 'node:crypto';
import { appendContract } from './contract/append-contract';
import { concurrencyContract } from './contract/concurrency-contract';
import { consistencyContract } from './contract/consistency-contract';
import { eventIdContract } from './contract/event-id-contract';
import { lastPositionContract } from './contract/last-position-contract';
import { payloadContract } from './contract/payload-contract';
import { readAllContract } from './contract/read-all-contract';
import { readEventContract } from './contract/read-event-contract';
import { snapshotContract } from './contract/snapshot-contract';
import { readStreamContract } from './contract/read-stream-contract';
import type {
  ContractContext,
  ContractOptions,
  StoreFactory,
  StoreUnderTest,
} from './contract/store-under-test';
import { subscriptionContract } from './contract/subscription-contract';

export type { ContractOptions, StoreFactory, StoreUnderTest } from './contract/store-under-test';

/**
 * The behavior every `EventStore` adapter promises, as one Jest suite. An adapter's spec is three lines:
 *
 *   describeEventStoreContract('SQLite', async () => { ...; return { store, openAnother, dispose }; });
 *
 * The factory runs before each test. Tests write only to streams with a prefix unique to the test, so the
 * suite also runs against a shared server; handles a test gets from `openAnother()` it closes itself.
 */
export const describeEventStoreContract = (
  adapterName: string,
  factory: StoreFactory,
  options: ContractOptions = {},
): void => {
  describe(`${adapterName} event store contract`, () => {
    let current: { sut: StoreUnderTest; prefix: string } | undefined;
    const sut = () => {
      if (current === undefined) throw new Error('no store under test outside a test');
      return current.sut;
    };
    const context: ContractContext = {
      sut,
      store: () => sut().store,
      streamId: (name) => `${current?.prefix ?? ''}${name}`,
      options: {
        largePayloads: options.largePayloads ?? true,
        uniqueEventIds: options.uniqueEventIds ?? 'log',
        snapshots: options.snapshots ?? false,
      },
    };

    beforeEach(async () => {
      current = { sut: await factory(), prefix: `contract-${randomUUID().slice(0, 8)}-` };
    });
    afterEach(async () => {
      await current?.sut.dispose();
      current = undefined;
    });

    appendContract(context);
    eventIdContract(context);
    readStreamContract(context);
    readAllContract(context);
    readEventContract(context);
    lastPositionContract(context);
    subscriptionContract(context);
    concurrencyContract(context);
    consistencyContract(context);
    payloadContract(context);
    snapshotContract(context);
  });
};
