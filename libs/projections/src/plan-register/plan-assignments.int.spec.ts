import type { PlanAdopted } from '@styring/governance';
import { councilDecision, delegatedDecision } from '../testing/decisions';
import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { planAssignmentsAnswer } from './plan-assignments-answers';
import { planAssignments } from './plan-assignments-queries';
import { planRegisterProjection } from './plan-register-projection';

const kommuneplan: PlanAdopted = {
  type: 'PlanAdopted',
  planId: 'kommuneplan',
  kind: 'kommuneplan-samfunnsdel',
  title: 'Kommuneplanens samfunnsdel',
  period: { from: '2024-03-01', to: '2036-12-31' },
  decision: councilDecision('2024-03-01', '2024/300'),
  parentPlans: [],
  goals: [{ goalId: 'trygg-oppvekst', level: 'hovedmal', text: 'Barn vokser opp trygt', sdgs: [4] }],
  assignments: [],
};

const virksomhetsplan: PlanAdopted = {
  type: 'PlanAdopted',
  planId: 'vp-oppvekst-2025',
  kind: 'virksomhetsplan',
  title: 'Virksomhetsplan oppvekst 2025',
  period: { from: '2025-01-01', to: '2025-12-31' },
  unit: 'oppvekst',
  decision: delegatedDecision('direktor', 'kd-direktor', '2025-01-10', '2025/12', 'oppvekst'),
  parentPlans: ['kommuneplan'],
  goals: [],
  assignments: [
    {
      assignmentId: 'leksehjelp',
      text: 'Gratis leksehjelp på alle skoler',
      responsibleUnit: 'skole',
      goals: [{ planId: 'kommuneplan', goalId: 'trygg-oppvekst' }],
      due: '2025-08-15',
    },
    {
      assignmentId: 'ungdomsklubb',
      text: 'Ny ungdomsklubb i sentrum',
      responsibleUnit: 'kultur',
      goals: [{ planId: 'kommuneplan', goalId: 'bred-ungdomssatsing' }],
    },
  ],
};

describeOnBothDatabases('the assignments (oppdrag) of the plans', (openTestHistory) => {
  let history: TestHistory;
  let vpAdopted: Recorded;

  beforeEach(async () => {
    history = openTestHistory((source) => [planRegisterProjection(source)]);
    await history.record('2024-03-02T09:00:00.000Z', 'plan-kommuneplan', kommuneplan);
    vpAdopted = await history.record('2025-01-11T09:00:00.000Z', 'plan-vp-oppvekst-2025', virksomhetsplan);
    // Revised in June: the youth club is dropped.
    await history.record('2025-06-02T09:00:00.000Z', 'plan-vp-oppvekst-2025', {
      type: 'PlanRevised',
      planId: 'vp-oppvekst-2025',
      assignments: virksomhetsplan.assignments.slice(0, 1),
      decision: delegatedDecision('direktor', 'kd-direktor', '2025-06-01', '2025/300', 'oppvekst'),
    });
    // Recorded in March: the leksehjelp was due 1 September.
    await history.record('2025-03-05T09:00:00.000Z', `correction-${vpAdopted.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: vpAdopted.eventId,
      correctedEventType: 'PlanAdopted',
      correctedStreamId: 'plan-vp-oppvekst-2025',
      changes: [{ field: 'assignments.0.due', before: '2025-08-15', after: '2025-09-01' }],
      reason: 'Feil frist',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const listed = async (query: Parameters<typeof planAssignments>[1]) =>
    (await planAssignments(history.reader, query)).map(
      (entry) =>
        `${entry.assignmentId} ${entry.due ?? '-'} ${entry.goals.map((goal) => `${goal.goalId}:${goal.found}`).join(',')}`,
    );

  it('lists each oppdrag with the goals it serves, flagging a goal no plan holds', async () => {
    const answer = await planAssignments(history.reader, { asOf: '2025-02-01' });
    expect(planAssignmentsAnswer.is(answer)).toBe(true);
    expect(answer[0]).toMatchObject({
      assignmentId: 'leksehjelp',
      responsibleUnit: 'skole',
      planId: 'vp-oppvekst-2025',
      planKind: 'virksomhetsplan',
      planUnit: 'oppvekst',
      planStatus: 'vedtatt',
      goals: [
        {
          planId: 'kommuneplan',
          goalId: 'trygg-oppvekst',
          found: true,
          text: 'Barn vokser opp trygt',
          level: 'hovedmal',
        },
      ],
    });
    expect(await listed({ asOf: '2025-02-01' })).toEqual([
      'leksehjelp 2025-09-01 trygg-oppvekst:true',
      'ungdomsklubb - bred-ungdomssatsing:false',
    ]);
    expect(await listed({ responsibleUnit: 'kultur', asOf: '2025-02-01' })).toEqual([
      'ungdomsklubb - bred-ungdomssatsing:false',
    ]);
  });

  it('answers on both clocks, with the correction and the revision', async () => {
    expect(await listed({ asOf: '2025-02-01', clock: 'recorded' })).toEqual([
      'leksehjelp 2025-08-15 trygg-oppvekst:true',
      'ungdomsklubb - bred-ungdomssatsing:false',
    ]);
    expect(await listed({ asOf: '2025-01-09', clock: 'effective' })).toEqual([]);
    // The June revision restated the list as it stood in its decision, with the old date.
    expect(await listed({})).toEqual(['leksehjelp 2025-08-15 trygg-oppvekst:true']);
    expect(await listed({ asOf: '2025-05-31', clock: 'recorded', kind: 'virksomhetsplan' })).toHaveLength(2);
  });
});
