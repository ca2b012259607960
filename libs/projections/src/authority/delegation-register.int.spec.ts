import { delegatedDecision } from '../testing/decisions';
import { chiefExecutiveToTechnicalDirector, councilToChiefExecutive } from '../testing/delegations';
import { type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { authorityProjection } from './authority-projection';
import { delegationRegisterAnswer } from './delegation-register-answers';
import { delegationRegister } from './delegation-register-queries';

describeOnBothDatabases('the delegation register', (openTestHistory) => {
  let history: TestHistory;

  beforeEach(async () => {
    history = openTestHistory((source) => [authorityProjection(source)]);
    await history.record(
      '2023-12-13T09:00:00.000Z',
      'delegation-ks-kd',
      councilToChiefExecutive({
        commandTypes: ['DelegateAuthority', 'AdoptPlan', 'AwardContract'],
        maxAmountNok: 5_000_000,
      }),
    );
    await history.record(
      '2024-01-22T09:00:00.000Z',
      'delegation-kd-teknisk',
      chiefExecutiveToTechnicalDirector({ commandTypes: ['AdoptPlan'], planKinds: ['virksomhetsplan'] }),
    );
    await history.record('2024-03-02T09:00:00.000Z', 'plan-vp-teknisk', {
      type: 'PlanAdopted',
      planId: 'vp-teknisk',
      kind: 'virksomhetsplan',
      title: 'Virksomhetsplan Teknisk sektor 2024',
      period: { from: '2024-01-01', to: '2024-12-31' },
      unit: 'teknisk-sektor',
      decision: delegatedDecision('direktor', 'kd-teknisk', '2024-03-01', '2024/300', 'teknisk-sektor'),
      parentPlans: [],
      goals: [],
      assignments: [],
    });
    const revoked = await history.record('2024-05-21T09:00:00.000Z', 'delegation-kd-teknisk', {
      type: 'AuthorityRevoked',
      delegationId: 'kd-teknisk',
      revokedFrom: '2024-06-01',
      reason: 'Ny organisering av sektoren',
      decision: delegatedDecision('kommunedirektoren', 'ks-kd', '2024-05-20', '2024/700'),
    });
    // Recorded in October: the revocation only took effect on 1 August.
    await history.record('2024-10-01T09:00:00.000Z', `correction-${revoked.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: revoked.eventId,
      correctedEventType: 'AuthorityRevoked',
      correctedStreamId: 'delegation-kd-teknisk',
      changes: [{ field: 'revokedFrom', before: '2024-06-01', after: '2024-08-01' }],
      reason: 'Feil dato for tilbakekalling',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const teknisk = async (query: Parameters<typeof delegationRegister>[1]) =>
    (await delegationRegister(history.reader, { ...query, delegationId: 'kd-teknisk' }))[0];

  it('lists revoked delegations too, with when, why and by which decision, and their chain to the council', async () => {
    const register = await delegationRegister(history.reader);
    expect(delegationRegisterAnswer.is(register)).toBe(true);
    expect(register.map((entry) => entry.delegationId)).toEqual(['ks-kd', 'kd-teknisk']);
    expect(register[1]).toMatchObject({
      basis: 'ks-kd',
      grantedBy: { decision: { caseNumber: '2024/100' } },
      revoked: {
        revokedFrom: '2024-08-01',
        reason: 'Ny organisering av sektoren',
        decision: { caseNumber: '2024/700', body: 'kommunedirektoren' },
      },
      chainComplete: true,
      decisions: [{ caseNumber: '2024/300', eventType: 'PlanAdopted' }],
    });
    expect(register[1]?.chain.map((link) => `${link.delegationId} ${link.grantedBy.caseNumber}`)).toEqual([
      'kd-teknisk 2024/100',
      'ks-kd 2023/900',
    ]);
    expect(register[0]).toMatchObject({ subDelegations: ['kd-teknisk'], scope: { maxAmountNok: 5_000_000 } });
    expect(register[0]?.decisions.map((decision) => decision.caseNumber)).toEqual(['2024/100', '2024/700']);
    expect(register[0]?.revoked).toBeUndefined();
  });

  it('answers on the recorded clock what was known then, and on the effective clock the corrected revocation', async () => {
    const knownThen = await teknisk({ asOf: '2024-07-01', clock: 'recorded' });
    expect(knownThen).toMatchObject({ inForce: false, revoked: { revokedFrom: '2024-06-01' } });
    expect(knownThen?.revoked?.correctedAt).toBeUndefined();
    expect(await teknisk({ asOf: '2024-07-01', clock: 'effective' })).toMatchObject({
      inForce: true,
      revoked: { revokedFrom: '2024-08-01', correctedAt: '2024-10-01T09:00:00.000Z' },
    });
    expect((await teknisk({ asOf: '2024-08-01' }))?.inForce).toBe(false);
    // Before its decision the delegation is not in the register on either clock.
    expect(await teknisk({ asOf: '2024-01-19' })).toBeUndefined();
    expect(await teknisk({ asOf: '2024-01-21', clock: 'recorded' })).toBeUndefined();
    expect(await teknisk({ asOf: '2024-01-22', clock: 'recorded' })).toMatchObject({ inForce: false });
    expect(await teknisk({ asOf: '2024-02-01', clock: 'recorded' })).toMatchObject({ inForce: true });
  });
});
