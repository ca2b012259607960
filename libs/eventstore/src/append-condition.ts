import type { RecordedEvent } from './recorded-event';

/**
 * One kind of fact a decision consulted. An event matches when it passes every list given (an item with no
 * lists matches every event); an empty list matches nothing.
 */
export interface EventQueryItem {
  readonly eventTypes?: readonly string[];
  readonly streamIds?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

/**
 * The condition of a decision on facts outside its own stream (a "dynamic consistency boundary"): the
 * append holds only if no event matching any item of `failIfEventsMatch` has been appended after global
 * position `after` (the position up to which the decider read; absent when it read an empty log).
 */
export interface AppendCondition {
  readonly failIfEventsMatch: readonly EventQueryItem[];
  readonly after?: bigint;
}

/** Whether a stored event is one of the facts the condition guards. */
export const matchesCondition = (
  condition: AppendCondition,
  event: Pick<RecordedEvent, 'type' | 'streamId' | 'globalPosition'>,
): boolean =>
  (condition.after === undefined || event.globalPosition > condition.after) &&
  condition.failIfEventsMatch.some(
    (item) =>
      (item.eventTypes === undefined || item.eventTypes.includes(event.type)) &&
      (item.streamIds === undefined || item.streamIds.includes(event.streamId)) &&
      (item.streamPrefixes === undefined ||
        item.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))),
  );
