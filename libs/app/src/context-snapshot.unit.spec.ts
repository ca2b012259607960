import { createHash } from 'node:crypto';
import * as E from 'fp-ts/Either';
import * as fc from 'fast-check';
import type { RecordedEvent } from '@styring/eventstore';
import {
  defaultGovernanceConfiguration,
  type GovernanceContext,
  GovernanceContextFold,
  governanceContextFrom,
  governanceEventSerde,
} from '@styring/governance';
import { syntheticGovernanceHistory } from '@styring/projections';
import { contextFromSnapshot, contextSnapshot, contextSnapshotVersion } from './context-snapshot';

/** The synthetic governance history as a recorded log (delegations, plans, projects, corrections, …). */
const sampleLog = (events: number): RecordedEvent[] => {
  const log: RecordedEvent[] = [];
  const revisions = new Map<string, bigint>();
  for (const chunk of syntheticGovernanceHistory({ events, seed: 7 })) {
    for (const event of chunk.events) {
      const streamRevision = (revisions.get(chunk.streamId) ?? -1n) + 1n;
      revisions.set(chunk.streamId, streamRevision);
      log.push({
        ...event,
        streamId: chunk.streamId,
        streamRevision,
        globalPosition: BigInt(log.length + 1),
        recordedAt: chunk.recordedAt.toISOString(),
      });
    }
  }
  return log;
};

const fullFold = (log: readonly RecordedEvent[]): GovernanceContext => {
  const context = governanceContextFrom(log);
  if (E.isLeft(context)) throw new Error(`the sample log does not fold: ${context.left.reason}`);
  return context.right;
};

/** Continues a fold with more of the log, as the loader does after its snapshot. */
const foldOn = (context: GovernanceContext, tail: readonly RecordedEvent[]): GovernanceContext => {
  const fold = new GovernanceContextFold(context);
  for (const recorded of tail) {
    const event = governanceEventSerde.fromRecorded(recorded);
    if (E.isLeft(event)) throw new Error(`undecodable: ${event.left.reason}`);
    fold.add(event.right, recorded.eventId);
  }
  return fold.result();
};

/** The context stored as a snapshot at the end of `log` and read back, as another process would. */
const throughSnapshot = (context: GovernanceContext, log: readonly RecordedEvent[]): GovernanceContext => {
  const last = log[log.length - 1]!;
  const restored = contextFromSnapshot(
    contextSnapshot(context, last.globalPosition, last.eventId),
    defaultGovernanceConfiguration,
  );
  if (restored === undefined) throw new Error('a snapshot of this version did not read back');
  expect(restored.lastEventId).toBe(last.eventId);
  return restored.context;
};

/** A digest of the folded facts (maps as their entries, in order). */
const fingerprint = (context: GovernanceContext): string => {
  const { delegations, units, projects, riskScales, plans, correctableEvents } = context;
  const facts = { delegations, units, projects, riskScales, plans, correctableEvents };
  const json = JSON.stringify(facts, (_, value: unknown) => (value instanceof Map ? [...value] : value));
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
};

describe('the governance context snapshot', () => {
  const log = sampleLog(3000);
  const whole = fullFold(log);

  it('is taken on a history with every kind of fact', () => {
    for (const register of [
      whole.delegations,
      whole.units,
      whole.projects,
      whole.plans,
      whole.correctableEvents,
    ])
      expect(register.size).toBeGreaterThan(0);
    expect(log.some((event) => event.type === 'EventCorrected')).toBe(true);
  });

  it('plus the tail folds to exactly the full fold, at any cut, also through a second snapshot', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: log.length }),
        fc.integer({ min: 0, max: log.length }),
        (first, extra) => {
          const second = Math.min(log.length, first + extra);
          const atFirst = throughSnapshot(fullFold(log.slice(0, first)), log.slice(0, first));
          const atSecond = throughSnapshot(foldOn(atFirst, log.slice(first, second)), log.slice(0, second));
          expect(foldOn(atSecond, log.slice(second))).toEqual(whole);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('pins the fold, so that a changed fold gets a new snapshot version', () => {
    // When this fails because the fold now folds differently, bump FOLD_VERSION in context-snapshot.ts
    // (stored snapshots are then rebuilt), and update both values here; when only the synthetic history
    // changed, update the fingerprint alone.
    expect({ version: contextSnapshotVersion, fold: fingerprint(whole) }).toEqual({
      version: 'governance-context/1/501577f4fbf138c1',
      fold: '59a0c84a0926ae29',
    });
  });

  it('is not read when it is of another version or does not decode', () => {
    const snapshot = contextSnapshot(whole, 1n, log[0]!.eventId);
    const configuration = defaultGovernanceConfiguration;
    expect(
      contextFromSnapshot({ ...snapshot, version: `${contextSnapshotVersion}-old` }, configuration),
    ).toBe(undefined);
    expect(contextFromSnapshot({ ...snapshot, state: new Uint8Array([1, 2, 3]) }, configuration)).toBe(
      undefined,
    );
    expect(contextFromSnapshot({ ...snapshot, state: snapshot.state.slice(0, 40) }, configuration)).toBe(
      undefined,
    );
  });
});
