import type { RiskAssessed } from '@styring/governance';
import { delegatedDecision } from '../testing/decisions';
import { openTestHistory, type Recorded, type TestHistory } from '../testing/test-history';
import { riskRegisterProjection } from './risk-register-projection';
import { overdueRiskReviews, riskHistory, riskMatrix, riskRegister } from './risk-register-queries';

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

describe('the risk register', () => {
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

  const cellsWithRisks = (matrix: ReturnType<typeof riskMatrix>) =>
    matrix.cells
      .filter((cell) => cell.count > 0)
      .map((cell) => `L${cell.likelihood}C${cell.consequence}=${cell.count}`);

  it('counts open risks in the 5×5 matrix as of a date, on both clocks', () => {
    const matrix = riskMatrix(history.db, { asOf: '2024-06-30', clock: 'effective' });
    expect(matrix.cells).toHaveLength(25);
    expect(matrix.total).toBe(2);
    expect(cellsWithRisks(matrix)).toEqual(['L3C3=1', 'L2C5=1']);
    expect(cellsWithRisks(riskMatrix(history.db, { asOf: '2024-06-30', clock: 'recorded' }))).toEqual([
      'L4C5=1',
      'L3C3=1',
    ]);
    expect(cellsWithRisks(riskMatrix(history.db, { asOf: '2024-12-31', clock: 'effective' }))).toEqual([
      'L3C5=1',
      'L2C4=1',
    ]);
    expect(
      cellsWithRisks(riskMatrix(history.db, { context: 'sektor', asOf: '2024-12-31', clock: 'recorded' })),
    ).toEqual(['L2C4=1']);
  });

  it('names overdue reviews as of a day on both clocks', () => {
    const overdue = (asOf: string, clock: 'recorded' | 'effective') =>
      overdueRiskReviews(history.db, { asOf, clock }).map((risk) => risk.riskId);
    expect(overdue('2024-08-10', 'effective')).toEqual(['cyberangrep']);
    expect(overdue('2024-08-10', 'recorded')).toEqual(['cyberangrep']);
    // Reassessed on 19 August, recorded the day after.
    expect(overdue('2024-08-19', 'effective')).toEqual([]);
    expect(overdue('2024-08-19', 'recorded')).toEqual(['cyberangrep']);
    // A closed risk is not overdue.
    expect(overdue('2025-02-15', 'effective')).toEqual([]);
    expect(overdue('2025-02-15', 'recorded')).toEqual([]);
  });

  it('keeps the current assessment, treatment and closing of each risk as of a date', () => {
    const register = riskRegister(history.db, {
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
      riskRegister(history.db, { asOf: '2024-11-30', clock: 'effective' }).map((risk) => risk.riskId),
    ).toEqual(['cyberangrep', 'flom']);
    expect(
      riskRegister(history.db, { asOf: '2024-11-30', clock: 'recorded' }).map((risk) => risk.riskId),
    ).toEqual(['cyberangrep', 'rekruttering', 'flom']);
    expect(riskRegister(history.db, { ownerUnit: 'teknisk-sektor' }).map((risk) => risk.riskId)).toEqual([
      'flom',
    ]);
  });

  it('keeps every assessment of a risk, corrected on the effective clock and as recorded on the other', () => {
    const scores = (query: Parameters<typeof riskHistory>[1]) =>
      riskHistory(history.db, { riskId: 'cyberangrep', ...query }).map((a) => `${a.assessedOn}:${a.score}`);
    expect(scores({})).toEqual(['2024-01-31:10', '2024-08-19:15']);
    expect(scores({ asOf: '2024-12-31', clock: 'recorded' })).toEqual(['2024-01-31:20', '2024-08-19:15']);
    expect(scores({ asOf: '2024-08-19', clock: 'effective' })).toEqual(['2024-01-31:10', '2024-08-19:15']);
    expect(scores({ asOf: '2024-08-19', clock: 'recorded' })).toEqual(['2024-01-31:20']);
    expect(riskHistory(history.db, { asOf: '2024-12-31', clock: 'recorded' })).toHaveLength(4);
  });
});
