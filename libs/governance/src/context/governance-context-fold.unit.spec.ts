import * as fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { governanceEventSerde } from '../event-serde';
import { runHistory } from '../testing/run-history';
import { sampleHistory } from '../testing/sample-history';
import {
  emptyGovernanceContext,
  evolveGovernanceContext,
  type GovernanceContext,
  GovernanceContextFold,
} from './governance-context';

const log = runHistory(sampleHistory).map((recorded) => {
  const event = governanceEventSerde.fromRecorded(recorded);
  if (E.isLeft(event)) throw new Error(`the sample history does not decode: ${event.left.reason}`);
  return { event: event.right, eventId: recorded.eventId };
});

/** The context after each prefix of the log, one event at a time: what the fold must agree with. */
const eventByEvent: GovernanceContext[] = [emptyGovernanceContext()];
for (const { event, eventId } of log)
  eventByEvent.push(evolveGovernanceContext(eventByEvent.at(-1)!, event, eventId));

describe('GovernanceContextFold', () => {
  it('folds the sample history, with its corrections of delegations and plans, to what folding event by event gives', () => {
    const fold = new GovernanceContextFold(emptyGovernanceContext());
    for (const { event, eventId } of log) fold.add(event, eventId);
    expect(fold.result()).toEqual(eventByEvent.at(-1));
  });

  it('agrees at every cut of the log into runs, and a context it handed out never changes afterwards', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: log.length - 1 }), { maxLength: 12 }), (cuts) => {
        const ends = [...cuts.sort((a, b) => a - b), log.length];
        const fold = new GovernanceContextFold(emptyGovernanceContext());
        const handedOut: [number, GovernanceContext][] = [];
        let next = 0;
        for (const end of ends) {
          for (; next < end; next += 1) fold.add(log[next]!.event, log[next]!.eventId);
          handedOut.push([end, fold.result()]);
        }
        // Compared only now, after every later run was folded: an earlier context was not changed by them.
        for (const [end, context] of handedOut) expect(context).toEqual(eventByEvent[end]);
      }),
    );
  });

  it('hands out the context it was given when no event changes a fact', () => {
    const start = eventByEvent.at(-1)!;
    const fold = new GovernanceContextFold(start);
    const report = log.find(({ event }) => event.type === 'ProjectStatusReported');
    fold.add(report!.event, report!.eventId);
    expect(fold.result()).toBe(start);
  });
});
