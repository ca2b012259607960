import * as E from 'fp-ts/Either';
import type { RecordedEvent } from '@styring/eventstore';
import { type GovernanceEvent, governanceEventSerde } from '@styring/governance';

/** A stored event no codec accepts: the runner stops on it rather than leave a silent hole in a read model. */
export class UndecodableEventError extends Error {
  override readonly name = 'UndecodableEventError';
  constructor(event: RecordedEvent, reason: string) {
    super(
      `event ${event.eventId} (${event.type}, stream '${event.streamId}' revision ${event.streamRevision}, ` +
        `position ${event.globalPosition}) cannot be projected: ${reason}`,
    );
  }
}

// Several projections see the same event objects in one batch: decode each once.
const decoded = new WeakMap<RecordedEvent, GovernanceEvent>();

/** Decodes (and upcasts) a recorded governance event through the domain's serde. */
export const decodeGovernanceEvent = (event: RecordedEvent): GovernanceEvent => {
  let result = decoded.get(event);
  if (result === undefined) {
    const outcome = governanceEventSerde.fromRecorded(event);
    if (E.isLeft(outcome)) throw new UndecodableEventError(event, outcome.left.reason);
    result = outcome.right;
    decoded.set(event, result);
  }
  return result;
};
