import * as E from 'fp-ts/Either';
import { governanceEventSerde } from '../event-serde';
import { governanceEventTypes } from '../governance-event';
import { councilDecision } from '../shared/decision-reference';
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

/** The sample history, with a plan period revised and a delegation's limit corrected, which it never does. */
const historyWithEveryFactChange = runHistory([
  ...sampleHistory,
  {
    type: 'RevisePlan',
    planId: 'kommuneplan-samfunnsdel',
    period: { from: '2024-01-01', to: '2038-12-31' },
    decision: councilDecision(
      '2025-06-18',
      '2025/412',
      'Kommunestyret 2025-06-18',
      'plan- og bygningsloven § 11-15',
    ),
  },
  {
    type: 'CorrectEvent',
    correctedEventId: 'delegation-kd-direktor-teknisk.0',
    changes: [{ field: 'scope.maxAmountNok', before: 5_000_000, after: 4_000_000 }],
    reason: 'Beløpsgrensen i delegeringsvedtaket er 4 mill. kr',
  },
]);

describe('governanceFactEventTypes', () => {
  it('names, for each kind of fact, exactly the event types that change it in a history that changes every kind', () => {
    let context: GovernanceContext = emptyGovernanceContext();
    const changedBy = new Map<string, Set<string>>(kinds.map((kind) => [kind, new Set()]));
    for (const recorded of historyWithEveryFactChange) {
      const event = governanceEventSerde.fromRecorded(recorded);
      if (E.isLeft(event)) throw new Error(event.left.reason);
      const next = evolveGovernanceContext(context, event.right, recorded.eventId);
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

  it('names only governance event types, each once per kind', () => {
    for (const kind of kinds) {
      const named = governanceFactEventTypes[kind];
      expect(named.filter((type) => !governanceEventTypes.includes(type))).toEqual([]);
      expect(new Set(named).size).toBe(named.length);
    }
  });
});
