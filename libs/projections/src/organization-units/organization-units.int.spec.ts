import type { UnitEstablished } from '@styring/governance';
import { councilDecision, delegatedDecision } from '../testing/decisions';
import { type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { organizationUnitsAnswer } from './organization-units-answers';
import { organizationUnitsProjection } from './organization-units-projection';
import { organizationUnits } from './organization-units-queries';

const established = (
  unit: string,
  kind: UnitEstablished['kind'],
  decidedOn: string,
  caseNumber: string,
  parent?: string,
): UnitEstablished => ({
  type: 'UnitEstablished',
  unit,
  name: `Enheten ${unit}`,
  kind,
  decision:
    parent === undefined
      ? councilDecision(decidedOn, caseNumber)
      : delegatedDecision('kommunedirektoren', 'ks-kd', decidedOn, caseNumber),
  ...(parent === undefined ? {} : { parent }),
});

describeOnBothDatabases('the organization units', (openTestHistory) => {
  let history: TestHistory;

  beforeEach(async () => {
    history = openTestHistory((source) => [organizationUnitsProjection(source)]);
    await history.record(
      '2023-06-15T09:00:00.000Z',
      'organisation',
      established('teknisk-sektor', 'sektor', '2023-06-14', '2023/500'),
    );
    await history.record(
      '2023-11-21T09:00:00.000Z',
      'organisation',
      established('prosjektvirksomheten', 'virksomhet', '2023-11-20', '2023/4150', 'teknisk-sektor'),
    );
    const section = await history.record(
      '2024-02-02T09:00:00.000Z',
      'organisation',
      established('byggeledelse', 'seksjon', '2024-02-01', '2024/150', 'prosjektvirksomheten'),
    );
    await history.record('2024-09-02T09:00:00.000Z', 'organisation', {
      type: 'UnitDissolved',
      unit: 'byggeledelse',
      reason: 'Slått sammen med prosjektvirksomheten',
      decision: delegatedDecision('kommunedirektoren', 'ks-kd', '2024-09-01', '2024/900'),
    });
    // Recorded in March 2024: the section was established under Teknisk sektor directly.
    await history.record('2024-03-10T09:00:00.000Z', `correction-${section.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: section.eventId,
      correctedEventType: 'UnitEstablished',
      correctedStreamId: 'organisation',
      changes: [{ field: 'parent', before: 'prosjektvirksomheten', after: 'teknisk-sektor' }],
      reason: 'Feil overordnet enhet',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const summary = async (query: Parameters<typeof organizationUnits>[1]) =>
    (await organizationUnits(history.reader, query)).map(
      (unit) => `${unit.unit} ${unit.status} parent=${unit.parent ?? '-'} sector=${unit.sector ?? '-'}`,
    );

  it('shows the units as they stood on a day, with parent, sector and the decisions that made and closed them', async () => {
    const now = await organizationUnits(history.reader);
    expect(organizationUnitsAnswer.is(now)).toBe(true);
    expect(await summary({})).toEqual([
      'teknisk-sektor aktiv parent=- sector=teknisk-sektor',
      'prosjektvirksomheten aktiv parent=teknisk-sektor sector=teknisk-sektor',
      'byggeledelse nedlagt parent=teknisk-sektor sector=teknisk-sektor',
    ]);
    expect(now[2]).toMatchObject({
      kind: 'seksjon',
      established: { decision: { caseNumber: '2024/150' }, correctedAt: '2024-03-10T09:00:00.000Z' },
      dissolved: { reason: 'Slått sammen med prosjektvirksomheten', decision: { caseNumber: '2024/900' } },
    });
    expect(now[0]?.established.correctedAt).toBeUndefined();
    expect(await summary({ asOf: '2024-06-30' })).toContain(
      'byggeledelse aktiv parent=teknisk-sektor sector=teknisk-sektor',
    );
    expect(await summary({ asOf: '2023-12-31' })).toHaveLength(2);
  });

  it('answers on the recorded clock what the register said before the correction', async () => {
    expect(await summary({ asOf: '2024-03-01', clock: 'recorded' })).toContain(
      'byggeledelse aktiv parent=prosjektvirksomheten sector=teknisk-sektor',
    );
    expect(await summary({ asOf: '2024-03-10', clock: 'recorded' })).toContain(
      'byggeledelse aktiv parent=teknisk-sektor sector=teknisk-sektor',
    );
    expect(await summary({ asOf: '2024-02-01', clock: 'recorded' })).toHaveLength(2);
  });

  it('filters by kind and status, and names the allowed values of a bad filter', async () => {
    expect(await summary({ status: 'nedlagt' })).toEqual([
      'byggeledelse nedlagt parent=teknisk-sektor sector=teknisk-sektor',
    ]);
    expect(
      await (await organizationUnits(history.reader, { kind: 'sektor' })).map((unit) => unit.unit),
    ).toEqual(['teknisk-sektor']);
    await expect(organizationUnits(history.reader, { kind: 'sector' })).rejects.toThrow(
      "kind: 'sector' is not one of 'sektor', 'stabsavdeling', 'virksomhet', 'seksjon', 'avdeling'",
    );
    await expect(organizationUnits(history.reader, { status: 'open' })).rejects.toThrow(
      "status: 'open' is not one of 'aktiv', 'nedlagt'",
    );
  });
});
