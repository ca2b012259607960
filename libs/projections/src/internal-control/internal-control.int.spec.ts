import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { InvalidQuery } from '../point-in-time';
import { avvikByUnitAnswer, avvikRegisterAnswer } from './avvik-register-answers';
import { avvikByUnit, avvikRegister } from './avvik-register-queries';
import { internalControlChecklistsAnswer } from './checklist-register-answers';
import { internalControlChecklists } from './checklist-register-queries';
import { internalControlProjection } from './internal-control-projection';

describeOnBothDatabases('the internkontroll registers', (openTestHistory) => {
  let history: TestHistory;
  let firstDeviation: Recorded;
  let checklist: Recorded;

  beforeEach(async () => {
    history = openTestHistory((source) => [internalControlProjection(source)]);
    firstDeviation = await history.record('2024-05-06T10:00:00.000Z', 'deviation-epost', {
      type: 'DeviationRecorded',
      deviationId: 'epost',
      unit: 'hjemmetjenesten',
      observedOn: '2024-05-06',
      category: 'personvern',
      description: 'Helseopplysninger sendt med ukryptert e-post',
    });
    checklist = await history.record(
      '2024-05-15T12:00:00.000Z',
      'checklist-helse-og-velferd-2024-01-01',
      {
        type: 'InternalControlChecklistCompleted',
        unit: 'helse-og-velferd',
        period: { from: '2024-01-01', to: '2024-06-30' },
        completedOn: '2024-05-15',
        obligationId: 'internkontroll-sjekkliste',
        items: [
          { item: 'Rutiner for avvikshåndtering er kjent', status: 'ok' },
          { item: 'Personopplysninger behandles etter rutinene', status: 'avvik', comment: 'Se avvik' },
          { item: 'Brannøvelse gjennomført', status: 'ikke-relevant' },
        ],
      },
      { actor: 'kari.direktor', role: 'direktor' },
    );
    await history.record('2024-05-20T12:00:00.000Z', 'checklist-oppvekst-2024-01-01', {
      type: 'InternalControlChecklistCompleted',
      unit: 'oppvekst',
      period: { from: '2024-01-01', to: '2024-06-30' },
      completedOn: '2024-05-20',
      items: [{ item: 'Rutiner for avvikshåndtering er kjent', status: 'ok' }],
    });
    await history.record('2024-06-03T10:00:00.000Z', 'deviation-hms', {
      type: 'DeviationRecorded',
      deviationId: 'hms',
      unit: 'oppvekst',
      observedOn: '2024-06-01',
      category: 'hms',
      description: 'Manglende verneutstyr',
    });
    // Closed on 28 June, recorded on 1 July.
    await history.record('2024-07-01T10:00:00.000Z', 'deviation-epost', {
      type: 'DeviationClosed',
      deviationId: 'epost',
      closedOn: '2024-06-28',
      correctiveAction: 'Sikker digital post tatt i bruk',
    });
    // Recorded in September: the e-mail avvik was observed on 2 May, not 6 May.
    await history.record('2024-09-02T10:00:00.000Z', `correction-${firstDeviation.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: firstDeviation.eventId,
      correctedEventType: 'DeviationRecorded',
      correctedStreamId: 'deviation-epost',
      changes: [{ field: 'observedOn', before: '2024-05-06', after: '2024-05-02' }],
      reason: 'Feil dato for når avviket ble oppdaget',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const summary = async (asOf: string, clock: 'recorded' | 'effective', status?: string) =>
    (await avvikRegister(history.reader, { asOf, clock, ...(status === undefined ? {} : { status }) })).map(
      (entry) =>
        `${entry.deviationId} ${entry.observedOn} ${entry.status} ${entry.daysToClose ?? '-'}/${entry.daysOpen ?? '-'}`,
    );

  it('answers open and closed avvik with the days to close, on both clocks and after a correction', async () => {
    expect(await summary('2024-06-30', 'effective')).toEqual([
      'epost 2024-05-02 closed 57/-',
      'hms 2024-06-01 open -/29',
    ]);
    // On 30 June the closing of 28 June was not yet recorded, nor the corrected date.
    expect(await summary('2024-06-30', 'recorded')).toEqual([
      'epost 2024-05-06 open -/55',
      'hms 2024-06-01 open -/29',
    ]);
    expect(await summary('2024-08-01', 'recorded')).toEqual([
      'epost 2024-05-06 closed 53/-',
      'hms 2024-06-01 open -/61',
    ]);
    expect(await summary('2024-09-03', 'recorded', 'closed')).toEqual(['epost 2024-05-02 closed 57/-']);
    expect(await summary('2024-05-31', 'effective', 'open')).toEqual(['epost 2024-05-02 open -/29']);
    expect(avvikRegisterAnswer.is(await avvikRegister(history.reader, { asOf: '2024-06-30' }))).toBe(true);
    expect(
      await (await avvikRegister(history.reader, { unit: 'oppvekst' })).map((entry) => entry.deviationId),
    ).toEqual(['hms']);
  });

  it('sums avvik per unit', async () => {
    expect(avvikByUnitAnswer.is(await avvikByUnit(history.reader))).toBe(true);
    expect(await avvikByUnit(history.reader, { asOf: '2024-07-31' })).toEqual([
      { unit: 'hjemmetjenesten', open: 0, closed: 1, averageDaysToClose: 57 },
      { unit: 'oppvekst', open: 1, closed: 0 },
    ]);
  });

  it('refuses an unknown status or category, naming the allowed ones', async () => {
    await expect(avvikRegister(history.reader, { status: 'lukket' })).rejects.toThrow(
      new InvalidQuery('status', "'lukket' is not one of 'open', 'closed'"),
    );
    await expect(avvikRegister(history.reader, { category: 'brann' })).rejects.toThrow(
      /'lovbrudd', 'rutinebrudd'/,
    );
  });

  it('lists checklists with what was checked, by whom, when and the outcome, on both clocks', async () => {
    const answer = await internalControlChecklists(history.reader, { unit: 'helse-og-velferd' });
    expect(internalControlChecklistsAnswer.is(answer)).toBe(true);
    const [first] = answer;
    expect(first).toEqual({
      unit: 'helse-og-velferd',
      period: { from: '2024-01-01', to: '2024-06-30' },
      completedOn: '2024-05-15',
      obligationId: 'internkontroll-sjekkliste',
      items: [
        { item: 'Rutiner for avvikshåndtering er kjent', status: 'ok' },
        { item: 'Personopplysninger behandles etter rutinene', status: 'avvik', comment: 'Se avvik' },
        { item: 'Brannøvelse gjennomført', status: 'ikke-relevant' },
      ],
      outcome: { ok: 1, avvik: 1, ikkeRelevant: 1 },
      completedBy: { actor: 'kari.direktor', role: 'direktor' },
      eventId: checklist.eventId,
      globalPosition: checklist.position,
      knownFrom: '2024-05-15T12:00:00.000Z',
    });
    const units = async (query: Parameters<typeof internalControlChecklists>[1]) =>
      (await internalControlChecklists(history.reader, query)).map((entry) => entry.unit);
    expect(await units({ asOf: '2024-05-16', clock: 'effective' })).toEqual(['helse-og-velferd']);
    expect(await units({ asOf: '2024-05-15T11:00:00Z', clock: 'recorded' })).toEqual([]);
    expect(await units({ withAvvik: true })).toEqual(['helse-og-velferd']);
    expect(await units({ from: '2024-07-01' })).toEqual([]);
  });

  it('follows a correction of a checklist, keeping who completed it', async () => {
    await history.record('2024-10-01T10:00:00.000Z', `correction-${checklist.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: checklist.eventId,
      correctedEventType: 'InternalControlChecklistCompleted',
      correctedStreamId: 'checklist-helse-og-velferd-2024-01-01',
      changes: [{ field: 'completedOn', before: '2024-05-15', after: '2024-05-14' }],
      reason: 'Feil utfyllingsdato',
    });
    await history.project();
    const completed = async (asOf: string, clock: 'recorded' | 'effective') =>
      (await internalControlChecklists(history.reader, { asOf, clock, unit: 'helse-og-velferd' })).map(
        (entry) => [entry.completedOn, entry.completedBy.actor],
      );
    expect(await completed('2024-09-30', 'recorded')).toEqual([['2024-05-15', 'kari.direktor']]);
    expect(await completed('2024-10-02', 'recorded')).toEqual([['2024-05-14', 'kari.direktor']]);
    expect(await completed('2024-05-14', 'effective')).toEqual([['2024-05-14', 'kari.direktor']]);
  });
});
