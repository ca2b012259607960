import * as E from 'fp-ts/Either';
import type { EventReader, RecordedEvent } from '@styring/eventstore';
import {
  defaultGovernanceConfiguration,
  emptyGovernanceContext,
  type GovernanceConfiguration,
  type GovernanceContext,
  GovernanceContextFold,
  governanceEventSerde,
  governanceFactEventTypes,
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

/**
 * The event types the fold reads: every other type leaves the context as it is, so the store need not send
 * (nor this code parse and decode) status reports, assessments and the rest, most of a long history.
 */
const factEventTypes = [...new Set(Object.values(governanceFactEventTypes).flat())];

/**
 * The context, and the global position of the last fact it was read up to (absent: the log held none). The
 * events after it and before the end of the log change no fact, so a decision's append condition ("no fact
 * of a kind it read after this position") means the same as it would from the end of the log.
 */
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
    const filter = { eventTypes: factEventTypes };
    const fold = new GovernanceContextFold(context);
    for await (const recorded of store.readAll(
      position === undefined ? { filter } : { after: position, filter },
    )) {
      fold.add(decode(recorded), recorded.eventId);
      position = recorded.globalPosition;
    }
    context = fold.result();
    return position === undefined ? { context } : { context, position };
  };
  return coalesced(catchUp);
};

