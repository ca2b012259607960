import * as E from 'fp-ts/Either';
import type { RecordedEvent } from '@styring/eventstore';
import { eventSpecs } from './command-specs';
import type { ChangeLogEntry, DecisionLogEntry } from './decision-log-entry';
import { decisionSpecs, decisionTypes, isDecision } from './decisions';
import { governanceEventSerde } from './event-serde';
import type { GovernanceEvent, GovernanceEventType } from './governance-event';

/** What each event records, in Norwegian: the `kind` column of the decision log and of event lists. */
export const eventKindLabels = Object.fromEntries(
  Object.entries(eventSpecs).map(([type, spec]) => [type, spec.label]),
) as Readonly<Record<GovernanceEventType, string>>;

/** A row while its optional fields are being set. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Looked up before decoding, so the many events that are not decisions cost no io-ts decode. */
const decisionTypeSet: ReadonlySet<string> = new Set(decisionTypes);

/**
 * The decision log row of a recorded event; `undefined` for events that are not decisions (registrations,
 * reports, assessments …) and for events this domain cannot decode (the serde names those).
 */
export const toDecisionLogEntry = (recorded: RecordedEvent): DecisionLogEntry | undefined => {
  if (!decisionTypeSet.has(recorded.type)) return undefined;
  const decoded = governanceEventSerde.fromRecorded(recorded);
  return E.isLeft(decoded) ? undefined : decisionLogEntryOf(decoded.right, recorded);
};

/**
 * The decision log row of an event already decoded from `recorded` (by the serde, so validated): for
 * readers that decode each event once and derive several things from it. `undefined` for events that are
 * not decisions.
 */
export const decisionLogEntryOf = (
  event: GovernanceEvent,
  recorded: RecordedEvent,
): DecisionLogEntry | undefined => {
  if (!isDecision(event)) return undefined;
  const { decision } = event;
  const { metadata } = recorded;
  const spec = decisionSpecs[event.type];
  const unit = spec.unit?.(event);
  // The optional fields are set one by one rather than spread in from a fresh object each: this runs for
  // every decision of every rebuild and export, and those spreads cost three times all the rest.
  const entry: Writable<DecisionLogEntry> = {
    eventId: recorded.eventId,
    eventType: event.type,
    kind: eventKindLabels[event.type],
    summary: spec.summary(event),
    body: decision.body,
    decidedOn: decision.decidedOn,
    caseNumber: decision.caseNumber,
    authority: decision.authority,
    actor: metadata.actor,
    role: metadata.role,
    effectiveAt: metadata.effectiveAt,
    recordedAt: recorded.recordedAt,
    streamId: recorded.streamId,
    streamRevision: recorded.streamRevision,
    globalPosition: recorded.globalPosition,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
  };
  if (decision.meeting !== undefined) entry.meeting = decision.meeting;
  if (unit !== undefined) entry.unit = unit;
  if (decision.unit !== undefined) entry.bodyUnit = decision.unit;
  if (decision.recordedWithoutAuthority !== undefined) {
    entry.recordedWithoutAuthority = decision.recordedWithoutAuthority;
  }
  if (metadata.onBehalfOf !== undefined) entry.onBehalfOf = metadata.onBehalfOf;
  return entry;
};

/** The endringslogg rows of a correction: one per corrected field; none for any other event. */
export const toChangeLogEntries = (recorded: RecordedEvent): ChangeLogEntry[] => {
  if (recorded.type !== 'EventCorrected') return [];
  const decoded = governanceEventSerde.fromRecorded(recorded);
  return E.isLeft(decoded) ? [] : changeLogEntriesOf(decoded.right, recorded);
};

/** The endringslogg rows of an event already decoded from `recorded`: none unless it is a correction. */
export const changeLogEntriesOf = (event: GovernanceEvent, recorded: RecordedEvent): ChangeLogEntry[] => {
  if (event.type !== 'EventCorrected') return [];
  return event.changes.map((change) => ({
    eventId: recorded.eventId,
    correctedEventId: event.correctedEventId,
    correctedEventType: event.correctedEventType,
    correctedStreamId: event.correctedStreamId,
    field: change.field,
    oldValue: change.before,
    newValue: change.after,
    reason: event.reason,
    actor: recorded.metadata.actor,
    role: recorded.metadata.role,
    effectiveAt: recorded.metadata.effectiveAt,
    recordedAt: recorded.recordedAt,
    globalPosition: recorded.globalPosition,
  }));
};
