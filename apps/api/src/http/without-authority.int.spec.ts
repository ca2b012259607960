import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pino } from 'pino';
import { issueLocalToken, openStore } from '@styring/app';
import {
  adoptPlanWithoutAuthority,
  establishUnitWithoutAuthority,
  registerCompany,
  withoutAuthorityReason as reason,
} from '@styring/app/testing';
import { commandPermissions } from '../auth/permissions';
import { readApiConfig } from '../config';
import { commandRoutes } from './command-routes';
import { type RunningApi, startApi } from '../server';

/**
 * Recording a decision taken without authority through the HTTP service, in process on a real port: the
 * privileged STYV records it with a reason and the views show it; the kommunedirektør asking the same is
 * refused (422) and logged, and nothing is written. And the command's roles, checked by the same shared
 * command path: a role they do not name is 403 with that path's code.
 */
const { type: _type, ...styringsbrev } = adoptPlanWithoutAuthority();
const styringsbrevWith = (recordedWithoutAuthority: unknown) => ({
  ...styringsbrev,
  decision: { ...styringsbrev.decision, recordedWithoutAuthority },
});

describe('the HTTP service: a decision recorded without authority', () => {
  let dir: string;
  let api: RunningApi;
  const tokens: Record<string, string> = {};

  const call = async (method: string, url: string, token: string, body?: unknown) => {
    const response = await fetch(`${api.url}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
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
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-api-without-authority-'));
    const config = readApiConfig({ STYRING_PORT: '0' }, dir);
    await (await openStore(config.store, { create: true, cwd: dir })).close();
    const issue = (subject: string, role: string, unit: string) =>
      issueLocalToken({ dataDir: config.dataDir, subject, role, unit });
    tokens['styv'] = await issue('internkontroll-1', 'styv', 'styv');
    tokens['kd'] = await issue('kd', 'kommunedirektor', 'kommunedirektoren');
    tokens['revisor'] = await issue('rev', 'revisor', 'romerike-revisjon');
    tokens['vl'] = await issue('vl', 'virksomhetsleder', 'biblioteket');
    tokens['direktor'] = await issue('dir-teknisk', 'direktor', 'teknisk-sektor');
    api = await startApi(config, { logger: pino({ level: 'silent' }) });
  }, 60_000);

  afterAll(async () => {
    await api.app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const plansUrl = '/api/plans';

  it('refuses the kommunedirektør who asks to record it anyway (422), writes nothing, and logs the attempt', async () => {
    const before = await eventCount();
    const reply = await call('POST', plansUrl, tokens['kd']!, styringsbrevWith({ reason }));
    expect(reply).toMatchObject({ status: 422, body: { code: 'caller.without_authority_not_allowed' } });
    expect(await eventCount()).toBe(before);
    const attempts = await call('GET', '/api/refused-attempts', tokens['revisor']!);
    expect(attempts.body).toContainEqual(
      expect.objectContaining({ actor: 'kd', code: 'caller.without_authority_not_allowed' }),
    );
  });

  it('refuses an empty reason (400), naming the field', async () => {
    const reply = await call('POST', plansUrl, tokens['styv']!, styringsbrevWith({ reason: '' }));
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('decision.recordedWithoutAuthority.reason');
  });

  it('records it for STYV, and the decisions-without-authority view and the decision log show it', async () => {
    const reply = await call('POST', plansUrl, tokens['styv']!, styringsbrevWith({ reason }));
    expect(reply.status).toBe(201);
    const views = await call('GET', '/api/decisions-without-authority', tokens['revisor']!);
    expect(views.body['items']).toContainEqual(
      expect.objectContaining({
        code: 'authority.delegation_required',
        recordedWithoutAuthority: expect.objectContaining({
          reason,
          recordedBy: { actor: 'internkontroll-1', role: 'styv' },
        }),
      }),
    );
    const log = await call('GET', '/api/decision-log?caseNumber=2025/0031', tokens['revisor']!);
    expect(log.body['items']).toEqual([
      expect.objectContaining({
        recordedWithoutAuthority: expect.objectContaining({ reason }),
        actor: 'internkontroll-1',
      }),
    ]);
  });

  // A command's roles and the privilege to record without authority are one rule of the shared command
  // path, as on the CommandBus (libs/nestjs) and in the CLI (test/cli): 403 only for the command's roles.
  it('refuses a unit established without authority to a virksomhetsleder as every entry point does (422, not 403), and records it for STYV', async () => {
    const { type: _unit, ...unit } = establishUnitWithoutAuthority({ reason });
    const before = await eventCount();
    const refused = await call('POST', '/api/units', tokens['vl']!, unit);
    expect(refused).toMatchObject({ status: 422, body: { code: 'caller.without_authority_not_allowed' } });
    expect(await eventCount()).toBe(before);
    const attempts = await call('GET', '/api/refused-attempts', tokens['revisor']!);
    expect(attempts.body).toContainEqual(
      expect.objectContaining({ actor: 'vl', code: 'caller.without_authority_not_allowed' }),
    );
    const plain = await call('POST', '/api/units', tokens['styv']!, {
      ...unit,
      decision: { ...unit.decision, recordedWithoutAuthority: undefined },
    });
    expect(plain).toMatchObject({
      status: 403,
      body: { error: 'forbidden', code: 'caller.command_not_allowed' },
    });
    const recorded = await call('POST', '/api/units', tokens['styv']!, unit);
    expect(recorded.status).toBe(201);
    const views = await call('GET', '/api/decisions-without-authority', tokens['revisor']!);
    expect(views.body['items']).toContainEqual(
      expect.objectContaining({
        decision: expect.objectContaining({ caseNumber: '2025/0047' }),
        recordedWithoutAuthority: expect.objectContaining({
          reason,
          recordedBy: { actor: 'internkontroll-1', role: 'styv' },
        }),
      }),
    );
    expect(await eventCount()).toBe(before + 1);
  });

  it("decodes STYV's incomplete body (400) before any check of the command's roles, never 403", async () => {
    const gated = Object.entries(commandPermissions).filter(([, roles]) => !roles.includes('styv'));
    expect(gated.length).toBeGreaterThan(0);
    for (const [type] of gated) {
      const url = `/api/${commandRoutes[type as keyof typeof commandRoutes].path.replace(/:[A-Za-z]+/g, 'x')}`;
      const reply = await call('POST', url, tokens['styv']!, {
        decision: { recordedWithoutAuthority: { reason } },
      });
      expect({ type, status: reply.status }).toEqual({ type, status: 400 });
    }
  });

  // The same case in the CLI (test/cli/command-roles.e2e.spec.ts, exit 3) and on the CommandBus
  // (libs/nestjs/src/commands/without-authority.int.spec.ts), with the same code.
  it('refuses a direktør registering a company (403, caller.command_not_allowed), writes nothing, and logs the attempt', async () => {
    const { type: _type, ...company } = registerCompany;
    const before = await eventCount();
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
    expect(await eventCount()).toBe(before);
    const attempts = await call('GET', '/api/refused-attempts', tokens['revisor']!);
    expect(attempts.body).toContainEqual(
      expect.objectContaining({
        actor: 'dir-teknisk',
        role: 'direktor',
        commandType: 'RegisterCompany',
        code: 'caller.command_not_allowed',
      }),
    );
    expect(await call('POST', '/api/companies', tokens['kd']!, company)).toMatchObject({ status: 201 });
    const byRevisor = await call('POST', '/api/companies', tokens['revisor']!, company);
    expect(byRevisor).toMatchObject({ status: 403, body: { code: 'caller.read_only' } });
    expect(await eventCount()).toBe(before + 1);
  });
});
