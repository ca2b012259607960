import * as E from 'fp-ts/Either';
import type { EventReader, RecordedEvent } from '@styring/eventstore';
import {
  defaultGovernanceConfiguration,
  emptyGovernanceContext,
  evolveGovernanceContext,
  type GovernanceConfiguration,
  type GovernanceContext,
  governanceEventSerde,
  isGovernanceEventType,
} from '@styring/governance';
import { coalesced } from './coalesced';

/** A stored event this code cannot read: deciding around it could wrongly grant or refuse authority. */
export class UnreadableHistoryError extends Error {
  override readonly name = 'UnreadableHistoryError';
}

const decode = (recorded: RecordedEvent) => {
  const event = governanceEventSerde.fromRecorded(recorded);
  if (E.isLeft(event)) {
    const { eventId, streamId, streamRevision, reason } = event.left;
    throw new UnreadableHistoryError(
      `event ${eventId} (${streamId}@${streamRevision}) cannot be read: ${reason}; nothing was decided`,
    );
  }
  return event.right;
};

/** The context, and the global position up to which it was read (absent: the log was empty). */
export interface LoadedContext {
  readonly context: GovernanceContext;
  readonly position?: bigint;
}

/**
 * The facts from outside a stream that deciders need (delegations in force, units, projects, risk scales),
 * folded from the global log. The fold is kept and extended with only the events appended since the last
 * call, also by other processes. Catch-ups never overlap, so the fold never sees an event twice, and the
 * commands that arrive during one share the next (`coalesced`).
 */
export const governanceContextLoader = (
  store: EventReader,
  configuration: GovernanceConfiguration = defaultGovernanceConfiguration,
): (() => Promise<LoadedContext>) => {
  let context = emptyGovernanceContext(configuration);
  let position: bigint | undefined;
  const catchUp = async () => {
    for await (const recorded of store.readAll(position === undefined ? {} : { after: position })) {
      if (isGovernanceEventType(recorded.type))
        context = evolveGovernanceContext(context, decode(recorded), recorded.eventId);
      position = recorded.globalPosition;
    }
    return position === undefined ? { context } : { context, position };
  };
  return coalesced(catchUp);
};

/** The recorded event a correction names, or `undefined` when the log has none with that id. */
export const findRecordedEvent = async (
  store: EventReader,
  eventId: string,
): Promise<RecordedEvent | undefined> => {
  for await (const recorded of store.readAll()) if (recorded.eventId === eventId) return recorded;
  return undefined;
};
