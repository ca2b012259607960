import * as fs from 'node:fs';
import * as path from 'node:path';
import { issueLocalToken } from '@styring/app';
import { buildApi, scratchDirectory, startApi, stopAll } from './api-process';
import { call } from './http';

let dir: string;
beforeAll(() => buildApi(), 180_000);
beforeEach(() => (dir = scratchDirectory()));
afterEach(async () => {
  await stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('what the service prints', () => {
  it('holds no token without --demo, on stderr or stdout, even at trace level', async () => {
    const api = await startApi(dir, { env: { STYRING_LOG_LEVEL: 'trace' } });
    const token = await issueLocalToken({
      dataDir: path.join(dir, 'data'),
      subject: 'kari',
      role: 'revisor',
      unit: 'romerike-revisjon',
    });
    expect((await call(api.url, 'GET', '/api/decision-log', { token })).status).toBe(200);
    expect((await call(api.url, 'POST', '/api/units', { token, body: {} })).status).toBe(403);
    await api.stop('SIGTERM');

    expect(api.banner()).not.toContain('Sample tokens');
    const printed = `${api.banner()}\n${JSON.stringify(api.logs())}`;
    expect(printed).not.toContain(token);
    // No JWT of any kind: a header {"alg":…} always encodes to eyJ.
    expect(printed).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
