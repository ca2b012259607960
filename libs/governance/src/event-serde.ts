import * as E from 'fp-ts/Either';
import type { EventSerde, RecordedEvent, UndecodableEvent } from '@styring/eventstore';
import {
  currentSchemaVersions,
  eventCodecs,
  type GovernanceEvent,
  isGovernanceEventType,
} from './governance-event';
import { decodeFailure, describeDecodeFailure } from './shared/decode-failure';
import { decodeStoredEvent } from './stored-event-decoder';
import { upcasters } from './upcasters';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const undecodable = (event: RecordedEvent, reason: string): UndecodableEvent => ({
  _tag: 'UndecodableEvent',
  eventId: event.eventId,
  streamId: event.streamId,
  streamRevision: event.streamRevision,
  type: event.type,
  reason,
});

/** Lifts stored data to the current schema version, one upcaster at a time. */
const upcast = (event: RecordedEvent, type: keyof typeof eventCodecs): E.Either<string, unknown> => {
  const current = currentSchemaVersions[type];
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
    return E.left(`schema version ${event.schemaVersion} is not a version`);
  }
  if (event.schemaVersion > current) {
    return E.left(`schema version ${event.schemaVersion} is newer than this code knows (${current})`);
  }
  let data = event.data;
  for (let version = event.schemaVersion; version < current; version++) {
    const lift = upcasters[type]?.[version];
    if (lift === undefined) return E.left(`no upcaster from schema version ${version} of ${type}`);
    if (!isRecord(data)) return E.left('the data is not an object');
    data = lift(data);
  }
  return E.right(data);
};

/**
 * Governance events to and from the store: the `type` travels beside the data, the data is the rest of the
 * event. Reading upcasts old versions and decodes strictly; a failure names the bad field.
 */
export const governanceEventSerde: EventSerde<GovernanceEvent> = {
  toStored: (event) => {
    const { type, ...data } = event;
    return { type, schemaVersion: currentSchemaVersions[type], data };
  },
  // Plain branches rather than pipe/chain: this runs for every stored event of every rebuild and export,
  // and fp-ts' combinators cost more per event than the decoding itself.
  fromRecorded: (event) => {
    const { type } = event;
    if (!isGovernanceEventType(type)) return E.left(undecodable(event, `unknown event type '${type}'`));
    const data = upcast(event, type);
    if (E.isLeft(data)) return E.left(undecodable(event, data.left));
    if (!isRecord(data.right)) return E.left(undecodable(event, 'the data is not an object'));
    // A copy with the type set after it (not `{ ...data, type }`: a property after a spread is added the
    // slow way, a third of this function's own time).
    const candidate: Record<string, unknown> = { ...data.right };
    candidate['type'] = type;
    const decoded = decodeStoredEvent(type, candidate);
    return E.isLeft(decoded)
      ? E.left(undecodable(event, describeDecodeFailure(decodeFailure(decoded.left), 'en')))
      : decoded;
  },
};
