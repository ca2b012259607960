import type { PlanAdopted } from '@styring/governance';
import { councilDecision } from '../testing/decisions';
import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { planRegisterProjection } from './plan-register-projection';
import { planGoals, planHierarchy, planRegister, plansInForce, planVersions } from './plan-register-queries';

const adopted = (planId: string, overrides: Partial<PlanAdopted>): PlanAdopted => ({
  type: 'PlanAdopted',
  planId,
  kind: 'temaplan',
  title: planId,
  period: { from: '2024-01-01', to: '2027-12-31' },
  decision: councilDecision('2024-06-12', '2024/1001'),
  parentPlans: [],
  goals: [],
  assignments: [],
  ...overrides,
});

describeOnBothDatabases('the plan register', (openTestHistory) => {
  let history: TestHistory;
  let hrAdopted: Recorded;

  beforeEach(async () => {
    history = openTestHistory((source) => [planRegisterProjection(source)]);
    await history.record(
      '2024-03-02T09:00:00.000Z',
      'plan-kommuneplan',
      adopted('kommuneplan', {
        kind: 'kommuneplan-samfunnsdel',
        title: 'Kommuneplanens samfunnsdel 2024–2036',
        period: { from: '2024-03-01', to: '2036-12-31' },
        decision: councilDecision('2024-03-01', '2024/300'),
      }),
    );
    hrAdopted = await history.record(
      '2024-06-13T09:00:00.000Z',
      'plan-hr-strategi',
      adopted('hr-strategi', {
        title: 'HR-strategi',
        parentPlans: ['kommuneplan'],
        goals: [
          { goalId: 'samarbeid', level: 'hovedmal', text: 'Vi jobber sammen mot felles mål', sdgs: [8] },
        ],
      }),
    );
    await history.record(
      '2024-06-20T09:00:00.000Z',
      'plan-eiendomsstrategi',
      adopted('eiendomsstrategi', {
        kind: 'strategi',
        title: 'Eiendomsstrategi',
        parentPlans: ['kommuneplan'],
        decision: councilDecision('2024-06-19', '2024/1200'),
      }),
    );
    await history.record('2024-09-10T09:00:00.000Z', 'plan-hr-strategi', {
      type: 'PlanRevised',
      planId: 'hr-strategi',
      title: 'HR-strategi 2024–2027',
      goals: [
        { goalId: 'samarbeid', level: 'hovedmal', text: 'Vi jobber sammen mot felles mål', sdgs: [8] },
        {
          goalId: 'rekruttere',
          level: 'delmal',
          text: 'Vi rekrutterer bredt',
          sdgs: [5],
          mainGoalId: 'samarbeid',
        },
      ],
      decision: councilDecision('2024-09-05', '2024/1500'),
    });
    await history.record('2025-02-01T09:00:00.000Z', 'plan-eiendomsstrategi', {
      type: 'PlanRetired',
      planId: 'eiendomsstrategi',
      reason: 'Erstattet av ny eiendomsstrategi',
      decision: councilDecision('2025-01-20', '2025/40'),
    });
    // Found out in March 2025: the HR strategy only took effect from 1 August 2024.
    await history.record('2025-03-01T09:00:00.000Z', 'plan-hr-strategi', {
      type: 'EventCorrected',
      correctedEventId: hrAdopted.eventId,
      correctedEventType: 'PlanAdopted',
      correctedStreamId: 'plan-hr-strategi',
      changes: [{ field: 'period.from', before: '2024-01-01', after: '2024-08-01' }],
      reason: 'Feil startdato i vedtaket',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const ids = (plans: readonly { planId: string }[]) => plans.map((plan) => plan.planId);

  it('lists every plan with its latest version and status', async () => {
    const plans = await planRegister(history.reader);
    expect(plans.map((plan) => [plan.planId, plan.title, plan.status, plan.version])).toEqual([
      ['kommuneplan', 'Kommuneplanens samfunnsdel 2024–2036', 'vedtatt', 1],
      ['hr-strategi', 'HR-strategi 2024–2027', 'vedtatt', 2],
      ['eiendomsstrategi', 'Eiendomsstrategi', 'opphevet', 2],
    ]);
    expect(plans[1]?.adoptedBy).toEqual(councilDecision('2024-06-12', '2024/1001'));
    expect(plans[1]?.decidedBy.caseNumber).toBe('2024/1500');
    expect(plans[1]?.period).toEqual({ from: '2024-08-01', to: '2027-12-31' });
    expect(
      await (await planRegister(history.reader, { kind: 'strategi' })).map((plan) => plan.planId),
    ).toEqual(['eiendomsstrategi']);
  });

  it('shows the register as it stood on a date on both clocks', async () => {
    const effective = await planRegister(history.reader, { asOf: '2024-07-01', clock: 'effective' });
    const recorded = await planRegister(history.reader, { asOf: '2024-07-01', clock: 'recorded' });
    expect(ids(effective)).toEqual(['kommuneplan', 'hr-strategi', 'eiendomsstrategi']);
    expect(effective[1]?.period.from).toBe('2024-08-01');
    expect(ids(recorded)).toEqual(['kommuneplan', 'hr-strategi', 'eiendomsstrategi']);
    expect(recorded[1]?.period.from).toBe('2024-01-01');
    // Decided on 19 June, recorded on 20 June: on the evening of the 19th only the effective clock knows it.
    expect(ids(await planRegister(history.reader, { asOf: '2024-06-19', clock: 'effective' }))).toContain(
      'eiendomsstrategi',
    );
    expect(ids(await planRegister(history.reader, { asOf: '2024-06-19', clock: 'recorded' }))).not.toContain(
      'eiendomsstrategi',
    );
  });

  it('a correction recorded later changes which plans were in force in the past on the effective clock only', async () => {
    expect(ids(await plansInForce(history.reader, { asOf: '2024-07-15', clock: 'effective' }))).toEqual([
      'kommuneplan',
      'eiendomsstrategi',
    ]);
    expect(ids(await plansInForce(history.reader, { asOf: '2024-07-15', clock: 'recorded' }))).toEqual([
      'kommuneplan',
      'hr-strategi',
      'eiendomsstrategi',
    ]);
    // Once the correction is recorded, both clocks agree about the past.
    expect(ids(await plansInForce(history.reader, { asOf: '2025-03-02', clock: 'recorded' }))).toEqual([
      'kommuneplan',
      'hr-strategi',
    ]);
    expect(ids(await plansInForce(history.reader, { asOf: '2025-03-02', clock: 'effective' }))).toEqual([
      'kommuneplan',
      'hr-strategi',
    ]);
    await expect(plansInForce(history.reader, { asOf: 'last tuesday' })).rejects.toThrow(
      "asOf: 'last tuesday' is neither a date (YYYY-MM-DD) nor an ISO 8601 timestamp",
    );
  });

  it('keeps every version of a plan, in effect or recorded by a date', async () => {
    const all = await planVersions(history.reader, { planId: 'hr-strategi' });
    expect(all.map((version) => [version.version, version.title, version.goals.length])).toEqual([
      [1, 'HR-strategi', 1],
      [2, 'HR-strategi 2024–2027', 2],
    ]);
    expect(all[0]?.period.from).toBe('2024-08-01');
    const knownInAutumn = await planVersions(history.reader, {
      planId: 'hr-strategi',
      asOf: '2024-10-01',
      clock: 'recorded',
    });
    expect(knownInAutumn.map((version) => version.period.from)).toEqual(['2024-01-01', '2024-01-01']);
    expect(
      await planVersions(history.reader, { planId: 'hr-strategi', asOf: '2024-09-06', clock: 'effective' }),
    ).toHaveLength(2);
    expect(
      await planVersions(history.reader, { planId: 'hr-strategi', asOf: '2024-09-06', clock: 'recorded' }),
    ).toHaveLength(1);
  });

  it('shows the hierarchy under the kommuneplan on both clocks', async () => {
    expect(await planHierarchy(history.reader, { asOf: '2024-06-30', clock: 'effective' })).toMatchObject({
      roots: ['kommuneplan'],
      plans: [
        { plan: { planId: 'kommuneplan' }, children: ['hr-strategi', 'eiendomsstrategi'] },
        { plan: { planId: 'hr-strategi' }, children: [] },
        { plan: { planId: 'eiendomsstrategi' }, children: [] },
      ],
    });
    expect(
      await planHierarchy(history.reader, { asOf: '2024-06-13T08:00:00Z', clock: 'recorded' }),
    ).toMatchObject({
      roots: ['kommuneplan'],
      plans: [{ plan: { planId: 'kommuneplan' }, children: [] }],
    });
  });

  it('lists the goals of the plans as they stood, on both clocks', async () => {
    const goalIds = (goals: readonly { planId: string; goalId: string }[]) =>
      goals.map((goal) => `${goal.planId}/${goal.goalId}`);
    expect(goalIds(await planGoals(history.reader, { asOf: '2024-09-06', clock: 'effective' }))).toEqual([
      'hr-strategi/samarbeid',
      'hr-strategi/rekruttere',
    ]);
    expect(goalIds(await planGoals(history.reader, { asOf: '2024-09-06', clock: 'recorded' }))).toEqual([
      'hr-strategi/samarbeid',
    ]);
    expect(await (await planGoals(history.reader, { planId: 'hr-strategi' }))[1]).toMatchObject({
      mainGoalId: 'samarbeid',
      sdgs: [5],
      planTitle: 'HR-strategi 2024–2027',
    });
  });
});

describeOnBothDatabases('the plan register: a late årsbudsjett', (openTestHistory) => {
  it('records an årsbudsjett adopted after its year began, and flags it', async () => {
    const history = openTestHistory((source) => [planRegisterProjection(source)]);
    try {
      const budget = (year: number, decidedOn: string) =>
        adopted(`arsbudsjett-${year}`, {
          kind: 'arsbudsjett',
          period: { from: `${year}-01-01`, to: `${year}-12-31` },
          decision: councilDecision(decidedOn, `${year}/1`),
        });
      await history.record('2024-12-12T09:00:00.000Z', 'plan-arsbudsjett-2025', budget(2025, '2024-12-11'));
      await history.record('2026-01-15T09:00:00.000Z', 'plan-arsbudsjett-2026', budget(2026, '2026-01-14'));
      await history.project();
      expect(
        await (await planRegister(history.reader)).map((plan) => [plan.planId, plan.adoptedLate]),
      ).toEqual([
        ['arsbudsjett-2025', false],
        ['arsbudsjett-2026', true],
      ]);
    } finally {
      await history.close();
    }
  });
});
