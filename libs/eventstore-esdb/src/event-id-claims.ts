import { randomUUID } from 'node:crypto';
import { type EventData, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import { esdbEventId } from './event-ids';

/**
 * EventStoreDB does not keep event ids unique across streams, so the store claims each id before it appends:
 * one small stream per id, written with `no_stream`, which the server lets only one writer create. The claim
 * names the stream the id was first appended to. Claims carry no styring metadata, so readers never see
 * them; application streams may not use the prefix.
 */
export const CLAIM_STREAM_PREFIX = 'styring-event-id-';

export const claimStream = (eventId: string): string => `${CLAIM_STREAM_PREFIX}${esdbEventId(eventId)}`;

/** A fresh claim (its own UUID, so that a second claim of the id always meets the first as a conflict). */
export const claimEvent = (eventId: string, streamId: string): EventData =>
  jsonEvent({ id: randomUUID(), type: 'styring-event-id-claimed', data: { eventId, streamId } });

/** The stream a claim names, read from the first event of its claim stream. */
export const claimant = (resolved: ResolvedEvent): string | undefined => {
  const data: unknown = resolved.event?.data;
  return typeof data === 'object' && data !== null && 'streamId' in data && typeof data.streamId === 'string'
    ? data.streamId
    : undefined;
};
