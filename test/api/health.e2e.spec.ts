import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { issueLocalToken } from '@styring/app';
import { buildApi, scratchDirectory, startApi, stopAll } from './api-process';
import { call, newSection } from './http';

let dir: string;
beforeAll(() => buildApi(), 180_000);
beforeEach(() => (dir = scratchDirectory()));
afterEach(async () => {
  await stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('/health', () => {
  it('reports the store as failing (503) when writes fail on an event the service cannot read, though it opens', async () => {
    const api = await startApi(dir, { args: ['--demo'] });
    const token = await issueLocalToken({
      dataDir: path.join(dir, 'data'),
      subject: 'sekretariat',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
    });
    expect((await call(api.url, 'GET', '/health')).status).toBe(200);

    // Another program appends an event this code cannot decode: every write now fails (500).
    const raw = new Database(path.join(dir, 'data', 'styring.db'));
    raw
      .prepare(
        `INSERT INTO events (stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at)
         VALUES ('plan-uleselig', 0, 'uleselig-1', 'PlanAdopted', 1, '{"planId":1}', ?, ?)`,
      )
      .run(
        JSON.stringify({
          actor: 'x',
          role: 'x',
          correlationId: 'c',
          causationId: 'c',
          effectiveAt: '2025-01-01',
        }),
        new Date().toISOString(),
      );
    const write = await call(api.url, 'POST', '/api/units', { token, body: newSection('etter-feil') });
    expect(write.status).toBe(500);

    const health = await call(api.url, 'GET', '/health');
    expect(health).toMatchObject({
      status: 503,
      body: { error: 'store_failing', store: { failing: true, lastFailure: { status: 500 } } },
    });
    raw.close();
  });
});
