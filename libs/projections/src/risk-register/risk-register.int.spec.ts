import type { RiskAssessed } from '@styring/governance';
import { riskScaleAdopted } from '@styring/governance/testing';
import { delegatedDecision } from '../testing/decisions';
import { type Recorded, type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { riskRegisterProjection } from './risk-register-projection';
import { InvalidQuery } from '../point-in-time';
import { riskTreatmentsAnswer } from './risk-register-answers';
import {
  overdueRiskReviews,
  riskHistory,
  riskMatrix,
  riskRegister,
  riskTreatments,
} from './risk-register-queries';

const assessed = (
  riskId: string,
  likelihood: number,
  consequence: number,
  assessedOn: string,
  nextReview: string,
  overrides: Partial<RiskAssessed> = {},
): RiskAssessed => {
  const score = likelihood * consequence;
  return {
    type: 'RiskAssessed',
    riskId,
    title: `Risiko ${riskId}`,
    context: 'overordnet',
    scaleVersion: 1,
    likelihood,
    consequence,
    score,
    band: score >= 15 ? 'hoy' : score >= 5 ? 'middels' : 'lav',
    ownerUnit: 'styv',
    treatment: 'Følges opp i ledergruppen',
    assessedOn,
    nextReview,
    ...overrides,
  };
};

describeOnBothDatabases('the risk register', (openTestHistory) => {
  let history: TestHistory;
  let firstCyber: Recorded;

  beforeEach(async () => {
    history = openTestHistory((source) => [riskRegisterProjection(source)]);
    firstCyber = await history.record(
      '2024-02-01T09:00:00.000Z',
      'risk-cyberangrep',
      assessed('cyberangrep', 4, 5, '2024-01-31', '2024-07-31'),
    );
    await history.record(
      '2024-02-01T09:01:00.000Z',
      'risk-rekruttering',
      assessed('rekruttering', 3, 3, '2024-01-31', '2025-01-31', {
        context: 'sektor',
        ownerUnit: 'teknisk-sektor',
      }),
    );
    await history.record('2024-03-15T09:00:00.000Z', 'risk-cyberangrep', {
      type: 'RiskTreatmentDecided',
      riskId: 'cyberangrep',
      strategy: 'redusere',
      measures: ['Tofaktorautentisering for alle', 'Øvelse med leverandør'],
      responsibleUnit: 'styv',
      due: '2024-12-31',
      decision: delegatedDecision('ledergruppen', 'ks-kd', '2024-03-14', '2024/400'),
    });
    await history.record(
      '2024-08-20T09:00:00.000Z',
      'risk-cyberangrep',
      assessed('cyberangrep', 3, 5, '2024-08-19', '2025-02-19'),
    );
    await history.record(
      '2024-10-01T09:00:00.000Z',
      'risk-flom',
      assessed('flom', 2, 4, '2024-09-30', '2025-09-30', { context: 'sektor', ownerUnit: 'teknisk-sektor' }),
    );
    await history.record('2024-12-01T09:00:00.000Z', 'risk-rekruttering', {
      type: 'RiskClosed',
      riskId: 'rekruttering',
      closedOn: '2024-11-30',
      reason: 'Stillingene er besatt',
    });
    // Recorded in January 2025: the first cyber assessment had the likelihood wrong.
    await history.record('2025-01-10T09:00:00.000Z', `correction-${firstCyber.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: firstCyber.eventId,
      correctedEventType: 'RiskAssessed',
      correctedStreamId: 'risk-cyberangrep',
      changes: [
        { field: 'likelihood', before: 4, after: 2 },
        { field: 'score', before: 20, after: 10 },
        { field: 'band', before: 'hoy', after: 'middels' },
      ],
      reason: 'Sannsynligheten var feilregistrert',
    });
    await history.project();
  });
  afterEach(() => history.close());

  const cellsWithRisks = (matrix: Awaited<ReturnType<typeof riskMatrix>>) =>
    matrix.cells
      .filter((cell) => cell.count > 0)
      .map((cell) => `L${cell.likelihood}C${cell.consequence}=${cell.count}`);

  it('counts open risks in the 5×5 matrix as of a date, on both clocks', async () => {
    const matrix = await riskMatrix(history.reader, { asOf: '2024-06-30', clock: 'effective' });
    expect(matrix.cells).toHaveLength(25);
    expect(matrix.total).toBe(2);
    expect(cellsWithRisks(matrix)).toEqual(['L3C3=1', 'L2C5=1']);
    expect(
      cellsWithRisks(await riskMatrix(history.reader, { asOf: '2024-06-30', clock: 'recorded' })),
    ).toEqual(['L4C5=1', 'L3C3=1']);
    expect(
      cellsWithRisks(await riskMatrix(history.reader, { asOf: '2024-12-31', clock: 'effective' })),
    ).toEqual(['L3C5=1', 'L2C4=1']);
    expect(
      cellsWithRisks(
        await riskMatrix(history.reader, { context: 'sektor', asOf: '2024-12-31', clock: 'recorded' }),
      ),
    ).toEqual(['L2C4=1']);
  });

  it('names overdue reviews as of a day on both clocks', async () => {
    const overdue = async (asOf: string, clock: 'recorded' | 'effective') =>
      (await overdueRiskReviews(history.reader, { asOf, clock })).map((risk) => risk.riskId);
    expect(await overdue('2024-08-10', 'effective')).toEqual(['cyberangrep']);
    expect(await overdue('2024-08-10', 'recorded')).toEqual(['cyberangrep']);
    // Reassessed on 19 August, recorded the day after.
    expect(await overdue('2024-08-19', 'effective')).toEqual([]);
    expect(await overdue('2024-08-19', 'recorded')).toEqual(['cyberangrep']);
    // A closed risk is not overdue.
    expect(await overdue('2025-02-15', 'effective')).toEqual([]);
    expect(await overdue('2025-02-15', 'recorded')).toEqual([]);
  });

  it('keeps the current assessment, treatment and closing of each risk as of a date', async () => {
    const register = await riskRegister(history.reader, {
      asOf: '2024-12-15',
      clock: 'effective',
      includeClosed: true,
    });
    expect(
      register.map((risk) => [risk.riskId, risk.current.score, risk.assessments, risk.closed?.closedOn]),
    ).toEqual([
      ['cyberangrep', 15, 2, undefined],
      ['rekruttering', 9, 1, '2024-11-30'],
      ['flom', 8, 1, undefined],
    ]);
    expect(register[0]?.treatment).toEqual({
      strategy: 'redusere',
      measures: ['Tofaktorautentisering for alle', 'Øvelse med leverandør'],
      responsibleUnit: 'styv',
      due: '2024-12-31',
      decision: delegatedDecision('ledergruppen', 'ks-kd', '2024-03-14', '2024/400'),
    });
    expect(
      (await riskRegister(history.reader, { asOf: '2024-11-30', clock: 'effective' })).map(
        (risk) => risk.riskId,
      ),
    ).toEqual(['cyberangrep', 'flom']);
    expect(
      (await riskRegister(history.reader, { asOf: '2024-11-30', clock: 'recorded' })).map(
        (risk) => risk.riskId,
      ),
    ).toEqual(['cyberangrep', 'rekruttering', 'flom']);
    expect(
      await (await riskRegister(history.reader, { ownerUnit: 'teknisk-sektor' })).map((risk) => risk.riskId),
    ).toEqual(['flom']);
  });

  it('keeps every assessment of a risk, corrected on the effective clock and as recorded on the other', async () => {
    const scores = async (query: Parameters<typeof riskHistory>[1]) =>
      (await riskHistory(history.reader, { riskId: 'cyberangrep', ...query })).map(
        (a) => `${a.assessedOn}:${a.score}`,
      );
    expect(await scores({})).toEqual(['2024-01-31:10', '2024-08-19:15']);
    expect(await scores({ asOf: '2024-12-31', clock: 'recorded' })).toEqual([
      '2024-01-31:20',
      '2024-08-19:15',
    ]);
    expect(await scores({ asOf: '2024-08-19', clock: 'effective' })).toEqual([
      '2024-01-31:10',
      '2024-08-19:15',
    ]);
    expect(await scores({ asOf: '2024-08-19', clock: 'recorded' })).toEqual(['2024-01-31:20']);
    expect(await riskHistory(history.reader, { asOf: '2024-12-31', clock: 'recorded' })).toHaveLength(4);
  });

  it('filters by band, as assessed then on the recorded clock and as corrected on the effective one', async () => {
    const inBand = async (band: string, asOf: string, clock: 'recorded' | 'effective') =>
      (await riskRegister(history.reader, { band, asOf, clock })).map((risk) => risk.riskId);
    expect(await inBand('hoy', '2024-06-30', 'recorded')).toEqual(['cyberangrep']);
    expect(await inBand('hoy', '2024-06-30', 'effective')).toEqual([]);
    expect(await inBand('middels', '2024-06-30', 'effective')).toEqual(['cyberangrep', 'rekruttering']);
    expect(await overdueRiskReviews(history.reader, { band: 'hoy', asOf: '2024-08-10' })).toEqual([]);
    expect(await (await riskMatrix(history.reader, { band: 'middels', asOf: '2024-12-31' })).total).toBe(1);
  });

  it("checks the band against the adopted scale's bands, naming the allowed ones", async () => {
    // No scale adopted yet: the domain's bands.
    await expect(riskRegister(history.reader, { band: 'rod' })).rejects.toThrow(
      new InvalidQuery('band', "'rod' is not one of 'lav', 'middels', 'hoy'"),
    );
    await history.record(
      '2025-01-20T09:00:00.000Z',
      'riskscale-2',
      riskScaleAdopted(delegatedDecision('kommunedirektoren', 'ks-kd', '2025-01-15', '2025/20'), {
        scaleVersion: 2,
        bands: [
          { band: 'lav', maxScore: 9 },
          { band: 'hoy', maxScore: 25 },
        ],
        validFrom: '2025-02-01',
      }),
    );
    await history.project();
    await expect(riskRegister(history.reader, { band: 'middels', asOf: '2025-02-01' })).rejects.toThrow(
      new InvalidQuery('band', "'middels' is not one of 'lav', 'hoy'"),
    );
    // Before the scale was valid, or as known before it was recorded, the domain's bands still apply.
    expect(await riskRegister(history.reader, { band: 'middels', asOf: '2025-01-31' })).toHaveLength(1);
    expect(
      await riskRegister(history.reader, {
        band: 'middels',
        asOf: '2025-01-19T12:00:00Z',
        clock: 'recorded',
      }),
    ).toHaveLength(1);
  });

  it('keeps the history of treatments and closings per risk, on both clocks', async () => {
    const steps = async (query: Parameters<typeof riskTreatments>[1]) =>
      (await riskTreatments(history.reader, query)).map(
        (step) => `${step.riskId} ${step.event} ${step.onDate}`,
      );
    expect(await steps({})).toEqual([
      'cyberangrep RiskTreatmentDecided 2024-03-14',
      'rekruttering RiskClosed 2024-11-30',
    ]);
    expect(await steps({ riskId: 'cyberangrep', asOf: '2024-03-14', clock: 'recorded' })).toEqual([]);
    expect(await steps({ riskId: 'cyberangrep', asOf: '2024-03-14', clock: 'effective' })).toEqual([
      'cyberangrep RiskTreatmentDecided 2024-03-14',
    ]);
    const answer = await riskTreatments(history.reader, { riskId: 'rekruttering' });
    expect(riskTreatmentsAnswer.is(answer)).toBe(true);
    expect(answer[0]).toMatchObject({
      reason: 'Stillingene er besatt',
      knownFrom: '2024-12-01T09:00:00.000Z',
    });
    // A correction of the closing date, recorded later, moves it on the effective clock only.
    await history.record('2025-03-01T09:00:00.000Z', `correction-${answer[0]?.eventId}`, {
      type: 'EventCorrected',
      correctedEventId: answer[0]?.eventId ?? '',
      correctedEventType: 'RiskClosed',
      correctedStreamId: 'risk-rekruttering',
      changes: [{ field: 'closedOn', before: '2024-11-30', after: '2024-12-20' }],
      reason: 'Feil dato',
    });
    await history.project();
    expect(await steps({ riskId: 'rekruttering', asOf: '2024-12-31', clock: 'recorded' })).toEqual([
      'rekruttering RiskClosed 2024-11-30',
    ]);
    expect(await steps({ riskId: 'rekruttering', asOf: '2024-12-10', clock: 'effective' })).toEqual([]);
    expect(await steps({ riskId: 'rekruttering' })).toEqual(['rekruttering RiskClosed 2024-12-20']);
  });
});
