import type { EventStore } from '@styring/eventstore';

/** What an adapter hands the contract suite for each test. */
export interface StoreUnderTest {
  readonly store: EventStore;
  /** A second, independent handle on the same storage (as another process would open it). */
  openAnother(): Promise<EventStore>;
  dispose(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreUnderTest>;

export interface ContractOptions {
  /** Whether the store takes 1 MB events (default true). */
  readonly largePayloads?: boolean;
  /**
   * What the store guarantees about event ids (see `eventIdContract`): `'log'` (the default), unique in the
   * whole log, where it is cheap (PostgreSQL: a unique index); `'stream'`, only a retried append is
   * recognized, within its stream (SQLite, whose file has no index on event ids; EventStoreDB's own
   * idempotence).
   */
  readonly uniqueEventIds?: 'log' | 'stream';
  /** Whether the store keeps read-model snapshots (`SnapshotStore`; default false). */
  readonly snapshots?: boolean;
}

/** What each group of contract tests sees of the store under test. */
export interface ContractContext {
  readonly store: () => EventStore;
  readonly sut: () => StoreUnderTest;
  /**
   * A stream id unique to the running test, so that the suite also runs against a shared server.
   * All streams of one test share the prefix `streamId('')`.
   */
  readonly streamId: (name: string) => string;
  readonly options: Required<ContractOptions>;
}
