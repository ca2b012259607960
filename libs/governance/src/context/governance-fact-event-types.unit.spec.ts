import * as E from 'fp-ts/Either';
import { governanceEventSerde } from '../event-serde';
import { governanceEventTypes } from '../governance-event';
import { runHistory } from '../testing/run-history';
import { sampleHistory } from '../testing/sample-history';
import {
  emptyGovernanceContext,
  evolveGovernanceContext,
  type GovernanceContext,
  governanceFactEventTypes,
  type GovernanceFactKind,
} from './governance-context';

const kinds = Object.keys(governanceFactEventTypes) as GovernanceFactKind[];

describe('governanceFactEventTypes', () => {
  it('names, for each kind of fact, exactly the event types that change it in the sample history', () => {
    let context: GovernanceContext = emptyGovernanceContext();
    const changedBy = new Map<string, Set<string>>(kinds.map((kind) => [kind, new Set()]));
    for (const recorded of runHistory(sampleHistory)) {
      const event = governanceEventSerde.fromRecorded(recorded);
      if (E.isLeft(event)) throw new Error(event.left.reason);
      const next = evolveGovernanceContext(context, event.right);
      // Every part of the context, so that a part missing from the table is found too.
      for (const part of Object.keys(next) as (keyof GovernanceContext)[]) {
        if (next[part] === context[part]) continue;
        changedBy.set(part, (changedBy.get(part) ?? new Set()).add(recorded.type));
      }
      context = next;
    }
    expect([...changedBy.keys()].sort()).toEqual([...kinds].sort());
    for (const kind of kinds)
      expect([...changedBy.get(kind)!].sort()).toEqual([...governanceFactEventTypes[kind]].sort());
  });

  it('names only governance event types, each under one kind', () => {
    const named = kinds.flatMap((kind) => governanceFactEventTypes[kind]);
    expect(named.filter((type) => !governanceEventTypes.includes(type))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });
});
