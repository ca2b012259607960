import type { EventReader, RecordedEvent } from '@styring/eventstore';
import * as E from 'fp-ts/Either';
import {
  type EventCorrected,
  type GovernanceEvent,
  governanceEventSerde,
  withValueAt,
} from '@styring/governance';
import { decodeGovernanceEvent } from './decode';

/** Where a projection finds the event a correction names, as it was first recorded: the port's reader. */
export type EventSource = EventReader;

/** A corrected event: its place in the log and metadata as recorded, its data with every correction so far. */
export interface RevisedEvent {
  readonly recorded: RecordedEvent;
  readonly event: GovernanceEvent;
}

/** A revised event as `projection_revisions` keeps it (bigints as strings). */
export const toJson = (event: RecordedEvent): string =>
  JSON.stringify({
    ...event,
    streamRevision: String(event.streamRevision),
    globalPosition: String(event.globalPosition),
  });

export const fromJson = (json: string): RecordedEvent => {
  const parsed = JSON.parse(json) as RecordedEvent & { streamRevision: string; globalPosition: string };
  return {
    ...parsed,
    streamRevision: BigInt(parsed.streamRevision),
    globalPosition: BigInt(parsed.globalPosition),
  };
};

/**
 * Applies a correction to `current`, the event it names in its latest form so far (the original as first
 * recorded, or the projection's last revision of it): returns the event in its corrected form. Pure: the
 * projection keeps the revision (see `FactChanges.revisions`).
 */
export const reviseEvent = (current: RecordedEvent, correction: EventCorrected): RevisedEvent => {
  const { type, ...data } = decodeGovernanceEvent(current);
  let corrected: unknown = data;
  for (const change of correction.changes) {
    const next = withValueAt(corrected, change.field, change.after);
    if (E.isLeft(next)) {
      throw new Error(
        `correction of event ${correction.correctedEventId}: field '${change.field}' cannot be set`,
      );
    }
    corrected = next.right;
  }
  const storedForm = governanceEventSerde.toStored({ ...(corrected as object), type } as GovernanceEvent);
  const recorded: RecordedEvent = {
    ...current,
    schemaVersion: storedForm.schemaVersion,
    data: storedForm.data,
  };
  return { recorded, event: decodeGovernanceEvent(recorded) };
};
