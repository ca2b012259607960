import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pino } from 'pino';
import { issueLocalToken, openStore } from '@styring/app';
import { registerCompany } from '@styring/app/testing';
import { readApiConfig } from '../config';
import { type RunningApi, startApi } from '../server';

/**
 * Which role may send a command is the shared command path's rule, not a gate of the service's own: a
 * direktør registering a company is refused here with the code the CLI and the CommandBus give
 * (test/cli/command-roles.e2e.spec.ts, libs/nestjs/src/commands/command-roles.int.spec.ts), as 403,
 * nothing written, and the attempt is in the attempt log.
 */
describe('the HTTP service: a command the caller’s role may not send', () => {
  let dir: string;
  let api: RunningApi;
  const tokens: Record<string, string> = {};
  const { type: _type, ...company } = registerCompany;

  const call = async (method: string, url: string, token: string, body?: unknown) => {
    const response = await fetch(`${api.url}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const eventCount = async () => {
    const store = await openStore(`sqlite:${path.join(dir, 'data', 'styring.db')}`, { cwd: dir });
    try {
      let count = 0;
      for await (const _event of store.events.readAll()) count += 1;
      return count;
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-api-command-roles-'));
    const config = readApiConfig({ STYRING_PORT: '0' }, dir);
    await (await openStore(config.store, { create: true, cwd: dir })).close();
    const issue = (subject: string, role: string, unit: string) =>
      issueLocalToken({ dataDir: config.dataDir, subject, role, unit });
    tokens['direktor'] = await issue('dir-teknisk', 'direktor', 'teknisk-sektor');
    tokens['kd'] = await issue('kd', 'kommunedirektor', 'kommunedirektoren');
    tokens['revisor'] = await issue('rev', 'revisor', 'romerike-revisjon');
    api = await startApi(config, { logger: pino({ level: 'silent' }) });
  }, 60_000);

  afterAll(async () => {
    await api.app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a direktør registering a company (403, caller.command_not_allowed), writes nothing, and logs the attempt', async () => {
    const refused = await call('POST', '/api/companies', tokens['direktor']!, company);
    expect(refused).toEqual({
      status: 403,
      body: expect.objectContaining({
        error: 'forbidden',
        code: 'caller.command_not_allowed',
        commandType: 'RegisterCompany',
        allowedRoles: ['kommunestyre-sekretariat', 'kommunedirektor'],
        messageEn: expect.stringContaining("the role 'direktor' may not send 'RegisterCompany'"),
      }),
    });
    expect(await eventCount()).toBe(0);
    const attempts = await call('GET', '/api/refused-attempts', tokens['revisor']!);
    expect(attempts.body).toEqual([
      expect.objectContaining({
        actor: 'dir-teknisk',
        role: 'direktor',
        commandType: 'RegisterCompany',
        code: 'caller.command_not_allowed',
      }),
    ]);
    expect(await call('POST', '/api/companies', tokens['kd']!, company)).toMatchObject({ status: 201 });
  });

  it('refuses the revisor, who only reads, with 403 as well (caller.read_only)', async () => {
    const refused = await call('POST', '/api/companies', tokens['revisor']!, {
      ...company,
      companyId: 'revisors-selskap',
    });
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden', code: 'caller.read_only' } });
    expect(await eventCount()).toBe(1);
  });
});
