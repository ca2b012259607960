import type { AppendCondition } from './append-condition';
import type { ConcurrencyError, ConsistencyConflict } from './errors';
import type { ExpectedRevision } from './expected-revision';
import type { NewEvent, RecordedEvent } from './recorded-event';

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  /**
   * Facts outside the stream the decision rests on: when an event matching the condition was appended
   * after its position, the append writes nothing and returns a `ConsistencyConflict`. Checked after the
   * event ids and the revision, atomically with the write where the store can (see each adapter's README).
   */
  readonly condition?: AppendCondition;
}

/** A successful append: where the stream now stands and where its last event sits in the global log. */
export interface Appended {
  readonly _tag: 'Appended';
  readonly nextExpectedRevision: bigint;
  readonly lastPosition: bigint;
}

export type AppendOutcome = Appended | ConcurrencyError | ConsistencyConflict;

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Forwards: defaults to 0; backwards: to the last event. */
  readonly from?: bigint;
  /** Last revision to read (inclusive): reading a stream "as it stood" at a revision. */
  readonly to?: bigint;
  readonly direction?: ReadDirection;
  readonly maxCount?: number;
}

/** Which events of the global log to see. An event passes when it matches every given criterion. */
export interface AllFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Read events strictly after this global position (a checkpoint); from the start when absent. */
  readonly after?: bigint;
  /** Last global position to read (inclusive). */
  readonly to?: bigint;
  readonly filter?: AllFilter;
  readonly maxCount?: number;
}

export interface ReadEventOptions {
  /** The stream the event is in, when the caller knows it. */
  readonly streamId?: string;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this global position; from the start when absent. */
  readonly after?: bigint;
  readonly filter?: AllFilter;
}

/**
 * A catch-up subscription: first every stored event after the starting point, then each event as it is
 * committed, in global order, without gaps or duplicates. Iterate it; `close()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * The port is split by need, so that each consumer asks for the least it uses (a projection reads and
 * follows, a command handler reads and writes, an export only reads) and a test can hand it exactly that.
 */

/** Writing: the one way events get into the log. */
export interface EventWriter {
  /**
   * Appends all events or none. A revision mismatch is returned as a `ConcurrencyError`, a broken
   * condition as a `ConsistencyConflict`; neither is thrown.
   */
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendOutcome>;
}

/** Reading what is stored: one stream, or the global log. */
export interface EventReader {
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  streamExists(streamId: string): Promise<boolean>;
  /**
   * The recorded event with this id, or `undefined` when the log holds none (a correction names the event
   * it corrects by id). Where ids are unique only per stream (see the testkit's event id contract), the
   * first in the log. Given the stream, only that stream is searched: bounded by the stream's length on
   * every store, where a lookup by id alone reads the log on stores without an index on ids (see each
   * adapter's README).
   */
  readEvent(eventId: string, options?: ReadEventOptions): Promise<RecordedEvent | undefined>;
  /**
   * A global position at or after the last event recorded now (`undefined` while nothing is): reading the
   * log after it gives only what is appended later. A reader that filters the log (a few event types) reads
   * up to it with `to` and resumes after it, so that the events it skipped are not scanned again.
   */
  lastPosition(): Promise<bigint | undefined>;
}

/** Following the global log as it grows. */
export interface EventSubscriber {
  subscribeToAll(options?: SubscribeOptions): Subscription;
}

/** The port every store adapter implements. Streams are append-only: nothing is ever edited or removed. */
export interface EventStore extends EventReader, EventWriter, EventSubscriber {
  /** Releases connections and ends open subscriptions. */
  close(): Promise<void>;
}
