import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '@styring/eventstore';

/** Metadata that satisfies the port; override the fields a test is about. */
export const eventMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: 'test-actor',
  role: 'tester',
  correlationId: 'test-correlation',
  causationId: 'test-causation',
  effectiveAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

/** A `NewEvent` fixture with a fresh event id and schema version 1. */
export const newEvent = (
  type: string,
  data: unknown = {},
  metadata: Partial<EventMetadata> = {},
): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: eventMetadata(metadata),
});

/** `count` fixtures of one type, each with its index in `data.n`. */
export const newEvents = (count: number, type = 'test-event'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => newEvent(type, { n }));
