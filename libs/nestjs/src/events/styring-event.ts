import type { IEvent } from '@nestjs/cqrs';
import type { EventMetadata, RecordedEvent } from '@styring/eventstore';

/**
 * A recorded event as it travels on Nest's EventBus. Each stored event type has its own subclass
 * (`eventClassFor`), so `@EventsHandler(PlanAdopted)` and `ofType(PlanAdopted)` work for events read back
 * from the store, which are plain objects until the bridge wraps them.
 */
export class StyringEvent<Type extends string = string, Data = unknown> implements IEvent {
  /** The stored event type a subclass stands for; the base class stands for none. */
  static readonly eventType: string | undefined = undefined;

  readonly eventId: string;
  readonly type: Type;
  readonly schemaVersion: number;
  /** The event's data, decoded (and upcast to the current schema version) by the domain's codecs. */
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly globalPosition: bigint;
  readonly recordedAt: string;

  constructor(recorded: RecordedEvent, data: Data) {
    this.eventId = recorded.eventId;
    this.type = recorded.type as Type;
    this.schemaVersion = recorded.schemaVersion;
    this.data = data;
    this.metadata = recorded.metadata;
    this.streamId = recorded.streamId;
    this.streamRevision = recorded.streamRevision;
    this.globalPosition = recorded.globalPosition;
    this.recordedAt = recorded.recordedAt;
  }
}

export interface StyringEventClass<Type extends string = string, Data = unknown> {
  new (recorded: RecordedEvent, data: Data): StyringEvent<Type, Data>;
  readonly eventType: Type;
}

const classes = new Map<string, StyringEventClass>();

/** The one class for a stored event type (made on first use, then always the same, so handlers match). */
export const eventClassFor = <Type extends string, Data = unknown>(
  type: Type,
): StyringEventClass<Type, Data> => {
  let found = classes.get(type);
  if (found === undefined) {
    // A computed key names the class after the event type, which Nest's logs then show.
    found = {
      [type]: class extends StyringEvent {
        static override readonly eventType = type;
      },
    }[type] as StyringEventClass;
    classes.set(type, found);
  }
  return found as unknown as StyringEventClass<Type, Data>;
};
