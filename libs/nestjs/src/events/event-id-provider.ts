import type { Type } from '@nestjs/common';
import type { EventIdProvider, IEvent } from '@nestjs/cqrs';
import { StyringEvent } from './styring-event';

/** Where `@EventsHandler` keeps the id of an ordinary (non-styring) event class. */
const nestEventMetadata = '__event__';

/**
 * Matches styring events by their stored `type`, not by class identity, so an event appended by another
 * process (or read back after a restart) reaches the handlers of its type. Other event classes keep
 * Nest's own matching, so an application's own events work as before. The base class `StyringEvent` has
 * no id: as in Nest, a handler without an id sees every event on the bus.
 */
export const styringEventIdProvider: EventIdProvider = {
  getEventId: (eventClass: Type<IEvent>) => {
    if (eventClass === StyringEvent) return null;
    if (eventClass.prototype instanceof StyringEvent) {
      return `styring:${(eventClass as unknown as typeof StyringEvent).eventType}`;
    }
    const metadata: unknown = Reflect.getMetadata(nestEventMetadata, eventClass);
    return typeof metadata === 'object' && metadata !== null && 'id' in metadata ? String(metadata.id) : null;
  },
};
