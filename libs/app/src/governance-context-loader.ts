import * as E from 'fp-ts/Either';
import type { EventReader, RecordedEvent, SnapshotStore } from '@styring/eventstore';
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
import { contextFromSnapshot, contextSnapshot, contextSnapshotName } from './context-snapshot';

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
 * The context, and the global position the log was read up to (absent: the log held nothing): every fact up
 * to it is in the context, so a decision's append condition is "no fact of a kind it read after this
 * position".
 */
export interface LoadedContext {
  readonly context: GovernanceContext;
  readonly position?: bigint;
}

/**
 * How many facts a loader folds beyond its snapshot before it writes a new one. Writing costs a running
 * service a pause (the context of the 1,000,000-event synthetic history is a 9.5 MB snapshot, about 0.1 s
 * to write); a fresh process reads at most this many facts after the snapshot (a few milliseconds).
 */
const SNAPSHOT_EVERY = 1000;

/** Where the loader keeps its snapshot, and after how many facts it writes a new one. */
export interface ContextSnapshots {
  readonly store: SnapshotStore;
  readonly every?: number;
}

/**
 * The facts from outside a stream that deciders need (delegations in force, units, projects, risk scales),
 * folded from the global log. With a `SnapshotStore` the loader starts from the stored snapshot of the fold
 * (`context-snapshot.ts`), when it is of this version and the log holds the event it ends at, and folds only
 * the facts after it; it writes a new snapshot after every `every` facts it folds, so a new process
 * (`styring exec`) reads a short tail, not the whole log. The fold is kept and extended with only the events
 * appended since the last call, also by other processes. Catch-ups never overlap, so the fold never sees an
 * event twice, and the commands that arrive during one share the next (`coalesced`).
 */
export const governanceContextLoader = (
  store: EventReader,
  configuration: GovernanceConfiguration = defaultGovernanceConfiguration,
  snapshots?: ContextSnapshots,
): (() => Promise<LoadedContext>) => {
  const snapshotEvery = snapshots?.every ?? SNAPSHOT_EVERY;
  let context = emptyGovernanceContext(configuration);
  /** The last fact folded: where a snapshot ends. */
  let position: bigint | undefined;
  /**
   * Where the last read of the log ended, at or after the last fact: the next one starts there, so the
   * other events (most of a long history) are scanned once, not at every command until the next fact.
   */
  let readTo: bigint | undefined;
  let resumed = snapshots === undefined;
  let foldedSinceSnapshot = 0;
  let lastEventId = '';

  const resume = async (from: SnapshotStore) => {
    const snapshot = await from.readSnapshot(contextSnapshotName);
    const stored = snapshot === undefined ? undefined : contextFromSnapshot(snapshot, configuration);
    if (snapshot === undefined || stored === undefined) return;
    // The snapshot must end at an event this log holds: a restored or other database is folded afresh.
    const after = snapshot.position > 0n ? { after: snapshot.position - 1n } : {};
    const at = store.readAll({ ...after, to: snapshot.position, maxCount: 1 });
    for await (const recorded of at) {
      if (recorded.eventId !== stored.lastEventId || recorded.globalPosition !== snapshot.position) return;
      ({ context, lastEventId } = stored);
      position = snapshot.position;
      readTo = snapshot.position;
    }
  };

  const catchUp = async () => {
    if (!resumed && snapshots !== undefined) {
      await resume(snapshots.store);
      resumed = true;
    }
    // Up to where the log ends now; what is appended meanwhile is read by the next catch-up.
    const end = await store.lastPosition();
    if (end !== undefined && (readTo === undefined || end > readTo)) {
      const filter = { eventTypes: factEventTypes };
      const fold = new GovernanceContextFold(context);
      const after = readTo === undefined ? {} : { after: readTo };
      for await (const recorded of store.readAll({ ...after, to: end, filter })) {
        fold.add(decode(recorded), recorded.eventId);
        position = recorded.globalPosition;
        lastEventId = recorded.eventId;
        foldedSinceSnapshot += 1;
      }
      context = fold.result();
      readTo = end;
    }
    if (snapshots !== undefined && position !== undefined && foldedSinceSnapshot >= snapshotEvery) {
      await snapshots.store.writeSnapshot(
        contextSnapshotName,
        contextSnapshot(context, position, lastEventId),
      );
      foldedSinceSnapshot = 0;
    }
    return readTo === undefined ? { context } : { context, position: readTo };
  };
  return coalesced(catchUp);
};
