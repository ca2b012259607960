import { createHash } from 'node:crypto';
import { currentSchemaVersions, decisionTypes, governanceEventTypes } from '@styring/governance';
import type { GovernanceProjectionSpec } from './governance/governance-projection';
import { governanceProjectionSpecs } from './governance-projections';

/**
 * The handled event types as the hash counts them. A read model of every decision counts them as one,
 * plus the schema version of each decision type read through an upcaster (which may give stored events
 * a decision, or other facts): a new decision type changes no stored event's facts there.
 */
const handledKey = (spec: GovernanceProjectionSpec): readonly string[] => {
  if (spec.everyDecision === undefined) return spec.events.handled;
  const decisions: readonly string[] = decisionTypes;
  return [
    ...spec.events.handled.filter((type) => !decisions.includes(type)),
    'every decision',
    ...decisionTypes
      .filter((type) => currentSchemaVersions[type] !== 1)
      .map((type) => `${type}@${currentSchemaVersions[type]}`),
  ];
};

/** What `handledHash` must be: the name, the version and the handled event types, hashed. */
const handledHashOf = (spec: GovernanceProjectionSpec, version = spec.version): string =>
  createHash('sha256')
    .update(`${spec.name}@${version}:${[...handledKey(spec)].sort().join(',')}`)
    .digest('hex')
    .slice(0, 12);

describe('the governance projections', () => {
  it.each(governanceProjectionSpecs)(
    '$name declares every event type of the domain once, as handled or ignored',
    (spec) => {
      const declared = [...spec.events.handled, ...spec.events.ignored];
      expect(new Set(declared).size).toBe(declared.length);
      expect([...declared].sort()).toEqual([...governanceEventTypes].sort());
    },
  );

  it.each(governanceProjectionSpecs)(
    '$name bumps its version whenever the event types it handles change',
    (spec) => {
      if (handledHashOf(spec) !== spec.handledHash) {
        throw new Error(
          `The projection '${spec.name}' handles other event types than when its version ${spec.version} was ` +
            `set, so existing read models must be rebuilt: set version: ${spec.version + 1} and ` +
            `handledHash: '${handledHashOf(spec, spec.version + 1)}' in its spec.`,
        );
      }
    },
  );

  it.each(governanceProjectionSpecs.filter((spec) => spec.everyDecision))(
    '$name, a read model of every decision, handles every decision type',
    (spec) => {
      expect(decisionTypes.filter((type) => !spec.events.handled.includes(type))).toEqual([]);
    },
  );

  it('have distinct names', () => {
    const names = governanceProjectionSpecs.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
