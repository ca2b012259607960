import { type EventOf, type GovernanceEventType, governanceEventTypes } from '@styring/governance';
import { eventClassFor, type StyringEventClass } from './styring-event';

/** The data a governance event carries on the bus: the decoded event without its `type`. */
export type EventData<T extends GovernanceEventType> = Omit<EventOf<T>, 'type'>;

/**
 * One class per governance event type, for `@EventsHandler(StyringEvents.PlanAdopted)` and
 * `ofType(StyringEvents.PlanAdopted)` in sagas.
 */
export const StyringEvents = Object.fromEntries(
  governanceEventTypes.map((type) => [type, eventClassFor(type)]),
) as unknown as { readonly [T in GovernanceEventType]: StyringEventClass<T, EventData<T>> };
