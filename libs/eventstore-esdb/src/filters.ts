import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { AllFilter, RecordedEvent } from '@styring/eventstore';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The one filter EventStoreDB applies on the server for a subscription (it takes either stream prefixes or
 * an event-type pattern, not both). It only narrows what travels; `passes` decides.
 */
export const serverFilter = (filter: AllFilter | undefined): Filter => {
  if (filter?.streamPrefixes !== undefined && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  }
  if (filter?.eventTypes !== undefined) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
};

/** Whether an event passes every criterion of the filter. */
export const passes = (filter: AllFilter | undefined, event: RecordedEvent): boolean =>
  (filter?.eventTypes === undefined || filter.eventTypes.includes(event.type)) &&
  (filter?.streamPrefixes === undefined ||
    filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)));
