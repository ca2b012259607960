import { defaultReportingObligations, type ReportSubmitted } from '@styring/governance';
import { type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { reportingCalendarProjection } from './reporting-calendar-projection';
import { reportingCalendar, reportSubmissions } from './reporting-calendar-queries';

const submitted = (
  reportId: string,
  obligationId: ReportSubmitted['kind'],
  period: { from: string; to: string },
  submittedOn: string,
): ReportSubmitted => ({
  type: 'ReportSubmitted',
  reportId,
  kind: obligationId,
  obligationId,
  period,
  from: { body: 'kommunedirektoren' },
  to: 'kommunestyret',
  submittedOn,
  documentReference: `2025/${reportId}`,
});

describeOnBothDatabases('the reporting calendar (årshjul)', (openTestHistory) => {
  let history: TestHistory;

  beforeEach(async () => {
    history = openTestHistory((source) => [reportingCalendarProjection(source)]);
    const accounts = await history.record(
      '2025-02-20T15:00:00.000Z',
      'report-arsregnskap-2024',
      submitted('arsregnskap-2024', 'arsregnskap', { from: '2024-01-01', to: '2024-12-31' }, '2025-02-20'),
    );
    // The first tertial's economy report went out on 28 May, for the council meeting of 11 June, but was
    // only registered on 20 June.
    await history.record(
      '2025-06-20T08:00:00.000Z',
      'report-okonomi-t1-2025',
      submitted('okonomi-t1-2025', 'okonomirapport', { from: '2025-01-01', to: '2025-04-30' }, '2025-05-28'),
    );
    await history.record('2025-05-20T12:00:00.000Z', 'checklist-teknisk-sektor-2025-01-01', {
      type: 'InternalControlChecklistCompleted',
      unit: 'teknisk-sektor',
      period: { from: '2025-01-01', to: '2025-06-30' },
      completedOn: '2025-05-20',
      items: [{ item: 'Rutiner for avvik er kjent', status: 'ok' }],
      obligationId: 'internkontroll-sjekkliste',
    });
    // Recorded in June: the accounts were in fact delivered on 25 February, after the deadline.
    await history.record('2025-06-01T08:00:00.000Z', `correction-${accounts.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: accounts.eventId,
      correctedEventType: 'ReportSubmitted',
      correctedStreamId: 'report-arsregnskap-2024',
      changes: [{ field: 'submittedOn', before: '2025-02-20', after: '2025-02-25' }],
      reason: 'Feil leveringsdato',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const statusOf = async (obligationId: string, asOf: string, clock: 'recorded' | 'effective') =>
    (await reportingCalendar(history.reader, { year: 2025, obligationId, asOf, clock })).map(
      (entry) => `${entry.dueOn}:${entry.status}`,
    );

  it("lists each obligation's due dates of the year in date order, each after its period", async () => {
    const calendar = await reportingCalendar(history.reader, { year: 2025, asOf: '2025-12-31' });
    expect(calendar).toHaveLength(17);
    expect(calendar.slice(0, 5).map((entry) => `${entry.dueOn} ${entry.obligationId}`)).toEqual([
      '2025-02-12 oppfolging-politiske-vedtak',
      '2025-02-12 klimatiltak',
      '2025-02-12 kontrollutvalgets-arsmelding',
      '2025-02-14 investeringsstatus',
      '2025-02-22 arsregnskap',
    ]);
    for (const entry of calendar) expect(entry.dueOn >= entry.period.to).toBe(true);
    expect(calendar.find((entry) => entry.obligationId === 'arsregnskap')).toMatchObject({
      period: { from: '2024-01-01', to: '2024-12-31' },
      title: 'Årsregnskap',
      source: expect.stringContaining('Kommuneloven § 14-6'),
      to: 'kommunestyret',
    });
    expect(
      await reportingCalendar(history.reader, {
        year: 2027,
        obligationId: 'eierskapsmelding',
        asOf: '2027-01-01',
      }),
    ).toMatchObject([
      { dueOn: '2027-09-30', period: { from: '2023-10-01', to: '2027-09-30' }, status: 'ikke-forfalt' },
    ]);
  });

  it('a delivery corrected later turns late on the effective clock and stays on time as recorded then', async () => {
    expect(await statusOf('arsregnskap', '2025-03-01', 'effective')).toEqual(['2025-02-22:levert-for-sent']);
    expect(await statusOf('arsregnskap', '2025-03-01', 'recorded')).toEqual(['2025-02-22:levert-i-tide']);
    expect(await statusOf('arsregnskap', '2025-06-01', 'recorded')).toEqual(['2025-02-22:levert-for-sent']);
    expect(await statusOf('arsregnskap', '2025-02-21', 'effective')).toEqual(['2025-02-22:ikke-forfalt']);
  });

  it('marks a report missing once its due day has passed, as known then or now', async () => {
    expect(await statusOf('arsberetning', '2025-03-31', 'effective')).toEqual(['2025-03-31:ikke-forfalt']);
    expect(await statusOf('arsberetning', '2025-04-01', 'effective')).toEqual(['2025-03-31:mangler']);
    expect(await statusOf('arsberetning', '2025-04-01', 'recorded')).toEqual(['2025-03-31:mangler']);
    const tertials = async (asOf: string, clock: 'recorded' | 'effective') =>
      (await statusOf('okonomirapport', asOf, clock)).slice(0, 1);
    expect(await tertials('2025-06-12', 'effective')).toEqual(['2025-06-11:levert-i-tide']);
    expect(await tertials('2025-06-12', 'recorded')).toEqual(['2025-06-11:mangler']);
    expect(await tertials('2025-06-20T09:00:00Z', 'recorded')).toEqual(['2025-06-11:levert-i-tide']);
  });

  it('counts a unit’s internkontroll checklist for its half year', async () => {
    const [first] = await reportingCalendar(history.reader, {
      year: 2025,
      obligationId: 'internkontroll-sjekkliste',
      asOf: '2025-07-01',
      clock: 'recorded',
    });
    expect(first).toMatchObject({ dueOn: '2025-06-30', status: 'levert-i-tide' });
    expect(first?.submissions.map((submission) => submission.fromUnit)).toEqual(['teknisk-sektor']);
    expect(await statusOf('internkontroll-sjekkliste', '2025-07-01', 'effective')).toEqual([
      '2025-06-30:levert-i-tide',
      '2025-12-31:ikke-forfalt',
    ]);
  });

  it('uses the obligation in force at the end of each period, and refuses a calendar without a day or year', async () => {
    const ended = defaultReportingObligations
      .filter((obligation) => obligation.obligationId === 'okonomirapport')
      .map((obligation) => ({ ...obligation, validTo: '2025-06-30' }));
    expect(
      (await reportingCalendar(history.reader, { year: 2025, obligations: ended, asOf: '2025-12-31' })).map(
        (entry) => entry.dueOn,
      ),
    ).toEqual(['2025-06-11']);
    await expect(reportingCalendar(history.reader, { year: 2025 })).rejects.toThrow(
      'asOf: is required: delivered by which day?',
    );
    await expect(reportingCalendar(history.reader, { year: 25.5, asOf: '2025-01-01' })).rejects.toThrow(
      'year: 25.5 is not a year',
    );
  });

  it('lists deliveries recorded, or made, by a date', async () => {
    const ids = async (asOf: string, clock: 'recorded' | 'effective') =>
      (await reportSubmissions(history.reader, { asOf, clock })).map(
        (submission) => submission.reportId ?? submission.fromUnit,
      );
    expect(await ids('2025-05-31', 'effective')).toEqual([
      'arsregnskap-2024',
      'teknisk-sektor',
      'okonomi-t1-2025',
    ]);
    expect(await ids('2025-05-31', 'recorded')).toEqual(['arsregnskap-2024', 'teknisk-sektor']);
    expect(
      await (
        await reportSubmissions(history.reader, { obligationId: 'arsregnskap' })
      )[0]?.submittedOn,
    ).toBe('2025-02-25');
    expect(await reportSubmissions(history.reader, { kind: 'internkontroll-sjekkliste' })).toHaveLength(1);
  });

  it('refuses an unknown kind of report, naming the known ones', async () => {
    await expect(reportSubmissions(history.reader, { kind: 'arsrapport' })).rejects.toThrow(
      /kind: 'arsrapport' is not one of 'okonomirapport', .*'annet'/,
    );
  });
});
