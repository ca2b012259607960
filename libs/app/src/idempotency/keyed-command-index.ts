import type { EventReader } from '@styring/eventstore';
import type { AppendedEvent } from '../execution-result';

/** The first outcome of a keyed command: its events as appended, and the correlation id they carry. */
export interface KeyedOutcome {
  readonly streamId: string;
  readonly correlationId: string;
  readonly events: readonly AppendedEvent[];
}

/**
 * The events of each command by its id (the events' `causationId`: the idempotency key when one was given),
 * read from the global log and extended with only what was appended since the last call – also by other
 * processes, and across a restart, since it is the log itself.
 */
export const keyedCommandIndex = (
  store: EventReader,
): ((key: string) => Promise<KeyedOutcome | undefined>) => {
  const outcomes = new Map<string, { streamId: string; correlationId: string; events: AppendedEvent[] }>();
  let position: bigint | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const catchUp = async () => {
    for await (const recorded of store.readAll(position === undefined ? {} : { after: position })) {
      const { eventId, type, streamId, streamRevision, globalPosition, metadata } = recorded;
      const outcome = outcomes.get(metadata.causationId) ?? {
        streamId,
        correlationId: metadata.correlationId,
        events: [],
      };
      outcome.events.push({ eventId, type, streamRevision, globalPosition });
      outcomes.set(metadata.causationId, outcome);
      position = globalPosition;
    }
  };
  return (key) => {
    const loaded = queue.then(catchUp).then(() => outcomes.get(key));
    queue = loaded.catch(() => undefined);
    return loaded;
  };
};
