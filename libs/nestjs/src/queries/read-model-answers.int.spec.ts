import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type OpenedProjections, type OpenedStore, openProjections, openStore, seedDemo } from '@styring/app';
import { type ReadModelQueryName, readModelQueries } from './read-model-queries';

// The compiler ties each query's answer type to its codec; this checks the values: every query's answer on
// the demo history is what its codec says (the codec that the API's OpenAPI schemas and CSV columns use).
let dir: string;
let store: OpenedStore;
let projections: OpenedProjections;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-answers-'));
  store = await openStore(`sqlite:${path.join(dir, 'styring.db')}`, { create: true, cwd: dir });
  await seedDemo(store.events);
  projections = openProjections(store);
  await projections.catchUp();
}, 60_000);

afterAll(async () => {
  await projections.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const run = (name: ReadModelQueryName, options: object): Promise<unknown> =>
  (readModelQueries[name].run as (reader: unknown, options: object) => Promise<unknown>)(
    projections.reader,
    options,
  );

/** The options a query needs to answer something on the demo; `{}` for the others. */
const optionsOf = async (name: ReadModelQueryName): Promise<object> => {
  switch (name) {
    case 'PlansInForce':
    case 'DelegationsInForce':
      return { asOf: '2024-12-31' };
    case 'OverdueRiskReviews':
      return { asOf: '2026-12-31' };
    case 'ReportingCalendar':
      return { year: 2024, asOf: '2025-12-31' };
    case 'RiskRegister':
      return { includeClosed: true };
    case 'Changes':
      return { from: '2024-01-01', to: '2025-12-31' };
    case 'ProjectFolder':
      return { projectId: ((await run('ProjectRegister', {})) as { projectId: string }[])[0]?.projectId };
    case 'PlanVersions':
      return { planId: ((await run('PlanRegister', {})) as { planId: string }[])[0]?.planId };
    case 'PortfolioRanking': {
      const [first] = (await run('PrioritizationHistory', {})) as { portfolio: string; round: string }[];
      return { portfolio: first?.portfolio, round: first?.round };
    }
    default:
      return {};
  }
};

// The demo records no decision whose authority fails (the authority specs build such histories).
const emptyOnTheDemo: readonly ReadModelQueryName[] = ['DecisionsWithoutAuthority'];

describe('every query on the demo history', () => {
  it.each(Object.keys(readModelQueries) as ReadModelQueryName[])(
    '%s answers what its codec says',
    async (name) => {
      const answer = await run(name, await optionsOf(name));
      expect(readModelQueries[name].answer.is(answer)).toBe(true);
      if (Array.isArray(answer) && !emptyOnTheDemo.includes(name)) expect(answer.length).toBeGreaterThan(0);
    },
  );
});
