import type { RecordedEvent } from '@styring/eventstore';
import type { EventCorrected, GovernanceEvent } from '@styring/governance';
import { normalizeTimestamp } from '../point-in-time';
import type { SqliteTx } from '../sqlite/sqlite-projection-store';
import {
  createVersionedTable,
  type FactRow,
  type VersionedTable,
  VersionedTableWriter,
} from '../sqlite/versioned-table';
import type { RunnerProjection } from '../runner/runner-projection';
import { loadCorrectedOriginals } from './corrected-originals';
import { decodeGovernanceEvent } from './decode';
import type { EventDeclaration } from './event-declaration';
import { type EventSource, forgetRevisions, reviseEvent } from './revisions';

export interface GovernanceProjectionSpec {
  readonly name: string;
  /** Bump it whenever the tables, `factsOf` or the handled events change: the runner then rebuilds the read model. */
  readonly version: number;
  /**
   * A hash of the name, version and handled event types (every decision counted as one with
   * `everyDecision`): a test recomputes it, so changing the handled events without bumping the version
   * fails (the test says what to write here).
   */
  readonly handledHash: string;
  /**
   * Set when the read model takes every decision and makes its facts of one from its `decision` alone
   * (the decision log, authority): a new decision type then changes no fact of a stored event (none stored
   * before carries a `decision`, and the domain keeps every recorded decision type one), so the hash counts
   * "every decision" rather than each type and asks for no rebuild.
   */
  readonly everyDecision?: true;
  readonly tables: readonly VersionedTable[];
  /**
   * What it does with each event type: the handled types' facts are kept (and corrections of them are
   * followed, unless `EventCorrected` is itself handled); the ignored types never reach it.
   */
  readonly events: EventDeclaration;
  /**
   * The facts one event contributes: a pure function of the event, so that a corrected event's facts
   * can be derived again from its corrected form.
   */
  readonly factsOf: (event: GovernanceEvent, recorded: RecordedEvent) => readonly FactRow[];
}

/**
 * A SQLite read model of governance events whose tables keep every version of every fact (see
 * `VersionedTable`): an event adds its facts; a correction recorded later closes the facts of the event it
 * corrects and adds those of the corrected form, so both "what was known then" and "what was in force
 * then, as known now" stay answerable.
 */
export const governanceProjection = (
  spec: GovernanceProjectionSpec,
  source: EventSource,
): RunnerProjection<SqliteTx> => {
  const types = new Set<string>(spec.events.handled);
  const followsCorrections = !types.has('EventCorrected');
  const writer = new VersionedTableWriter(spec.tables);

  const insertFacts = (db: SqliteTx, event: GovernanceEvent, recorded: RecordedEvent, knownFrom: string) => {
    const origin = { eventId: recorded.eventId, position: recorded.globalPosition, knownFrom };
    for (const row of spec.factsOf(event, recorded)) writer.insert(db, row, origin);
  };

  const correctsOurs = (correction: EventCorrected) => types.has(correction.correctedEventType);

  const applyCorrection = (db: SqliteTx, recorded: RecordedEvent) => {
    const correction = decodeGovernanceEvent(recorded) as EventCorrected;
    if (!correctsOurs(correction)) return;
    const revised = reviseEvent(db, spec.name, correction, recorded);
    if (revised === undefined) return;
    const knownFrom = normalizeTimestamp(recorded.recordedAt, 'recordedAt');
    writer.supersede(db, revised.recorded.globalPosition, knownFrom);
    insertFacts(db, revised.event, revised.recorded, knownFrom);
  };

  return {
    name: spec.name,
    version: spec.version,
    canHandle: (type) => types.has(type) || (followsCorrections && type === 'EventCorrected'),
    // The originals of corrected events come from the event store: read them before the transaction.
    ...(followsCorrections
      ? { prepare: (batch) => loadCorrectedOriginals(batch, source, correctsOurs) }
      : {}),
    handle: (events, db) => {
      for (const recorded of events) {
        if (followsCorrections && recorded.type === 'EventCorrected') applyCorrection(db, recorded);
        else
          insertFacts(db, decodeGovernanceEvent(recorded), recorded, normalizeTimestamp(recorded.recordedAt));
      }
    },
    reset: (db) => {
      for (const table of spec.tables) createVersionedTable(db, table);
      forgetRevisions(db, spec.name);
    },
  };
};
