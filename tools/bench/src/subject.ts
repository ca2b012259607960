import type { NewEvent } from '@styring/eventstore';

/** Something measured: the store, or the raw driver it is compared with. */
export interface Subject {
  /**
   * Does what may happen before the clock starts (the raw floor serializes its rows here) and returns
   * the timed part: append batch `n`, one append call per batch.
   */
  readonly prepareAppends: (batches: readonly NewEvent[][]) => (n: number) => Promise<void>;
  /** Reads `count` events of one long stream (for the floor: the first `count` rows). */
  readonly readStream: (count: number) => Promise<void>;
  /** Reads the first `count` events of the global log. */
  readonly readAll: (count: number) => Promise<void>;
  readonly close: () => Promise<void>;
}
