import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { supervisionRegisterProjection } from './supervision-register-projection';
import { supervisions } from './supervision-register-queries';

describeOnBothDatabases('the supervision (tilsyn) register', (openTestHistory) => {
  let history: TestHistory;
  let finding: Recorded;

  beforeEach(async () => {
    history = openTestHistory((source) => [supervisionRegisterProjection(source)]);
    await history.record('2024-09-03T09:00:00.000Z', 'supervision-hjemmetjenester-2024', {
      type: 'SupervisionOpened',
      supervisionId: 'hjemmetjenester-2024',
      supervisoryAuthority: 'statsforvalteren',
      subject: 'Tildeling av helse- og omsorgstjenester i hjemmet',
      unit: 'helse-og-velferd',
      openedOn: '2024-09-02',
      legalBasis: 'Kommuneloven § 30-3',
    });
    await history.record('2024-10-01T09:00:00.000Z', 'supervision-brannvern-2024', {
      type: 'SupervisionOpened',
      supervisionId: 'brannvern-2024',
      supervisoryAuthority: 'dsb',
      subject: 'Brannvesenets forebyggende arbeid',
      unit: 'teknisk-sektor',
      openedOn: '2024-09-30',
    });
    finding = await history.record('2024-10-20T09:00:00.000Z', 'supervision-hjemmetjenester-2024', {
      type: 'SupervisionFindingRecorded',
      supervisionId: 'hjemmetjenester-2024',
      findingId: 'avvik-1',
      kind: 'avvik',
      description: 'Vedtak ble ikke fattet innen fristen',
      recordedOn: '2024-10-15',
      legalReference: 'Helse- og omsorgstjenesteloven § 3-2',
    });
    // Closed on 20 December, recorded only in January.
    await history.record('2025-01-08T09:00:00.000Z', 'supervision-hjemmetjenester-2024', {
      type: 'SupervisionClosed',
      supervisionId: 'hjemmetjenester-2024',
      closedOn: '2024-12-20',
      conclusion: 'Avviket er lukket etter kommunens tiltaksplan',
    });
    await history.record('2025-02-01T09:00:00.000Z', `correction-${finding.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: finding.eventId,
      correctedEventType: 'SupervisionFindingRecorded',
      correctedStreamId: 'supervision-hjemmetjenester-2024',
      changes: [{ field: 'kind', before: 'avvik', after: 'merknad' }],
      reason: 'Tilsynsrapporten omtaler forholdet som merknad',
    });
    await history.project();
  });
  afterEach(() => history.close());

  it('shows each tilsyn with its authority, unit, findings and closing, in the order opened', async () => {
    const all = await supervisions(history.reader);
    expect(all.map((entry) => [entry.supervisionId, entry.supervisoryAuthority, entry.unit])).toEqual([
      ['hjemmetjenester-2024', 'statsforvalteren', 'helse-og-velferd'],
      ['brannvern-2024', 'dsb', 'teknisk-sektor'],
    ]);
    const [hjemmetjenester] = all;
    expect(hjemmetjenester?.findings.map((f) => [f.findingId, f.kind, f.recordedOn])).toEqual([
      ['avvik-1', 'merknad', '2024-10-15'],
    ]);
    expect(hjemmetjenester?.closed).toEqual({
      closedOn: '2024-12-20',
      conclusion: 'Avviket er lukket etter kommunens tiltaksplan',
    });
  });

  it('answers open and closed tilsyn as of a day, on both clocks', async () => {
    const ids = async (query: Parameters<typeof supervisions>[1]) =>
      (await supervisions(history.reader, query)).map((entry) => entry.supervisionId);
    expect(await ids({ asOf: '2024-09-15' })).toEqual(['hjemmetjenester-2024']);
    expect(await ids({ asOf: '2024-12-31', status: 'closed' })).toEqual(['hjemmetjenester-2024']);
    // What a report made on New Year's Eve knew: the closing was not recorded yet.
    expect(await ids({ asOf: '2024-12-31', clock: 'recorded', status: 'closed' })).toEqual([]);
    expect(await ids({ asOf: '2024-12-31', clock: 'recorded', status: 'open' })).toEqual([
      'hjemmetjenester-2024',
      'brannvern-2024',
    ]);
    expect(await ids({ unit: 'teknisk-sektor' })).toEqual(['brannvern-2024']);
    // Before the correction was recorded, the finding was an avvik.
    const before = (await supervisions(history.reader, { asOf: '2025-01-15', clock: 'recorded' }))[0];
    expect(before?.findings[0]?.kind).toBe('avvik');
  });

  it('refuses a status it does not know, naming the field', async () => {
    await expect(supervisions(history.reader, { status: 'lukket' as 'closed' })).rejects.toThrow(
      /^status: 'lukket'/,
    );
  });
});
