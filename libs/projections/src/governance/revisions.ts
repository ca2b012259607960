import type Database from 'better-sqlite3';
import type { EventReader, RecordedEvent } from '@styring/eventstore';
import * as E from 'fp-ts/Either';
import {
  type EventCorrected,
  type GovernanceEvent,
  governanceEventSerde,
  withValueAt,
} from '@styring/governance';
import { statement } from '../sqlite/statements';
import { correctedOriginalOf } from './corrected-originals';
import { decodeGovernanceEvent } from './decode';

/** Where a projection finds the event a correction names, as it was first recorded: the port's reader. */
export type EventSource = EventReader;

/** A corrected event: its place in the log and metadata as recorded, its data with every correction so far. */
export interface RevisedEvent {
  readonly recorded: RecordedEvent;
  readonly event: GovernanceEvent;
}

/**
 * The latest corrected form of each event a projection has seen corrected, so that a second correction
 * builds on the first. Rows belong to one projection and go when it is reset, so a rebuild replays the
 * corrections in order from the events as recorded.
 */
const revisionsTable = `
  CREATE TABLE IF NOT EXISTS projection_revisions (
    projection TEXT NOT NULL,
    event_id TEXT NOT NULL,
    recorded TEXT NOT NULL,
    PRIMARY KEY (projection, event_id)
  ) STRICT, WITHOUT ROWID`;

export const forgetRevisions = (db: Database.Database, projection: string): void => {
  db.exec(revisionsTable);
  statement(db, 'DELETE FROM projection_revisions WHERE projection = ?').run(projection);
};

const toJson = (event: RecordedEvent): string =>
  JSON.stringify({
    ...event,
    streamRevision: String(event.streamRevision),
    globalPosition: String(event.globalPosition),
  });

const fromJson = (json: string): RecordedEvent => {
  const parsed = JSON.parse(json) as RecordedEvent & { streamRevision: string; globalPosition: string };
  return {
    ...parsed,
    streamRevision: BigInt(parsed.streamRevision),
    globalPosition: BigInt(parsed.globalPosition),
  };
};

/**
 * Applies a correction to the event it names, for one projection: returns the event in its corrected form
 * (`undefined` when the named event is not in the log, so there is nothing of it to correct). Builds on
 * the projection's last revision of that event, else on its original (read before the transaction).
 */
export const reviseEvent = (
  db: Database.Database,
  projection: string,
  correction: EventCorrected,
  correctionRecorded: RecordedEvent,
): RevisedEvent | undefined => {
  const stored = statement<[string, string], string>(
    db,
    'SELECT recorded FROM projection_revisions WHERE projection = ? AND event_id = ?',
  )
    .pluck()
    .get(projection, correction.correctedEventId);
  const current = stored === undefined ? correctedOriginalOf(correctionRecorded) : fromJson(stored);
  if (current === undefined) return undefined;
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
  const event = decodeGovernanceEvent(recorded);
  statement(
    db,
    `INSERT INTO projection_revisions (projection, event_id, recorded) VALUES (?, ?, ?)
     ON CONFLICT (projection, event_id) DO UPDATE SET recorded = excluded.recorded`,
  ).run(projection, correction.correctedEventId, toJson(recorded));
  return { recorded, event };
};
