import type { PlanAdopted } from '@styring/governance';
import { delegatedDecision } from '../testing/decisions';
import { chiefExecutiveToTechnicalDirector, councilToChiefExecutive } from '../testing/delegations';
import { type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { authorityProjection } from './authority-projection';
import {
  decisionsUnderDelegations,
  decisionsWithoutAuthority,
  delegationsInForce,
} from './authority-queries';

const businessPlan = (planId: string, unit: string, decidedOn: string, caseNumber: string): PlanAdopted => ({
  type: 'PlanAdopted',
  planId,
  kind: 'virksomhetsplan',
  title: `Virksomhetsplan ${unit} 2024`,
  period: { from: '2024-01-01', to: '2024-12-31' },
  unit,
  decision: delegatedDecision('direktor', 'kd-teknisk', decidedOn, caseNumber, unit),
  parentPlans: [],
  goals: [],
  assignments: [],
});

describeOnBothDatabases('authority', (openTestHistory) => {
  let history: TestHistory;

  beforeEach(async () => {
    history = openTestHistory((source) => [authorityProjection(source)]);
    await history.record(
      '2023-12-13T09:00:00.000Z',
      'delegation-ks-kd',
      councilToChiefExecutive({
        commandTypes: ['DelegateAuthority', 'AdoptPlan', 'RevisePlan', 'PrioritizeProject'],
        planKinds: ['virksomhetsplan'],
        portfolios: ['utvikling-digitalisering'],
      }),
    );
    const teknisk = await history.record(
      '2024-01-22T09:00:00.000Z',
      'delegation-kd-teknisk',
      chiefExecutiveToTechnicalDirector(
        { commandTypes: ['AdoptPlan', 'RevisePlan'], planKinds: ['virksomhetsplan'] },
        { validTo: '2025-12-31' },
      ),
    );
    await history.record(
      '2024-03-02T09:00:00.000Z',
      'plan-vp-teknisk',
      businessPlan('vp-teknisk', 'teknisk-sektor', '2024-03-01', '2024/300'),
    );
    await history.record('2024-09-03T09:00:00.000Z', 'ranking-ud-2025', {
      type: 'ProjectPrioritized',
      portfolio: 'utvikling-digitalisering',
      round: '2025',
      projectId: 'nytt-sak-arkiv',
      rank: 1,
      decision: delegatedDecision('ledergruppen', 'ks-kd', '2024-09-02', '2024/2002'),
    });
    // Imported from the old system: a plan decided by another sector's director under Teknisk's delegation.
    await history.record(
      '2024-03-06T09:00:00.000Z',
      'plan-vp-helse',
      businessPlan('vp-helse', 'helse', '2024-03-05', '2024/310'),
    );
    await history.record('2024-05-21T09:00:00.000Z', 'delegation-kd-teknisk', {
      type: 'AuthorityRevoked',
      delegationId: 'kd-teknisk',
      revokedFrom: '2024-06-01',
      reason: 'Ny organisering av sektoren',
      decision: delegatedDecision('kommunedirektoren', 'ks-kd', '2024-05-20', '2024/700'),
    });
    await history.record('2024-06-16T09:00:00.000Z', 'plan-vp-teknisk', {
      type: 'PlanRevised',
      planId: 'vp-teknisk',
      title: 'Virksomhetsplan Teknisk sektor 2024, revidert',
      decision: delegatedDecision('direktor', 'kd-teknisk', '2024-06-15', '2024/800', 'teknisk-sektor'),
    });
    // Recorded in October: the delegation to Teknisk only took effect on 10 March.
    await history.record('2024-10-01T09:00:00.000Z', `correction-${teknisk.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: teknisk.eventId,
      correctedEventType: 'AuthorityDelegated',
      correctedStreamId: 'delegation-kd-teknisk',
      changes: [{ field: 'validFrom', before: '2024-02-01', after: '2024-03-10' }],
      reason: 'Feil gyldighetsdato',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const ids = (entries: readonly { delegationId: string }[]) => entries.map((entry) => entry.delegationId);

  it('lists the delegations in force on a day, as known then or now', async () => {
    expect(ids(await delegationsInForce(history.reader, { asOf: '2024-03-05', clock: 'recorded' }))).toEqual([
      'ks-kd',
      'kd-teknisk',
    ]);
    expect(ids(await delegationsInForce(history.reader, { asOf: '2024-03-05', clock: 'effective' }))).toEqual(
      ['ks-kd'],
    );
    expect(ids(await delegationsInForce(history.reader, { asOf: '2024-04-01', clock: 'effective' }))).toEqual(
      ['ks-kd', 'kd-teknisk'],
    );
    expect(ids(await delegationsInForce(history.reader, { asOf: '2024-07-01', clock: 'effective' }))).toEqual(
      ['ks-kd'],
    );
    expect(ids(await delegationsInForce(history.reader, { asOf: '2024-07-01', clock: 'recorded' }))).toEqual([
      'ks-kd',
    ]);
    const [teknisk] = (
      await delegationsInForce(history.reader, { asOf: '2024-04-01', clock: 'recorded' })
    ).slice(1);
    expect(teknisk).toMatchObject({
      from: { body: 'kommunedirektoren' },
      to: { body: 'direktor', unit: 'teknisk-sektor' },
      validFrom: '2024-02-01',
      basis: 'ks-kd',
      grantedBy: { caseNumber: '2024/100', decidedOn: '2024-01-20' },
    });
    await expect(
      delegationsInForce(history.reader, { asOf: undefined as unknown as string }),
    ).rejects.toThrow('asOf: is required: in force on which day?');
  });

  it('groups the decisions made under each delegation, on both clocks', async () => {
    const grouped = async (query: Parameters<typeof decisionsUnderDelegations>[1]) =>
      (await decisionsUnderDelegations(history.reader, query)).map(
        (group) =>
          `${group.delegationId}: ${group.decisions.map((decision) => decision.caseNumber).join(' ')}`,
      );
    expect(await grouped({})).toEqual([
      'ks-kd: 2024/100 2024/700 2024/2002',
      'kd-teknisk: 2024/300 2024/310 2024/800',
    ]);
    expect(await grouped({ asOf: '2024-06-15', clock: 'effective' })).toEqual([
      'ks-kd: 2024/100 2024/700',
      'kd-teknisk: 2024/300 2024/310 2024/800',
    ]);
    expect(await grouped({ asOf: '2024-06-15', clock: 'recorded' })).toEqual([
      'ks-kd: 2024/100 2024/700',
      'kd-teknisk: 2024/300 2024/310',
    ]);
    expect(await grouped({ delegationId: 'kd-teknisk', from: '2024-03-02', to: '2024-12-31' })).toEqual([
      'kd-teknisk: 2024/310 2024/800',
    ]);
  });

  it('names the decisions whose authority did not hold, and a correction recorded later adds to the effective past only', async () => {
    const failures = async (query: Parameters<typeof decisionsWithoutAuthority>[1]) =>
      (await decisionsWithoutAuthority(history.reader, query)).map(
        (failure) => `${failure.decision.caseNumber} ${failure.code}`,
      );
    expect(await failures({ asOf: '2024-09-30', clock: 'recorded' })).toEqual([
      '2024/310 authority.delegation_not_held',
      '2024/800 authority.delegation_not_in_force',
    ]);
    expect(await failures({ asOf: '2024-09-30', clock: 'effective' })).toEqual([
      '2024/300 authority.delegation_not_in_force',
      '2024/310 authority.delegation_not_held',
      '2024/800 authority.delegation_not_in_force',
    ]);
    expect(await failures({})).toEqual(await failures({ asOf: '2024-10-02', clock: 'recorded' }));
    expect(await failures({ from: '2024-06-01', to: '2024-06-30' })).toEqual([
      '2024/800 authority.delegation_not_in_force',
    ]);
    const [first] = await decisionsWithoutAuthority(history.reader, {
      asOf: '2024-09-30',
      clock: 'recorded',
    });
    expect(first?.message).toContain('er ikke gitt til');
    expect(first?.messageEn).toContain('was not given to the direktor');
    expect(first?.decision).toMatchObject({ eventType: 'PlanAdopted', kind: 'Plan vedtatt', unit: 'helse' });
  });

  it('lists a decision recorded without authority with its finding, the stated reason and who recorded it', async () => {
    const plan = businessPlan('vp-helse-2025', 'helse', '2024-11-04', '2024/910');
    const finding = {
      code: 'authority.delegation_not_held',
      message: 'Delegeringen «kd-teknisk» er ikke gitt til direktør som traff vedtaket.',
      messageEn: "The delegation 'kd-teknisk' was not given to the direktor who decided.",
    };
    const reason = 'Internkontrollen fant vedtaket; planen er tatt i bruk.';
    await history.record(
      '2024-11-05T09:00:00.000Z',
      'plan-vp-helse-2025',
      { ...plan, decision: { ...plan.decision, recordedWithoutAuthority: { reason, finding } } },
      { actor: 'radgiver-styv', role: 'styv', onBehalfOf: 'direktor' },
    );
    await history.project();
    const listed = (await decisionsWithoutAuthority(history.reader)).find(
      (failure) => failure.decision.caseNumber === '2024/910',
    );
    expect(listed).toMatchObject({
      code: 'authority.delegation_not_held',
      recordedWithoutAuthority: { reason, finding, recordedBy: { actor: 'radgiver-styv', role: 'styv' } },
    });
    // A decision listed only because the check fails today carries no such mark.
    const [imported] = await decisionsWithoutAuthority(history.reader);
    expect(imported?.recordedWithoutAuthority).toBeUndefined();
  });
});
