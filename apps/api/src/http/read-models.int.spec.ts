import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pino } from 'pino';
import { issueLocalToken, openStore, seedDemo } from '@styring/app';
import { readApiConfig } from '../config';
import { type RunningApi, startApi } from '../server';
import { readRoutes } from '@styring/read-routes';

let dir: string;
let api: RunningApi;
let token: string;

const get = async (urlPath: string) => {
  const response = await fetch(`${api.url}${urlPath}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as unknown };
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-read-'));
  const config = readApiConfig({ STYRING_DATA_DIR: path.join(dir, 'data'), STYRING_PORT: '0' }, dir);
  const store = await openStore(config.store, { create: true, cwd: dir });
  await seedDemo(store.events);
  await store.close();
  api = await startApi(config, { logger: pino({ level: 'silent' }) });
  token = await issueLocalToken({
    dataDir: config.dataDir,
    subject: 'ola.revisor',
    role: 'revisor',
    unit: 'romerike-revisjon',
  });
}, 60_000);

afterAll(async () => {
  await api.app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The read routes over HTTP, in process: both clocks as query parameters, and bad filters as 400. */
describe('GET /api/<read model>', () => {
  it('takes asOf and knownAt together: known before the demo was taken into use, nothing; known now, all', async () => {
    const now = await get('/api/decision-log?asOf=2024-12-31');
    expect(now.status).toBe(200);
    expect((now.body as { items: unknown[] }).items.length).toBeGreaterThan(10);
    const knownNow = await get(`/api/decision-log?asOf=2024-12-31&knownAt=${new Date().toISOString()}`);
    expect(knownNow.body).toEqual(now.body);
    // The demo's first registration is in November 2023.
    const knownBefore = await get('/api/decision-log?asOf=2024-12-31&knownAt=2023-01-01');
    expect(knownBefore).toMatchObject({ status: 200, body: { items: [], total: 0 } });
    // The older form: clock=recorded makes asOf the recorded time.
    expect(await get('/api/decision-log?asOf=2023-01-01&clock=recorded')).toEqual(knownBefore);
  });

  it('refuses an unknown kind or body with 400, naming the allowed values in bokmål and English', async () => {
    const kind = await get('/api/decision-log?kind=Plan%20vedtat');
    expect(kind).toMatchObject({ status: 400, body: { errors: [{ path: 'kind' }] } });
    const [error] = (kind.body as { errors: { message: string; messageEn: string }[] }).errors;
    expect(error?.message).toMatch(/«Plan vedtat» er ikke en av .*'PlanAdopted'.*'Plan vedtatt'/);
    expect(error?.messageEn).toMatch(/'Plan vedtat' is not one of .*'PlanAdopted'.*'Plan vedtatt'/);
    expect(await get('/api/plans?kind=kommuneplan')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'kind' }] },
    });
    expect(await get('/api/projects?portfolio=drift')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'portfolio' }] },
    });
    expect(await get('/api/decision-log?asOf=2024-12-31&knownAt=2025-02-20&clock=recorded')).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'clock' }] },
    });
  });

  it('documents knownAt on every read route, in bokmål', async () => {
    const response = await fetch(`${api.url}/openapi.json`);
    const document = (await response.json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; description?: string }[] } }>;
    };
    for (const route of readRoutes) {
      const item = document.paths[`/api/${route.path.replace(/:(\w+)/g, '{$1}')}`];
      const knownAt = item?.get?.parameters?.find((parameter) => parameter.name === 'knownAt');
      expect(knownAt?.description).toContain('Registreringstid: det systemet visste da');
    }
  });
});
