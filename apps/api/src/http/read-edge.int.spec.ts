import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issueLocalToken, openStore, seedDemo } from '@styring/app';
import { pino } from 'pino';
import { readApiConfig } from '../config';
import { type RunningApi, startApi } from '../server';
import { maxPageSize } from './pagination';
import { readModelQueries } from '@styring/nestjs';
import { listItemOf, readRoutes } from '@styring/read-routes';

// The read edge as a client meets it: an in-process service on a real SQLite store with the demo history.
let dataDir: string;
let api: RunningApi;
let token: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-read-edge-'));
  const config = readApiConfig({ STYRING_PORT: '0', STYRING_DATA_DIR: dataDir }, dataDir);
  const store = await openStore(config.store, { create: true, cwd: dataDir });
  await seedDemo(store.events);
  await store.close();
  api = await startApi(config, { logger: pino({ level: 'silent' }) });
  token = await issueLocalToken({ dataDir, subject: 'kari', role: 'revisor', unit: 'romerike-revisjon' });
}, 60_000);

afterAll(async () => {
  await api.app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const get = async (url: string, accept = 'application/json') => {
  const response = await fetch(`${api.url}${url}`, { headers: { authorization: `Bearer ${token}`, accept } });
  // The bytes as sent: fetch's text() would drop a byte order mark.
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  const json = response.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
};

const openApiPathOf = (route: string) => `/api/${route.replace(/:(\w+)/g, '{$1}')}`;

describe('the OpenAPI description', () => {
  it('gives every read route a response schema from its answer codec, under the "revisjon" tag', async () => {
    const document = (await get('/openapi.json')).body;
    for (const route of readRoutes) {
      const operation = document.paths[openApiPathOf(route.path)].get;
      const schema = operation.responses['200']?.content?.['application/json']?.schema;
      expect({ path: route.path, tags: operation.tags }).toEqual({
        path: route.path,
        tags: expect.arrayContaining(['revisjon', route.tag]),
      });
      expect({ path: route.path, hasSchema: Object.keys(schema ?? {}).length > 0 }).toEqual({
        path: route.path,
        hasSchema: true,
      });
      if (listItemOf(route, readModelQueries) !== undefined) {
        expect(schema.required).toEqual(['items', 'total', 'pageSize']);
        expect(schema.properties.items.items.type).toBe('object');
        expect(operation.responses['200'].content['text/csv']).toBeDefined();
      }
    }
  });

  it('describes an answer field by field, positions included', async () => {
    const document = (await get('/openapi.json')).body;
    const row =
      document.paths['/api/decision-log'].get.responses['200'].content['application/json'].schema.properties
        .items.items;
    expect(row.required).toEqual(
      expect.arrayContaining(['eventId', 'decidedOn', 'authority', 'globalPosition']),
    );
    expect(row.properties.globalPosition.oneOf).toEqual([
      { type: 'integer', minimum: 0 },
      { type: 'string', pattern: '^\\d+$' },
    ]);
    expect(row.properties.authority.oneOf).toHaveLength(2);
  });
});

describe('list pages', () => {
  it('walk the whole list by their cursors, in the same order as one big page, with the total', async () => {
    const whole = await get(`/api/decision-log?pageSize=${maxPageSize}`);
    expect(whole.status).toBe(200);
    expect(whole.body.total).toBe(whole.body.items.length);
    expect(whole.body.nextCursor).toBeUndefined();
    expect(whole.body.total).toBeGreaterThan(12);
    const seen: unknown[] = [];
    let next: string | undefined = '/api/decision-log?pageSize=5';
    while (next !== undefined) {
      const page = await get(next);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      expect(page.body.total).toBe(whole.body.total);
      seen.push(...page.body.items);
      const link = page.headers.get('link');
      next = link === null ? undefined : /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
      expect(next === undefined).toBe(page.body.nextCursor === undefined);
    }
    expect(seen).toEqual(whole.body.items);
  });

  it('default to 100 items and refuse a page size over the maximum, naming it', async () => {
    expect((await get('/api/decision-log')).body.pageSize).toBe(100);
    const tooBig = await get(`/api/decision-log?pageSize=${maxPageSize + 1}`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors).toEqual([
      expect.objectContaining({ path: 'pageSize', messageEn: `may be at most ${maxPageSize}` }),
    ]);
    expect((await get('/api/decision-log?pageSize=0')).status).toBe(400);
  });

  it('refuse a cursor that is not one, or that belongs to other filters', async () => {
    const forged = await get('/api/decision-log?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0].path).toBe('cursor');
    const { nextCursor } = (await get('/api/decision-log?pageSize=2')).body;
    const elsewhere = await get(`/api/decision-log?body=kommunestyret&cursor=${nextCursor}`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors[0].messageEn).toContain('another query');
  });
});

describe('CSV', () => {
  it('answers a list as Excel reads it: BOM, semicolons, Norwegian headers, one row per item', async () => {
    const json = await get('/api/risks?includeClosed=true');
    const csv = await get('/api/risks?includeClosed=true', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = csv.body as string;
    expect(text.startsWith('\uFEFFRisiko-ID;Gjeldende – Risiko-ID;Gjeldende – Tittel;')).toBe(true);
    const lines = text.split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(json.body.items.length + 1);
    expect(lines[1]?.startsWith(`${json.body.items[0].riskId};`)).toBe(true);
  });

  it('is refused (406) for a single resource, which is no list', async () => {
    const plans = (await get('/api/plans')).body.items;
    expect((await get(`/api/plans/${plans[0].planId}`, 'text/csv')).status).toBe(406);
  });
});
