/**
 * What the writer believes about the stream it appends to (EventStoreDB's semantics):
 * - `any`: no check;
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must have at least one event;
 * - a bigint: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** The revision of a stream's last event, or `undefined` when the stream has no events. */
export type CurrentRevision = bigint | undefined;

export const matchesExpectedRevision = (expected: ExpectedRevision, current: CurrentRevision): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
};

/** Readable form for messages and logs (`5`, `no_stream`, `none` for a missing stream). */
export const formatRevision = (revision: ExpectedRevision | CurrentRevision): string =>
  revision === undefined ? 'none' : String(revision);
