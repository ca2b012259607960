import type { Either } from 'fp-ts/Either';
import type { RecordedEvent } from './recorded-event';

/** The form in which a domain event is stored: its type name, schema version and JSON data. */
export interface StoredForm {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** A stored event that no codec accepts: named precisely, since the log itself is never edited. */
export interface UndecodableEvent {
  readonly _tag: 'UndecodableEvent';
  readonly eventId: string;
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly type: string;
  readonly reason: string;
}

/**
 * The type map between code and store (Eventuous style): domain events out to their stored form, and
 * recorded events back in, decoded and upcast to the current schema version.
 */
export interface EventSerde<Event> {
  readonly toStored: (event: Event) => StoredForm;
  readonly fromRecorded: (event: RecordedEvent) => Either<UndecodableEvent, Event>;
}
