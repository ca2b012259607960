import { changeLog } from './change-log/change-log-queries';
import { decisionLog } from './decision-log/decision-log-queries';
import { governanceProjections } from './governance-projections';
import { planGoals, planHierarchy, planRegister, plansInForce } from './plan-register/plan-register-queries';
import { InvalidQuery } from './point-in-time';
import { portfolioRanking, prioritizationHistory, projectRegister } from './portfolios/portfolio-queries';
import { reportingCalendar, reportSubmissions } from './reporting-calendar/reporting-calendar-queries';
import type { ReadModelReader } from './read-models/read-model-reader';
import { type TestHistory } from './testing/test-history';
import { describeOnBothDatabases } from './testing/both-databases';

/** The InvalidQuery a query throws, or a failure naming the query that answered instead. */
const rejection = async (ask: () => Promise<unknown>): Promise<InvalidQuery> => {
  try {
    await ask();
  } catch (error) {
    if (error instanceof InvalidQuery) return error;
    throw error;
  }
  throw new Error('answered instead of rejecting the filter');
};

describeOnBothDatabases('a filter with a closed set of values', (openTestHistory) => {
  let history: TestHistory;
  let reader: ReadModelReader;
  beforeAll(async () => {
    history = openTestHistory(governanceProjections);
    await history.project();
    reader = history.reader;
  });
  afterAll(() => history.close());

  it.each([
    ['decisionLog', 'body', () => decisionLog(reader, { body: 'bystyret' }), "'kommunestyret'"],
    ['decisionLog', 'kind', () => decisionLog(reader, { kind: 'PlanAdoptd' }), "'PlanAdopted'"],
    ['decisionLog', 'kind', () => decisionLog(reader, { kind: 'plan vedtatt' }), "'Plan vedtatt'"],
    [
      'planRegister',
      'kind',
      () => planRegister(reader, { kind: 'kommuneplan' }),
      "'kommuneplan-samfunnsdel'",
    ],
    ['plansInForce', 'kind', () => plansInForce(reader, { asOf: '2024-12-31', kind: 'x' }), "'planstrategi'"],
    ['planHierarchy', 'kind', () => planHierarchy(reader, { kind: 'x' }), "'planstrategi'"],
    ['planGoals', 'kind', () => planGoals(reader, { kind: 'x' }), "'planstrategi'"],
    ['projectRegister', 'portfolio', () => projectRegister(reader, { portfolio: 'drift' }), "'investering'"],
    ['projectRegister', 'status', () => projectRegister(reader, { status: 'aapen' as never }), "'avsluttet'"],
    [
      'portfolioRanking',
      'portfolio',
      () => portfolioRanking(reader, { portfolio: 'x', round: '2024' }),
      "'investering'",
    ],
    [
      'prioritizationHistory',
      'portfolio',
      () => prioritizationHistory(reader, { portfolio: 'x' }),
      "'investering'",
    ],
    [
      'reportSubmissions',
      'kind',
      () => reportSubmissions(reader, { kind: 'arsrapport' }),
      "'okonomirapport'",
    ],
    [
      'reportingCalendar',
      'obligationId',
      () => reportingCalendar(reader, { year: 2024, asOf: '2024-12-31', obligationId: 'x' }),
      "'",
    ],
    [
      'changeLog',
      'correctedEventType',
      () => changeLog(reader, { correctedEventType: 'Planadopted' }),
      "'PlanAdopted'",
    ],
    ['decisionLog', 'clock', () => decisionLog(reader, { clock: 'registrert' as never }), "'recorded'"],
  ])('%s rejects an unknown %s, naming the allowed values', async (_query, field, ask, named) => {
    const error = await rejection(ask);
    expect(error.field).toBe(field);
    expect(error.message).toContain(named);
    if (field !== 'clock') expect(error.reasonNo).toContain(named);
  });

  it('answers (here: nothing yet) for a value in the set', async () => {
    expect(await decisionLog(reader, { body: 'kommunestyret', kind: 'Plan vedtatt' })).toEqual([]);
    expect(await decisionLog(reader, { kind: 'PlanAdopted' })).toEqual([]);
    expect(await planRegister(reader, { kind: 'planstrategi' })).toEqual([]);
    expect(await projectRegister(reader, { portfolio: 'investering', status: 'aktiv' })).toEqual([]);
    expect(await reportSubmissions(reader, { kind: 'okonomirapport' })).toEqual([]);
    expect(await changeLog(reader, { correctedEventType: 'PlanAdopted' })).toEqual([]);
  });
});
