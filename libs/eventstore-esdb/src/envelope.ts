import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '@styring/eventstore';
import { esdbEventId } from './event-ids';

/**
 * What the store keeps in an EventStoreDB event's metadata. Our metadata, original event id and schema
 * version sit under `styring`, exactly as given, so they come back unchanged; `$correlationId` and
 * `$causationId` are copies for EventStoreDB's own tooling (the `$by_correlation_id` projection, the UI).
 */
interface StoredMetadata {
  readonly $correlationId: string;
  readonly $causationId: string;
  readonly styring: {
    readonly eventId: string;
    readonly schemaVersion: number;
    readonly metadata: EventMetadata;
  };
}

export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({
    id: esdbEventId(event.eventId),
    type: event.type,
    data: event.data as never,
    metadata: {
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
      styring: { eventId: event.eventId, schemaVersion: event.schemaVersion, metadata: event.metadata },
    } satisfies StoredMetadata,
  });

const isStoredMetadata = (value: unknown): value is StoredMetadata =>
  typeof value === 'object' &&
  value !== null &&
  'styring' in value &&
  typeof value.styring === 'object' &&
  value.styring !== null &&
  'eventId' in value.styring;

/** The largest unsigned 64-bit value: servers before 22.6 send it where they know no position. */
const noPosition = 2n ** 64n - 1n;

export type Unwrapped =
  | { readonly kind: 'ours'; readonly event: RecordedEvent }
  | { readonly kind: 'foreign'; readonly streamId: string; readonly revision: bigint }
  | { readonly kind: 'no_position'; readonly streamId: string; readonly revision: bigint };

/** Turns what the client read back into our RecordedEvent, when the store wrote it. */
export const fromResolved = (resolved: ResolvedEvent | AllStreamResolvedEvent): Unwrapped | undefined => {
  const recorded = resolved.event;
  if (recorded === undefined) return undefined;
  const { streamId, revision, metadata, position } = recorded;
  if (!recorded.isJson || !isStoredMetadata(metadata)) return { kind: 'foreign', streamId, revision };
  if (position === undefined || position.commit >= noPosition)
    return { kind: 'no_position', streamId, revision };
  return {
    kind: 'ours',
    event: {
      eventId: metadata.styring.eventId,
      type: recorded.type,
      schemaVersion: metadata.styring.schemaVersion,
      data: recorded.data as unknown,
      metadata: metadata.styring.metadata,
      streamId,
      streamRevision: revision,
      globalPosition: position.commit,
      recordedAt: recorded.created.toISOString(),
    },
  };
};
