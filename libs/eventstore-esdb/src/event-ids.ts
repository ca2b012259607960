import { createHash } from 'node:crypto';

const canonicalUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * EventStoreDB identifies events by UUID. An event id that already is one (lower-case, canonical) is used
 * as it is; any other id becomes a UUID version 8 (RFC 9562) made from the SHA-256 of the id. The mapping
 * is deterministic, so a retried append sends the same UUIDs and EventStoreDB's idempotence still works;
 * the original id travels in the event's metadata and is what readers see.
 */
export const esdbEventId = (eventId: string): string => {
  if (canonicalUuid.test(eventId)) return eventId;
  const bytes = createHash('sha256').update(`styring:event-id:${eventId}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
