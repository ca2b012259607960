import type { CompanyRegistered } from '@styring/governance';
import { councilDecision } from '../testing/decisions';
import { type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { companyRegisterAnswer, ownershipReportsAnswer } from './ownership-answers';
import { ownershipProjection } from './ownership-projection';
import { companyRegister, ownershipReports } from './ownership-queries';

const company = (companyId: string, ownershipPercent: number, registeredOn: string): CompanyRegistered => ({
  type: 'CompanyRegistered',
  companyId,
  name: `Selskapet ${companyId}`,
  organisationNumber: '987654321',
  companyForm: 'iks',
  registeredOn,
  ownershipPercent,
});

describeOnBothDatabases('the ownership register', (openTestHistory) => {
  let history: TestHistory;

  beforeEach(async () => {
    history = openTestHistory((source) => [ownershipProjection(source)]);
    const nrbr = await history.record(
      '2024-02-01T09:00:00.000Z',
      'company-nrbr',
      company('nrbr', 22.5, '2024-02-01'),
    );
    await history.record(
      '2024-02-01T09:01:00.000Z',
      'company-krisesenter',
      company('krisesenter', 14.8, '2024-02-01'),
    );
    await history.record('2024-06-20T09:00:00.000Z', 'ownershipreport-2024', {
      type: 'OwnershipReportAdopted',
      reportId: 'eierskapsmelding-2024',
      title: 'Eierskapsmelding 2024',
      electoralPeriod: { from: '2023-10-01', to: '2027-09-30' },
      companies: ['nrbr', 'krisesenter'],
      documentReference: 'Sak 2024/600',
      decision: councilDecision('2024-06-19', '2024/600'),
    });
    await history.record('2024-11-15T09:00:00.000Z', 'company-krisesenter', {
      type: 'CompanyOwnershipEnded',
      companyId: 'krisesenter',
      endedOn: '2024-12-31',
      reason: 'Kommunen trer ut av samarbeidet',
      decision: councilDecision('2024-11-14', '2024/1100'),
    });
    // Recorded in March 2025: the share was 25 %, not 22.5 %.
    await history.record('2025-03-01T09:00:00.000Z', `correction-${nrbr.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: nrbr.eventId,
      correctedEventType: 'CompanyRegistered',
      correctedStreamId: 'company-nrbr',
      changes: [{ field: 'ownershipPercent', before: 22.5, after: 25 }],
      reason: 'Feil eierandel',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const shares = async (query: Parameters<typeof companyRegister>[1]) =>
    (await companyRegister(history.reader, query)).map(
      (entry) =>
        `${entry.companyId} ${entry.ownershipPercent} ${entry.status} [${entry.ownershipReports.join(' ')}]`,
    );

  it('lists the companies with share, start and end of ownership with its decision, and the reports covering them', async () => {
    const register = await companyRegister(history.reader);
    expect(companyRegisterAnswer.is(register)).toBe(true);
    expect(await shares({})).toEqual([
      'nrbr 25 eid [eierskapsmelding-2024]',
      'krisesenter 14.8 avsluttet [eierskapsmelding-2024]',
    ]);
    expect(register[0]).toMatchObject({
      organisationNumber: '987654321',
      companyForm: 'iks',
      registeredOn: '2024-02-01',
      registered: { correctedAt: '2025-03-01T09:00:00.000Z' },
    });
    expect(register[1]?.ended).toMatchObject({
      endedOn: '2024-12-31',
      reason: 'Kommunen trer ut av samarbeidet',
      decision: { caseNumber: '2024/1100', body: 'kommunestyret' },
    });
    const reports = await ownershipReports(history.reader);
    expect(ownershipReportsAnswer.is(reports)).toBe(true);
    expect(reports).toMatchObject([
      {
        reportId: 'eierskapsmelding-2024',
        companies: ['nrbr', 'krisesenter'],
        decision: { caseNumber: '2024/600' },
      },
    ]);
  });

  it('answers on the recorded clock with the share known then, and on the effective clock as it stood', async () => {
    expect(await shares({ asOf: '2024-12-30', clock: 'recorded' })).toEqual([
      'nrbr 22.5 eid [eierskapsmelding-2024]',
      'krisesenter 14.8 eid [eierskapsmelding-2024]',
    ]);
    expect((await shares({ asOf: '2024-12-31', clock: 'recorded' }))[1]).toBe(
      'krisesenter 14.8 avsluttet [eierskapsmelding-2024]',
    );
    expect(await shares({ asOf: '2024-03-01' })).toEqual(['nrbr 25 eid []', 'krisesenter 14.8 eid []']);
    expect(await shares({ asOf: '2024-01-31' })).toEqual([]);
    expect(await ownershipReports(history.reader, { asOf: '2024-06-19', clock: 'recorded' })).toEqual([]);
    expect(await ownershipReports(history.reader, { asOf: '2024-06-19' })).toHaveLength(1);
  });

  it('filters by status and company form, and names the allowed values of a bad one', async () => {
    expect(await shares({ status: 'avsluttet' })).toEqual([
      'krisesenter 14.8 avsluttet [eierskapsmelding-2024]',
    ]);
    expect(await shares({ companyForm: 'as' })).toEqual([]);
    await expect(companyRegister(history.reader, { status: 'owned' })).rejects.toThrow(
      "status: 'owned' is not one of 'eid', 'avsluttet'",
    );
    await expect(companyRegister(history.reader, { companyForm: 'asa' })).rejects.toThrow(
      "companyForm: 'asa' is not one of",
    );
  });
});
