import type Database from 'better-sqlite3';
import { changeLog } from './change-log/change-log-queries';
import { decisionLog } from './decision-log/decision-log-queries';
import { governanceProjections } from './governance-projections';
import { planGoals, planHierarchy, planRegister, plansInForce } from './plan-register/plan-register-queries';
import { InvalidQuery } from './point-in-time';
import { portfolioRanking, prioritizationHistory, projectRegister } from './portfolios/portfolio-queries';
import { reportingCalendar, reportSubmissions } from './reporting-calendar/reporting-calendar-queries';
import { openTestHistory, type TestHistory } from './testing/test-history';

/** The InvalidQuery a query throws, or a failure naming the query that answered instead. */
const rejection = (ask: () => unknown): InvalidQuery => {
  try {
    ask();
  } catch (error) {
    if (error instanceof InvalidQuery) return error;
    throw error;
  }
  throw new Error('answered instead of rejecting the filter');
};

describe('a filter with a closed set of values', () => {
  let history: TestHistory;
  let db: Database.Database;
  beforeAll(async () => {
    history = openTestHistory(governanceProjections);
    await history.project();
    db = history.db;
  });
  afterAll(() => history.close());

  it.each([
    ['decisionLog', 'body', () => decisionLog(db, { body: 'bystyret' }), "'kommunestyret'"],
    ['decisionLog', 'kind', () => decisionLog(db, { kind: 'PlanAdoptd' }), "'PlanAdopted'"],
    ['decisionLog', 'kind', () => decisionLog(db, { kind: 'plan vedtatt' }), "'Plan vedtatt'"],
    ['planRegister', 'kind', () => planRegister(db, { kind: 'kommuneplan' }), "'kommuneplan-samfunnsdel'"],
    ['plansInForce', 'kind', () => plansInForce(db, { asOf: '2024-12-31', kind: 'x' }), "'planstrategi'"],
    ['planHierarchy', 'kind', () => planHierarchy(db, { kind: 'x' }), "'planstrategi'"],
    ['planGoals', 'kind', () => planGoals(db, { kind: 'x' }), "'planstrategi'"],
    ['projectRegister', 'portfolio', () => projectRegister(db, { portfolio: 'drift' }), "'investering'"],
    ['projectRegister', 'status', () => projectRegister(db, { status: 'aapen' as never }), "'avsluttet'"],
    [
      'portfolioRanking',
      'portfolio',
      () => portfolioRanking(db, { portfolio: 'x', round: '2024' }),
      "'investering'",
    ],
    [
      'prioritizationHistory',
      'portfolio',
      () => prioritizationHistory(db, { portfolio: 'x' }),
      "'investering'",
    ],
    ['reportSubmissions', 'kind', () => reportSubmissions(db, { kind: 'arsrapport' }), "'okonomirapport'"],
    [
      'reportingCalendar',
      'obligationId',
      () => reportingCalendar(db, { year: 2024, asOf: '2024-12-31', obligationId: 'x' }),
      "'",
    ],
    [
      'changeLog',
      'correctedEventType',
      () => changeLog(db, { correctedEventType: 'Planadopted' }),
      "'PlanAdopted'",
    ],
    ['decisionLog', 'clock', () => decisionLog(db, { clock: 'registrert' as never }), "'recorded'"],
  ])('%s rejects an unknown %s, naming the allowed values', (_query, field, ask, named) => {
    const error = rejection(ask);
    expect(error.field).toBe(field);
    expect(error.message).toContain(named);
    if (field !== 'clock') expect(error.reasonNo).toContain(named);
  });

  it('answers (here: nothing yet) for a value in the set', () => {
    expect(decisionLog(db, { body: 'kommunestyret', kind: 'Plan vedtatt' })).toEqual([]);
    expect(decisionLog(db, { kind: 'PlanAdopted' })).toEqual([]);
    expect(planRegister(db, { kind: 'planstrategi' })).toEqual([]);
    expect(projectRegister(db, { portfolio: 'investering', status: 'aktiv' })).toEqual([]);
    expect(reportSubmissions(db, { kind: 'okonomirapport' })).toEqual([]);
    expect(changeLog(db, { correctedEventType: 'PlanAdopted' })).toEqual([]);
  });
});
