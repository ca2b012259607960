import type { RecordedEvent } from '@styring/eventstore';
import * as t from 'io-ts';
import { normalizeTimestamp } from '../point-in-time';
import { globalPosition } from './answer-codecs';

/** The event a fact comes from, and when the system learnt this version (the event, or a correction of it). */
export const eventProvenanceFields = { eventId: t.string, globalPosition, knownFrom: t.string };

/**
 * Where a fact in an answer comes from: its event, when the system learnt this version, and – when a
 * correction recorded later gave it – when it was corrected (the auditor's «korrigert» marker).
 */
export const provenanceCodec = t.intersection([
  t.type(eventProvenanceFields),
  t.partial({ correctedAt: t.string }),
]);
export type Provenance = t.TypeOf<typeof provenanceCodec>;

/** The column a read model keeps the event's own `recordedAt` in, to tell a corrected version apart. */
export const recordedAtColumn = { recorded_at: 'TEXT NOT NULL' } as const;

export const recordedAtValue = (recorded: RecordedEvent) => ({
  recorded_at: normalizeTimestamp(recorded.recordedAt, 'recordedAt'),
});

export interface ProvenanceRow {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly recorded_at: string;
}

/** A version learnt later than its event was recorded came from a correction. */
export const provenanceOf = (row: ProvenanceRow): Provenance => ({
  eventId: row.event_id,
  globalPosition: row.position,
  knownFrom: row.known_from,
  ...(row.known_from === row.recorded_at ? {} : { correctedAt: row.known_from }),
});
