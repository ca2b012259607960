import { councilDecision, delegatedDecision } from '../testing/decisions';
import { councilToChiefExecutive } from '../testing/delegations';
import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { decisionLogProjection } from './decision-log-projection';
import { decisionLog } from './decision-log-queries';

describeOnBothDatabases('the Vedtakslogg (decision log)', (openTestHistory) => {
  let history: TestHistory;
  let delegation: Recorded;
  let prioritization: Recorded;
  let correction: Recorded;

  beforeEach(async () => {
    history = openTestHistory((source) => [decisionLogProjection(source)]);
    delegation = await history.record(
      '2024-01-05T10:00:00.000Z',
      'delegation-ks-kd',
      councilToChiefExecutive({
        commandTypes: ['PrioritizeProject'],
        portfolios: ['utvikling-digitalisering'],
      }),
      {
        actor: 'sekretar-1',
        role: 'politisk-sekretariat',
        onBehalfOf: 'kommunestyret',
        effectiveAt: '2023-12-12',
      },
    );
    await history.record('2024-06-13T10:00:00.000Z', 'plan-hr-strategi', {
      type: 'PlanAdopted',
      planId: 'hr-strategi',
      kind: 'temaplan',
      title: 'HR-strategi',
      unit: 'styv',
      period: { from: '2024-01-01', to: '2027-12-31' },
      decision: councilDecision('2024-06-12', '2024/1001'),
      parentPlans: [],
      goals: [],
      assignments: [],
    });
    prioritization = await history.record(
      '2024-09-03T10:00:00.000Z',
      'ranking-utvikling-digitalisering-2025',
      {
        type: 'ProjectPrioritized',
        portfolio: 'utvikling-digitalisering',
        round: '2025',
        projectId: 'nytt-sak-arkiv',
        rank: 1,
        decision: delegatedDecision('ledergruppen', 'ks-kd', '2024-09-02', '2024/2002'),
      },
      { actor: 'kd-1', role: 'kommunedirektor', effectiveAt: '2024-09-02' },
    );
    correction = await history.record(
      '2024-11-01T10:00:00.000Z',
      `correction-${prioritization.eventId}`,
      {
        type: 'EventCorrected',
        correctedEventId: prioritization.eventId,
        correctedEventType: 'ProjectPrioritized',
        correctedStreamId: 'ranking-utvikling-digitalisering-2025',
        changes: [
          { field: 'decision.caseNumber', before: '2024/2002', after: '2024/2020' },
          { field: 'decision.decidedOn', before: '2024-09-02', after: '2024-10-28' },
        ],
        reason: 'Prioriteringen ble vedtatt i møtet 28. oktober, ikke 2. september',
      },
      { actor: 'arkivar-1', role: 'arkivar' },
    );
    await history.project();
  });
  afterEach(() => history.close());

  it('records who decided what, where, when, in which case and under which authority', async () => {
    const log = await decisionLog(history.reader);
    expect(log.map((row) => row.eventId)).toEqual([
      expect.any(String),
      expect.any(String),
      prioritization.eventId,
    ]);
    expect(log[0]).toEqual({
      eventId: delegation.eventId,
      eventType: 'AuthorityDelegated',
      kind: 'Myndighet delegert',
      summary: expect.stringContaining('[ks-kd]'),
      body: 'kommunestyret',
      decidedOn: '2023-12-12',
      caseNumber: '2023/900',
      meeting: 'Kommunestyret 2023-12-12',
      authority: { kind: 'law', reference: 'kommuneloven § 5-3' },
      actor: 'sekretar-1',
      role: 'politisk-sekretariat',
      onBehalfOf: 'kommunestyret',
      effectiveAt: '2023-12-12',
      recordedAt: '2024-01-05T10:00:00.000Z',
      streamId: 'delegation-ks-kd',
      streamRevision: 0n,
      globalPosition: delegation.position,
      correlationId: `correlation-${delegation.eventId}`,
      causationId: `command-${delegation.eventId}`,
    });
    expect(log[2]).toMatchObject({
      body: 'ledergruppen',
      caseNumber: '2024/2020',
      decidedOn: '2024-10-28',
      authority: { kind: 'delegation', delegationId: 'ks-kd' },
      recordedAt: '2024-09-03T10:00:00.000Z',
      correctedAt: '2024-11-01T10:00:00.000Z',
    });
    expect(correction.position).toBeGreaterThan(prioritization.position);
  });

  it('marks a decision recorded without authority with its reason and finding, and who recorded it', async () => {
    const recordedWithoutAuthority = {
      reason: 'Ledergruppen prioriterte før delegeringen gjaldt; prioriteringen står.',
      finding: {
        code: 'authority.delegation_not_in_force',
        message: 'Delegeringen «ks-kd» gjaldt ikke 2023-11-01.',
        messageEn: "The delegation 'ks-kd' was not in force on 2023-11-01.",
      },
    };
    const marked = await history.record(
      '2024-12-02T10:00:00.000Z',
      'ranking-utvikling-digitalisering-2024',
      {
        type: 'ProjectPrioritized',
        portfolio: 'utvikling-digitalisering',
        round: '2024',
        projectId: 'nytt-sak-arkiv',
        rank: 1,
        decision: {
          ...delegatedDecision('ledergruppen', 'ks-kd', '2023-11-01', '2023/850'),
          recordedWithoutAuthority,
        },
      },
      { actor: 'radgiver-styv', role: 'styv', onBehalfOf: 'ledergruppen' },
    );
    await history.project();
    const rows = await decisionLog(history.reader);
    expect(rows.find((row) => row.eventId === marked.eventId)).toMatchObject({
      recordedWithoutAuthority,
      actor: 'radgiver-styv',
      role: 'styv',
    });
    expect(rows.filter((row) => row.recordedWithoutAuthority !== undefined)).toHaveLength(1);
  });

  it('a correction recorded later changes the effective view of the past but not the recorded view', async () => {
    const effective = await decisionLog(history.reader, { asOf: '2024-09-30', clock: 'effective' });
    const recorded = await decisionLog(history.reader, { asOf: '2024-09-30', clock: 'recorded' });
    expect(effective.map((row) => row.kind)).toEqual(['Myndighet delegert', 'Plan vedtatt']);
    expect(recorded.map((row) => [row.kind, row.caseNumber, row.decidedOn])).toEqual([
      ['Myndighet delegert', '2023/900', '2023-12-12'],
      ['Plan vedtatt', '2024/1001', '2024-06-12'],
      ['Prosjekt prioritert', '2024/2002', '2024-09-02'],
    ]);
    expect(recorded[2]?.correctedAt).toBeUndefined();
    const afterCorrection = await decisionLog(history.reader, {
      asOf: '2024-11-01T10:00:00Z',
      clock: 'recorded',
    });
    expect(afterCorrection[2]?.caseNumber).toBe('2024/2020');
    expect(await decisionLog(history.reader, { asOf: '2024-10-28', clock: 'effective' })).toHaveLength(3);
  });

  it('filters by body, kind, unit, actor, period, case and delegation on both clocks', async () => {
    const kinds = (rows: readonly { kind: string }[]) => rows.map((row) => row.kind);
    const both = async (query: Parameters<typeof decisionLog>[1]) => ({
      effective: kinds(
        await decisionLog(history.reader, { ...query, asOf: '2024-12-31', clock: 'effective' }),
      ),
      recorded: kinds(await decisionLog(history.reader, { ...query, asOf: '2024-12-31', clock: 'recorded' })),
    });
    const prioritized = { effective: ['Prosjekt prioritert'], recorded: ['Prosjekt prioritert'] };
    expect(await both({ body: 'kommunestyret' })).toEqual({
      effective: ['Myndighet delegert', 'Plan vedtatt'],
      recorded: ['Myndighet delegert', 'Plan vedtatt'],
    });
    expect(await both({ kind: 'Prosjekt prioritert' })).toEqual(prioritized);
    expect(await both({ kind: 'ProjectPrioritized' })).toEqual(prioritized);
    expect(await both({ actor: 'kd-1' })).toEqual(prioritized);
    expect(await both({ delegationId: 'ks-kd' })).toEqual(prioritized);
    expect(await both({ caseNumber: '2024/2020' })).toEqual(prioritized);
    expect(await both({ from: '2024-06-01', to: '2024-10-31' })).toEqual({
      effective: ['Plan vedtatt', 'Prosjekt prioritert'],
      recorded: ['Plan vedtatt', 'Prosjekt prioritert'],
    });
    expect(await both({ from: '2024-09-01', to: '2024-09-30' })).toEqual({ effective: [], recorded: [] });
    expect(
      kinds(
        await decisionLog(history.reader, {
          from: '2024-09-01',
          to: '2024-09-30',
          asOf: '2024-10-01',
          clock: 'recorded',
        }),
      ),
    ).toEqual(['Prosjekt prioritert']);
    expect(await both({ unit: 'styv' })).toEqual({ effective: ['Plan vedtatt'], recorded: ['Plan vedtatt'] });
    expect(await both({ unit: 'nowhere' })).toEqual({ effective: [], recorded: [] });
  });

  it('pages in log order and refuses bad arguments by name', async () => {
    const [first, ...rest] = await decisionLog(history.reader);
    expect(await decisionLog(history.reader, { limit: 1 })).toEqual([first]);
    expect(await decisionLog(history.reader, { afterPosition: first?.globalPosition })).toEqual(rest);
    await expect(decisionLog(history.reader, { from: 'yesterday' })).rejects.toThrow(
      "from: 'yesterday' is not a date (YYYY-MM-DD)",
    );
    await expect(decisionLog(history.reader, { limit: 0 })).rejects.toThrow(
      'limit: 0 is not a whole number of 1 or more',
    );
    await expect(decisionLog(history.reader, { clock: 'wall' as 'recorded' })).rejects.toThrow(
      "clock: 'wall' is not one of 'recorded', 'effective'",
    );
  });
});
