import { councilDecision } from './testing/decisions';
import { type TestHistory } from './testing/test-history';
import { describeOnBothDatabases } from './testing/both-databases';
import { decisionLogProjection } from './decision-log/decision-log-projection';
import { decisionLog } from './decision-log/decision-log-queries';

const plan = (planId: string, decidedOn: string) =>
  ({
    type: 'PlanAdopted',
    planId,
    kind: 'temaplan',
    title: planId,
    unit: 'styv',
    period: { from: '2025-01-01', to: '2028-12-31' },
    decision: councilDecision(decidedOn, `2024/${planId.length}`),
    parentPlans: [],
    goals: [],
    assignments: [],
  }) as const;

/** A day is an Oslo day on both clocks: the hour after UTC midnight belongs to the next day in winter. */
describeOnBothDatabases('days in Oslo, over a real read model', (openTestHistory) => {
  let history: TestHistory;
  beforeAll(async () => {
    history = openTestHistory((source) => [decisionLogProjection(source)]);
    // Recorded at 00:30 Oslo time on New Year's Day (23:30 UTC on 31 December), decided on New Year's Day.
    await history.record('2024-12-31T23:30:00.000Z', 'plan-nyttar', plan('nyttar', '2025-01-01'));
    // Recorded at 23:30 Oslo summer time on 30 June (21:30 UTC), decided that day.
    await history.record('2024-06-30T21:30:00.000Z', 'plan-sommer', plan('sommer', '2024-06-30'));
    await history.project();
  });
  afterAll(() => history.close());

  // In log order: the New Year's plan was recorded first.
  const planIds = async (query: Parameters<typeof decisionLog>[1]) =>
    (await decisionLog(history.reader, query)).map((row) => row.streamId);

  it('counts what was recorded after Oslo midnight on the next day, in winter and in summer', async () => {
    expect(await planIds({ knownAt: '2024-12-31' })).toEqual(['plan-sommer']);
    expect(await planIds({ knownAt: '2025-01-01' })).toEqual(['plan-nyttar', 'plan-sommer']);
    expect(await planIds({ knownAt: '2024-06-29' })).toEqual([]);
    expect(await planIds({ knownAt: '2024-06-30' })).toEqual(['plan-sommer']);
  });

  it('puts a decision dated a day in force from Oslo midnight, whatever offset asOf is written with', async () => {
    expect(await planIds({ asOf: '2024-12-31' })).toEqual(['plan-sommer']);
    expect(await planIds({ asOf: '2025-01-01T00:00:00+01:00' })).toEqual(['plan-nyttar', 'plan-sommer']);
    expect(await planIds({ asOf: '2024-12-31T23:00:00Z' })).toEqual(['plan-nyttar', 'plan-sommer']);
    expect(await planIds({ asOf: '2024-12-31T22:59:59.999Z' })).toEqual(['plan-sommer']);
    expect(await planIds({ asOf: '2024-06-29T22:00:00Z' })).toEqual(['plan-sommer']);
  });
});
