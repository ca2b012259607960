import { councilDecision } from '../testing/decisions';
import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { changeLogProjection } from './change-log-projection';
import { changeLog } from './change-log-queries';

describeOnBothDatabases('the Endringslogg (change log)', (openTestHistory) => {
  let history: TestHistory;
  let plan: Recorded;
  let first: Recorded;

  beforeEach(async () => {
    history = openTestHistory((source) => [changeLogProjection(source)]);
    plan = await history.record('2024-06-13T10:00:00.000Z', 'plan-hr-strategi', {
      type: 'PlanAdopted',
      planId: 'hr-strategi',
      kind: 'temaplan',
      title: 'HR-strategi',
      period: { from: '2024-01-01', to: '2027-12-31' },
      decision: councilDecision('2024-06-12', '2024/1001'),
      documentReference: 'https://example.org/hr-strategi.pdf',
      parentPlans: [],
      goals: [],
      assignments: [],
    });
    first = await history.record(
      '2024-11-01T10:00:00.000Z',
      `correction-${plan.eventId}`,
      {
        type: 'EventCorrected',
        correctedEventId: plan.eventId,
        correctedEventType: 'PlanAdopted',
        correctedStreamId: 'plan-hr-strategi',
        changes: [
          { field: 'period.from', before: '2024-01-01', after: '2024-08-01' },
          { field: 'unit', after: 'styv' },
        ],
        reason: 'Feil i registreringen',
      },
      { actor: 'arkivar-1', role: 'arkivar', effectiveAt: '2024-10-28' },
    );
    await history.record(
      '2025-01-10T10:00:00.000Z',
      `correction-${plan.eventId}`,
      {
        type: 'EventCorrected',
        correctedEventId: plan.eventId,
        correctedEventType: 'PlanAdopted',
        correctedStreamId: 'plan-hr-strategi',
        changes: [{ field: 'documentReference', before: 'https://example.org/hr-strategi.pdf' }],
        reason: 'Lenken var feil',
      },
      { actor: 'arkivar-2', role: 'arkivar' },
    );
    await history.project();
  });
  afterEach(() => history.close());

  it('lists every corrected field with old value, new value, who and when', async () => {
    expect(await changeLog(history.reader)).toEqual([
      {
        eventId: first.eventId,
        correctedEventId: plan.eventId,
        correctedEventType: 'PlanAdopted',
        correctedStreamId: 'plan-hr-strategi',
        field: 'period.from',
        oldValue: '2024-01-01',
        newValue: '2024-08-01',
        reason: 'Feil i registreringen',
        actor: 'arkivar-1',
        role: 'arkivar',
        effectiveAt: '2024-10-28',
        recordedAt: '2024-11-01T10:00:00.000Z',
        globalPosition: first.position,
      },
      expect.objectContaining({ field: 'unit', oldValue: undefined, newValue: 'styv' }),
      expect.objectContaining({
        field: 'documentReference',
        oldValue: 'https://example.org/hr-strategi.pdf',
        newValue: undefined,
        actor: 'arkivar-2',
      }),
    ]);
  });

  it('shows the corrections recorded by a date, or in effect by it, and filters them', async () => {
    const fields = async (query: Parameters<typeof changeLog>[1]) =>
      (await changeLog(history.reader, query)).map((row) => row.field);
    expect(await fields({ asOf: '2024-10-30', clock: 'effective' })).toEqual(['period.from', 'unit']);
    expect(await fields({ asOf: '2024-10-30', clock: 'recorded' })).toEqual([]);
    expect(await fields({ asOf: '2024-12-31', clock: 'recorded' })).toEqual(['period.from', 'unit']);
    expect(await fields({ asOf: '2025-01-10', clock: 'effective', actor: 'arkivar-2' })).toEqual([
      'documentReference',
    ]);
    expect(await fields({ asOf: '2025-01-10', clock: 'recorded', actor: 'arkivar-2' })).toEqual([
      'documentReference',
    ]);
    expect(await fields({ correctedEventId: plan.eventId, correctedEventType: 'PlanAdopted' })).toHaveLength(
      3,
    );
    expect(await fields({ correctedEventId: 'another-event' })).toEqual([]);
  });
});
