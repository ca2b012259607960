import type * as t from 'io-ts';
import { type EventSpecs, eventSpecs } from './command-specs';

/** Every event's codec, by its `type` (the stored type name), derived from the command specs. */
export const eventCodecs = Object.fromEntries(
  Object.entries(eventSpecs).map(([type, spec]) => [type, spec.codec]),
) as { readonly [T in keyof EventSpecs]: EventSpecs[T]['codec'] };

export type GovernanceEventType = keyof typeof eventCodecs;
export type GovernanceEvent = t.TypeOf<(typeof eventCodecs)[GovernanceEventType]>;

/** The event of one type: `EventOf<'PlanAdopted'>`. */
export type EventOf<T extends GovernanceEventType> = Extract<GovernanceEvent, { readonly type: T }>;

/** Every stored event type name of the domain (for store filters and projections' `canHandle`). */
export const governanceEventTypes = Object.keys(eventCodecs) as readonly GovernanceEventType[];

export const isGovernanceEventType = (type: string): type is GovernanceEventType =>
  Object.hasOwn(eventCodecs, type);

/**
 * The schema version each event type is written with now (its spec's `schemaVersion`, 1 by default). Older
 * versions are read through the upcasters (`upcasters.ts`); stored bytes are never rewritten.
 */
export const currentSchemaVersions = Object.fromEntries(
  Object.entries(eventSpecs as Readonly<Record<string, { readonly schemaVersion?: number }>>).map(
    ([type, spec]) => [type, spec.schemaVersion ?? 1],
  ),
) as Readonly<Record<GovernanceEventType, number>>;
