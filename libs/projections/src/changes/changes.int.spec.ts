import { isRight } from 'fp-ts/Either';
import { defaultReportingObligations, type GovernanceEvent, type PlanAdopted } from '@styring/governance';
import { governanceProjections } from '../governance-projections';
import { InvalidQuery } from '../point-in-time';
import { councilDecision, delegatedDecision } from '../testing/decisions';
import { chiefExecutiveToTechnicalDirector, councilToChiefExecutive } from '../testing/delegations';
import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { changesBetweenAnswer } from './changes-answers';
import { changesBetween } from './changes-queries';

const arsregnskap = defaultReportingObligations.find((duty) => duty.obligationId === 'arsregnskap')!;

const plan = (planId: string, decision: PlanAdopted['decision'], unit?: string): PlanAdopted => ({
  type: 'PlanAdopted',
  planId,
  kind: unit === undefined ? 'temaplan' : 'virksomhetsplan',
  title: `Plan ${planId}`,
  period: { from: '2024-01-01', to: '2024-12-31' },
  ...(unit === undefined ? {} : { unit }),
  decision,
  parentPlans: [],
  goals: [],
  assignments: [],
});

describeOnBothDatabases('what changed between two recorded times', (openTestHistory) => {
  let history: TestHistory;
  let delegation: Recorded;
  let accounts: Recorded;
  let risk: Recorded;
  let lateDecision: Recorded;

  const correct = (recordedAt: string, target: Recorded, type: string, stream: string, changes: unknown[]) =>
    history.record(
      recordedAt,
      `correction-${target.eventId}`,
      {
        type: 'EventCorrected',
        correctedEventId: target.eventId,
        correctedEventType: type,
        correctedStreamId: stream,
        changes,
        reason: `Rettet etter kontroll (${type})`,
      } as GovernanceEvent,
      { actor: 'arkivar-1', role: 'styv' },
    );

  beforeAll(async () => {
    history = openTestHistory((source) => governanceProjections(source));
    await history.record(
      '2023-12-13T09:00:00.000Z',
      'delegation-ks-kd',
      councilToChiefExecutive({
        commandTypes: ['DelegateAuthority', 'AdoptPlan'],
        planKinds: ['virksomhetsplan'],
      }),
    );
    delegation = await history.record(
      '2024-01-22T09:00:00.000Z',
      'delegation-kd-teknisk',
      chiefExecutiveToTechnicalDirector({ commandTypes: ['AdoptPlan'], planKinds: ['virksomhetsplan'] }),
    );
    await history.record(
      '2024-03-02T09:00:00.000Z',
      'plan-vp-teknisk',
      plan(
        'vp-teknisk',
        delegatedDecision('direktor', 'kd-teknisk', '2024-03-01', '2024/300', 'teknisk-sektor'),
        'teknisk-sektor',
      ),
    );
    // The accounts for 2023, registered as delivered three days after the deadline (22 February).
    accounts = await history.record('2024-02-26T09:00:00.000Z', 'report-arsregnskap-2023', {
      type: 'ReportSubmitted',
      reportId: 'arsregnskap-2023',
      kind: arsregnskap.kind,
      obligationId: arsregnskap.obligationId,
      period: { from: '2023-01-01', to: '2023-12-31' },
      from: arsregnskap.from,
      to: arsregnskap.to,
      submittedOn: '2024-02-25',
      documentReference: '2024/1',
    });
    risk = await history.record('2024-04-08T09:00:00.000Z', 'risk-kostnad', {
      type: 'RiskAssessed',
      riskId: 'kostnad',
      title: 'Kostnadsoverskridelse',
      context: 'prosjekt',
      scaleVersion: 1,
      likelihood: 3,
      consequence: 4,
      score: 12,
      band: 'middels',
      ownerUnit: 'styv',
      treatment: 'Usikkerhetsanalyse',
      assessedOn: '2024-04-08',
      nextReview: '2025-04-08',
    });
    // Between the auditor's two visits (30 June and 31 December): one decision registered weeks after it
    // was made, and three corrections.
    lateDecision = await history.record(
      '2024-09-10T09:00:00.000Z',
      'plan-klimaplan',
      plan('klimaplan', councilDecision('2024-08-14', '2024/1500')),
    );
    await correct('2024-10-01T09:00:00.000Z', delegation, 'AuthorityDelegated', 'delegation-kd-teknisk', [
      { field: 'validFrom', before: '2024-02-01', after: '2024-03-10' },
    ]);
    await correct('2024-11-05T09:00:00.000Z', accounts, 'ReportSubmitted', 'report-arsregnskap-2023', [
      { field: 'submittedOn', before: '2024-02-25', after: '2024-02-20' },
    ]);
    await correct('2024-12-02T09:00:00.000Z', risk, 'RiskAssessed', 'risk-kostnad', [
      { field: 'likelihood', before: 3, after: 4 },
      { field: 'score', before: 12, after: 16 },
      { field: 'band', before: 'middels', after: 'hoy' },
    ]);
    await history.project();
  });
  afterAll(() => history.close());

  const between = async (from: string, to: string) => await changesBetween(history.reader, { from, to });
  const register = (answer: Awaited<ReturnType<typeof between>>, name: string) =>
    answer.registers.find((entry) => entry.register === name)?.changes;

  it('lists the decisions recorded in between, each corrected field with before and after, reason and who', async () => {
    const answer = await between('2024-06-30', '2024-12-31');
    expect(answer.decisions).toEqual([
      expect.objectContaining({
        eventId: lateDecision.eventId,
        decidedOn: '2024-08-14',
        caseNumber: '2024/1500',
        recordedAt: '2024-09-10T09:00:00.000Z',
      }),
    ]);
    expect(answer.corrections.map((c) => [c.correctedEventId, c.field, c.before, c.after])).toEqual([
      [delegation.eventId, 'validFrom', '2024-02-01', '2024-03-10'],
      [accounts.eventId, 'submittedOn', '2024-02-25', '2024-02-20'],
      [risk.eventId, 'likelihood', 3, 4],
      [risk.eventId, 'score', 12, 16],
      [risk.eventId, 'band', 'middels', 'hoy'],
    ]);
    expect(answer.corrections[0]).toMatchObject({
      reason: 'Rettet etter kontroll (AuthorityDelegated)',
      actor: 'arkivar-1',
      role: 'styv',
      recordedAt: '2024-10-01T09:00:00.000Z',
    });
  });

  it('shows per register what the corrections did: a late report on time, a decision without authority, a risk in another band', async () => {
    const answer = await between('2024-06-30', '2024-12-31');
    expect(register(answer, 'arshjul')).toContainEqual({
      key: 'arsregnskap 2023-01-01–2023-12-31',
      label: expect.stringContaining('frist 2024-02-22'),
      before: 'levert-for-sent',
      after: 'levert-i-tide',
    });
    expect(register(answer, 'vedtak-uten-hjemmel')).toEqual([
      expect.objectContaining({ label: expect.stringContaining('2024/300'), after: expect.any(String) }),
    ]);
    expect(register(answer, 'vedtak-uten-hjemmel')?.[0]?.before).toBeUndefined();
    expect(register(answer, 'risikoregister')).toEqual([
      { key: 'kostnad', label: 'Kostnadsoverskridelse', before: 'middels', after: 'hoy' },
    ]);
  });

  it('counts a time once: what was recorded by `from` is not new at `to`', async () => {
    const first = await between('2024-06-30', '2024-10-31');
    const second = await between('2024-10-31', '2024-12-31');
    expect(first.corrections.map((c) => c.field)).toEqual(['validFrom']);
    expect(second.corrections.map((c) => c.field)).toEqual(['submittedOn', 'likelihood', 'score', 'band']);
    expect(register(first, 'risikoregister')).toEqual([]);
    expect(second.decisions).toEqual([]);
    const nothing = await between('2024-12-31', '2024-12-31');
    expect([nothing.decisions, nothing.corrections]).toEqual([[], []]);
    expect(nothing.registers.every((entry) => entry.changes.length === 0)).toBe(true);
  });

  it('answers what its codec describes', async () => {
    expect(isRight(changesBetweenAnswer.decode(await between('2024-06-30', '2024-12-31')))).toBe(true);
  });

  it.each([
    [{ from: 'last visit', to: '2024-12-31' }, 'from'],
    [{ from: '2024-06-30', to: '2024-02-30' }, 'to'],
    [{ to: '2024-12-31' }, 'from'],
    [{ from: '2024-12-31', to: '2024-06-30' }, 'to'],
    [{ from: '2024-12-31T12:00:00Z', to: '2024-12-31T11:59:59Z' }, 'to'],
    [{ from: '2024-06-30', to: '2024-12-31', asOf: '2024-12-31' }, 'asOf'],
  ])('refuses %j, naming the field %s', async (query, field) => {
    await expect(changesBetween(history.reader, query as never)).rejects.toThrow(InvalidQuery);
    try {
      await changesBetween(history.reader, query as never);
    } catch (error) {
      expect((error as InvalidQuery).field).toBe(field);
    }
  });
});
