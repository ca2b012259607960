import type { RecordedEvent } from '@styring/eventstore';
import type { EventCorrected, GovernanceEvent } from '@styring/governance';
import { normalizeTimestamp } from '../point-in-time';
import { type ReadModelTx, versionedTablesIn } from '../read-models/read-model-tx';
import { andThen } from '../runner/maybe-promise';
import type { FactRow, VersionedTable } from '../sqlite/versioned-table';
import type { RunnerProjection } from '../runner/runner-projection';
import { correctedOriginalOf, loadCorrectedOriginals } from './corrected-originals';
import { decodeGovernanceEvent } from './decode';
import type { EventDeclaration } from './event-declaration';
import { FactChanges } from './fact-changes';
import { type EventSource, fromJson, reviseEvent, toJson } from './revisions';

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
 * A read model of governance events whose tables keep every version of every fact (see `VersionedTable`):
 * an event adds its facts; a correction recorded later closes the facts of the event it corrects and adds
 * those of the corrected form, so both "what was known then" and "what was in force then, as known now"
 * stay answerable. It works out a batch's changes in memory (`FactChanges`) and hands them to the
 * database's `VersionedTableStore`, so it runs on SQLite and PostgreSQL alike.
 */
export const governanceProjection = (
  spec: GovernanceProjectionSpec,
  source: EventSource,
): RunnerProjection<ReadModelTx> => {
  const types = new Set<string>(spec.events.handled);
  const followsCorrections = !types.has('EventCorrected');
  const correctsOurs = (correction: EventCorrected) => types.has(correction.correctedEventType);

  const insertFacts = (
    changes: FactChanges,
    event: GovernanceEvent,
    recorded: RecordedEvent,
    knownFrom: string,
  ) => {
    const origin = { eventId: recorded.eventId, position: recorded.globalPosition, knownFrom };
    for (const row of spec.factsOf(event, recorded)) changes.insert(row, origin);
  };

  /** The corrections of our events in `events`, decoded. */
  const correctionsIn = (events: readonly RecordedEvent[]) => {
    const corrections = new Map<RecordedEvent, EventCorrected>();
    if (!followsCorrections) return corrections;
    for (const recorded of events) {
      if (recorded.type !== 'EventCorrected') continue;
      const correction = decodeGovernanceEvent(recorded) as EventCorrected;
      if (correctsOurs(correction)) corrections.set(recorded, correction);
    }
    return corrections;
  };

  /** The batch's changes, given the stored revisions of the events it corrects. */
  const changesOf = (
    events: readonly RecordedEvent[],
    corrections: ReadonlyMap<RecordedEvent, EventCorrected>,
    stored: ReadonlyMap<string, string>,
  ): FactChanges => {
    const changes = new FactChanges(spec.tables);
    // Each corrected event's latest form: revised in this batch, else as stored, else the original.
    const revised = new Map<string, RecordedEvent>();
    for (const recorded of events) {
      const correction = corrections.get(recorded);
      if (correction === undefined) {
        if (recorded.type === 'EventCorrected' && followsCorrections) continue;
        insertFacts(
          changes,
          decodeGovernanceEvent(recorded),
          recorded,
          normalizeTimestamp(recorded.recordedAt),
        );
        continue;
      }
      const id = correction.correctedEventId;
      const json = stored.get(id);
      const current =
        revised.get(id) ?? (json === undefined ? correctedOriginalOf(recorded) : fromJson(json));
      if (current === undefined) continue;
      const next = reviseEvent(current, correction);
      revised.set(id, next.recorded);
      const knownFrom = normalizeTimestamp(recorded.recordedAt, 'recordedAt');
      changes.supersede(next.recorded.globalPosition, knownFrom);
      insertFacts(changes, next.event, next.recorded, knownFrom);
    }
    for (const [id, recorded] of revised) changes.revisions.set(id, toJson(recorded));
    return changes;
  };

  return {
    name: spec.name,
    version: spec.version,
    canHandle: (type) => types.has(type) || (followsCorrections && type === 'EventCorrected'),
    // The originals of corrected events come from the event store: read them before the transaction.
    ...(followsCorrections
      ? { prepare: (batch) => loadCorrectedOriginals(batch, source, correctsOurs) }
      : {}),
    // The stored revisions are read inside the transaction, so they are those of the checkpoint it saw.
    handle: (events, tx) => {
      const tables = versionedTablesIn(tx);
      const corrections = correctionsIn(events);
      const corrected = [...new Set([...corrections.values()].map((c) => c.correctedEventId))];
      const stored =
        corrected.length === 0 ? new Map<string, string>() : tables.revisions(spec.name, corrected);
      return andThen(stored, (revisions) => {
        const changes = changesOf(events, corrections, revisions);
        return changes.isEmpty ? undefined : tables.write(spec.name, spec.tables, changes);
      });
    },
    reset: (tx) => versionedTablesIn(tx).reset(spec.name, spec.tables),
    caughtUp: (tx) => versionedTablesIn(tx).completeIndexes(spec.tables),
  };
};
