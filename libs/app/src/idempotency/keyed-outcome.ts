import type { EventReader } from '@styring/eventstore';
import type { AppendedEvent } from '../execution-result';

/** The first outcome of a keyed command: its events as appended, and the correlation id they carry. */
export interface KeyedOutcome {
  readonly streamId: string;
  readonly correlationId: string;
  readonly events: readonly AppendedEvent[];
}

/**
 * The events a command with this key appended to its stream (the events' `causationId`: the idempotency key
 * when one was given), read from the stream itself, so also across processes and restarts. A key names a
 * command within the stream it writes to: a command writes to one stream, which its fields determine, so a
 * retry reads the stream its first attempt wrote to, and a fresh process reads one stream, not the log.
 */
export const keyedOutcome = async (
  store: EventReader,
  streamId: string,
  key: string,
): Promise<KeyedOutcome | undefined> => {
  let outcome: { streamId: string; correlationId: string; events: AppendedEvent[] } | undefined;
  for await (const recorded of store.readStream(streamId)) {
    const { eventId, type, streamRevision, globalPosition, metadata } = recorded;
    if (metadata.causationId !== key) continue;
    outcome ??= { streamId, correlationId: metadata.correlationId, events: [] };
    outcome.events.push({ eventId, type, streamRevision, globalPosition });
  }
  return outcome;
};
