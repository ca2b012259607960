import * as E from 'fp-ts/Either';
import { Logger } from '@nestjs/common';
import type { RecordedEvent } from '@styring/eventstore';
import { governanceEventSerde, isGovernanceEventType } from '@styring/governance';
import { eventClassFor, type StyringEvent } from './styring-event';

const logger = new Logger('StyringEventBridge');

/**
 * A recorded event as an instance of its type's class, with its data decoded and upcast by the domain's
 * serde. Events of other domains travel with their data as stored; a governance event that does not
 * decode is logged and not published (the history is never edited, so it would fail every time).
 */
export const toBusEvent = (recorded: RecordedEvent): StyringEvent | undefined => {
  const EventClass = eventClassFor(recorded.type);
  if (!isGovernanceEventType(recorded.type)) return new EventClass(recorded, recorded.data);
  const decoded = governanceEventSerde.fromRecorded(recorded);
  if (E.isLeft(decoded)) {
    logger.error(`event ${recorded.eventId} (${recorded.type}) does not decode: ${decoded.left.reason}`);
    return undefined;
  }
  const { type: _type, ...data } = decoded.right;
  return new EventClass(recorded, data);
};
