import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Snapshot } from '@styring/eventstore';
import {
  type GovernanceConfiguration,
  type GovernanceContext,
  governanceFactEventTypes,
  type GovernanceFactKind,
} from '@styring/governance';

/** The name the governance context's snapshot is kept under in the store (`SnapshotStore`). */
export const contextSnapshotName = 'governance-context';

/**
 * Bump it whenever `GovernanceContextFold` folds differently (a register added or changed, an event read
 * otherwise): every stored snapshot of another version is then ignored and rebuilt from the log. The event
 * types the fold reads are part of the version by themselves.
 */
const FOLD_VERSION = 1;

export const contextSnapshotVersion = `${contextSnapshotName}/${FOLD_VERSION}/${createHash('sha256')
  .update(JSON.stringify(governanceFactEventTypes))
  .digest('hex')
  .slice(0, 16)}`;

const factKinds = Object.keys(governanceFactEventTypes) as GovernanceFactKind[];

/** What a snapshot holds: the folded facts (not the configuration, which each process brings). */
interface SnapshotState {
  /** The id of the event at the snapshot's position: a log that holds another one there is another log. */
  readonly lastEventId: string;
  readonly facts: Pick<GovernanceContext, GovernanceFactKind>;
}

/**
 * The context folded up to `position` (the event `lastEventId`), as a snapshot. V8's structured
 * serialization keeps the registers' maps as maps, in their order.
 */
export const contextSnapshot = (
  context: GovernanceContext,
  position: bigint,
  lastEventId: string,
): Snapshot => {
  const facts = Object.fromEntries(factKinds.map((kind) => [kind, context[kind]]));
  const state: SnapshotState = { lastEventId, facts: facts as SnapshotState['facts'] };
  return { version: contextSnapshotVersion, position, state: serialize(state) };
};

/** A map, also one made in another realm (V8 deserializes into the main one; Jest tests run in their own). */
const isMap = (value: unknown): boolean => Object.prototype.toString.call(value) === '[object Map]';

/**
 * The context a snapshot holds, with this process's configuration, or `undefined` when it is of another
 * version or does not read as one (then the log is folded from the start instead).
 */
export const contextFromSnapshot = (
  snapshot: Snapshot,
  configuration: GovernanceConfiguration,
): { readonly context: GovernanceContext; readonly lastEventId: string } | undefined => {
  if (snapshot.version !== contextSnapshotVersion) return undefined;
  let state: SnapshotState;
  try {
    state = deserialize(snapshot.state) as SnapshotState;
  } catch {
    return undefined;
  }
  const complete =
    typeof state?.lastEventId === 'string' && factKinds.every((kind) => isMap(state.facts?.[kind]));
  if (!complete) return undefined;
  return { context: { ...configuration, ...state.facts }, lastEventId: state.lastEventId };
};
