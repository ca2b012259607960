/** Who caused an event, why, and when it takes effect: carried with every event, never inferred later. */
export interface EventMetadata {
  /** The person (or system) that sent the command, e.g. the token subject. */
  readonly actor: string;
  /** The role the actor acted in, e.g. `kommunedirektor`. */
  readonly role: string;
  /** The organizational unit the actor acted for (e.g. a token's `unit` claim), when known. */
  readonly unit?: string;
  /** Set when the actor acted for someone else (a secretariat entering a council decision). */
  readonly onBehalfOf?: string;
  /** Ties together everything that one request caused. */
  readonly correlationId: string;
  /** The message (command or event id) that directly caused this event. */
  readonly causationId: string;
  /** ISO 8601: when the fact takes effect in the world (the decision date), as opposed to `recordedAt`. */
  readonly effectiveAt: string;
}

/** An event as the caller hands it to the store; the store gives it a revision, a position and a time. */
export interface NewEvent {
  /** Unique; appending the same ids again at the same revision is a no-op (idempotent retry). */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** An event as stored: immutable, in one stream at one revision, and at one place in the global log. */
export interface RecordedEvent extends NewEvent {
  readonly streamId: string;
  /** 0-based position of the event in its stream. */
  readonly streamRevision: bigint;
  /** Position in the global log: strictly increasing in commit order (not necessarily dense). */
  readonly globalPosition: bigint;
  /** ISO 8601: when the store committed the event (the "recorded" clock). */
  readonly recordedAt: string;
}
