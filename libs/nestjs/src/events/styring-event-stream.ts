import type { EventSubscriber, SubscribeOptions } from '@styring/eventstore';
import { Observable } from 'rxjs';
import type { StyringEvent } from './styring-event';
import { toBusEvent } from './to-bus-event';

/**
 * The store's subscription to the whole log as an rxjs Observable of events: the history after the
 * checkpoint the consumer keeps (`after`: the `globalPosition` of the last event it handled; without one,
 * from the beginning) first, then live, in log order, each an instance of its type's class (governance events
 * decoded and upcast, as on the EventBus). Each subscriber gets a subscription of its own; unsubscribing
 * closes it. A store failure errors the Observable: resubscribe from the checkpoint you kept (the stream
 * never skips ahead of it, so an event is handled again at most once per restart).
 */
export const styringEventStream = (
  store: EventSubscriber,
  options: SubscribeOptions = {},
): Observable<StyringEvent> =>
  new Observable<StyringEvent>((subscriber) => {
    const subscription = store.subscribeToAll(options);
    const pump = async () => {
      for await (const recorded of subscription) {
        const event = toBusEvent(recorded);
        if (event !== undefined) subscriber.next(event);
      }
    };
    pump().then(
      () => subscriber.complete(),
      (error: unknown) => subscriber.error(error),
    );
    return () => void subscription.close();
  });
