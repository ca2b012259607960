import { authorityProjection } from '../authority/authority-projection';
import { delegatedDecision } from '../testing/decisions';
import { chiefExecutiveToTechnicalDirector, councilToChiefExecutive } from '../testing/delegations';
import { type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { procurementRegisterAnswer } from './procurements-answers';
import { procurementsProjection } from './procurements-projection';
import { procurementRegister } from './procurements-queries';

describeOnBothDatabases('the procurement register', (openTestHistory) => {
  let history: TestHistory;

  beforeEach(async () => {
    history = openTestHistory((source) => [authorityProjection(source), procurementsProjection(source)]);
    await history.record(
      '2023-12-13T09:00:00.000Z',
      'delegation-ks-kd',
      councilToChiefExecutive({
        commandTypes: ['DelegateAuthority', 'AwardContract'],
        maxAmountNok: 1_000_000,
      }),
    );
    // No limit of its own: it inherits the one it rests on.
    await history.record(
      '2024-01-03T09:00:00.000Z',
      'delegation-kd-teknisk',
      chiefExecutiveToTechnicalDirector(
        { commandTypes: ['AwardContract'] },
        {
          validFrom: '2024-01-03',
          decision: delegatedDecision('kommunedirektoren', 'ks-kd', '2024-01-02', '2024/10'),
        },
      ),
    );
    await history.record('2024-03-04T09:00:00.000Z', 'procurement-grunnundersokelser', {
      type: 'ProcurementRegistered',
      procurementId: 'grunnundersokelser',
      title: 'Grunnundersøkelser for skolevei',
      estimatedValueNok: 900_000,
      callOff: false,
      requestingUnit: 'teknisk-sektor',
      registeredOn: '2024-03-04',
      responsibleUnit: 'teknisk-sektor',
      thresholdNok: 1_300_000,
    });
    await history.record('2024-03-05T09:00:00.000Z', 'procurement-fagsystem', {
      type: 'ProcurementRegistered',
      procurementId: 'fagsystem',
      title: 'Fagsystem for byggesak',
      estimatedValueNok: 4_800_000,
      callOff: false,
      requestingUnit: 'teknisk-sektor',
      registeredOn: '2024-03-05',
      responsibleUnit: 'utvikling-og-digitalisering',
      thresholdNok: 1_300_000,
      projectId: 'digital-byggesak',
    });
    const award = await history.record('2024-05-03T09:00:00.000Z', 'procurement-grunnundersokelser', {
      type: 'ContractAwarded',
      procurementId: 'grunnundersokelser',
      supplier: 'Grunn AS',
      contractValueNok: 812_500,
      followUpOwner: 'teknisk-sektor',
      contractPeriod: { from: '2024-06-01', to: '2025-05-31' },
      decision: delegatedDecision('direktor', 'kd-teknisk', '2024-05-02', '2024/500', 'teknisk-sektor'),
    });
    await history.record('2024-08-02T09:00:00.000Z', 'procurement-grunnundersokelser', {
      type: 'ContractFollowUpAssigned',
      procurementId: 'grunnundersokelser',
      followUpOwner: 'prosjektvirksomheten',
      decision: delegatedDecision('direktor', 'kd-teknisk', '2024-08-01', '2024/800', 'teknisk-sektor'),
    });
    // Recorded in November: the contract was worth a million more than entered.
    await history.record('2024-11-01T09:00:00.000Z', `correction-${award.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: award.eventId,
      correctedEventType: 'ContractAwarded',
      correctedStreamId: 'procurement-grunnundersokelser',
      changes: [{ field: 'contractValueNok', before: 812_500, after: 1_812_500 }],
      reason: 'Feil kontraktsverdi',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const grunn = async (query: Parameters<typeof procurementRegister>[1]) =>
    (await procurementRegister(history.reader, query)).find(
      (entry) => entry.procurementId === 'grunnundersokelser',
    );

  it('shows threshold, responsible unit, the award against its delegation limit and the follow-up owner', async () => {
    const register = await procurementRegister(history.reader);
    expect(procurementRegisterAnswer.is(register)).toBe(true);
    expect(
      register.map((entry) => `${entry.procurementId} ${entry.status} ${entry.responsibleUnit}`),
    ).toEqual([
      'grunnundersokelser tildelt teknisk-sektor',
      'fagsystem registrert utvikling-og-digitalisering',
    ]);
    expect(register[1]).toMatchObject({ thresholdNok: 1_300_000, projectId: 'digital-byggesak' });
    expect(register[0]).toMatchObject({
      followUpOwner: 'prosjektvirksomheten',
      followUpAssignments: [{ followUpOwner: 'prosjektvirksomheten', decision: { caseNumber: '2024/800' } }],
      contract: {
        supplier: 'Grunn AS',
        contractValueNok: 1_812_500,
        contractPeriod: { from: '2024-06-01', to: '2025-05-31' },
        delegationLimitNok: 1_000_000,
        withinDelegationLimit: false,
        correctedAt: '2024-11-01T09:00:00.000Z',
      },
    });
  });

  it('answers on the recorded clock with the value known then, and on the effective clock as it stood', async () => {
    expect((await grunn({ asOf: '2024-10-31', clock: 'recorded' }))?.contract).toMatchObject({
      contractValueNok: 812_500,
      withinDelegationLimit: true,
    });
    expect((await grunn({ asOf: '2024-10-31', clock: 'recorded' }))?.contract?.correctedAt).toBeUndefined();
    expect(await grunn({ asOf: '2024-06-30' })).toMatchObject({
      status: 'tildelt',
      followUpOwner: 'teknisk-sektor',
      followUpAssignments: [],
      contract: { contractValueNok: 1_812_500, withinDelegationLimit: false },
    });
    expect(await grunn({ asOf: '2024-04-30' })).toMatchObject({ status: 'registrert' });
    expect((await grunn({ asOf: '2024-04-30' }))?.contract).toBeUndefined();
    expect(await grunn({ asOf: '2024-03-03', clock: 'recorded' })).toBeUndefined();
  });

  it('filters by status and names the allowed values of a bad one', async () => {
    expect(
      (await procurementRegister(history.reader, { status: 'registrert' })).map(
        (entry) => entry.procurementId,
      ),
    ).toEqual(['fagsystem']);
    await expect(procurementRegister(history.reader, { status: 'awarded' })).rejects.toThrow(
      "status: 'awarded' is not one of 'registrert', 'tildelt'",
    );
  });
});
