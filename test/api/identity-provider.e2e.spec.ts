import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { SignJWT, exportJWK } from 'jose';
import { issueLocalToken } from '@styring/app';
import { eventsIn } from '../cli/store-contents';
import { runProcess } from '../support/run-process';
import { apiMain, scratchDirectory, startApi, stopAll } from './api-process';
import { call, newSection } from './http';

const issuer = 'https://idp.lorenskog.kommune.no';
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
let jwks: http.Server;
let jwksUrl: string;
let dir: string;

/** A token as the municipality's identity provider would issue it, with its own claim names. */
const idpToken = (subject: string, role: string, unit: string) =>
  new SignJWT({ styring_role: role, department: unit })
    .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
    .setSubject(subject)
    .setIssuer(issuer)
    .setAudience('styring')
    .setExpirationTime('5m')
    .sign(privateKey);

beforeAll(async () => {
  const key = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  jwks = http.createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [key] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
}, 180_000);

beforeEach(() => (dir = scratchDirectory()));

afterEach(async () => {
  await stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  jwks.closeAllConnections();
  await new Promise((resolve) => jwks.close(resolve));
});

describe('an external identity provider', () => {
  it('is trusted through its JWKS, and its subject, role and unit become the event metadata', async () => {
    const api = await startApi(dir, {
      env: {
        STYRING_JWKS_URL: jwksUrl,
        STYRING_JWT_ISSUER: issuer,
        STYRING_JWT_AUDIENCE: 'styring',
        STYRING_JWT_ROLE_CLAIM: 'styring_role',
        STYRING_JWT_UNIT_CLAIM: 'department',
      },
    });
    expect(api.banner()).not.toContain('Sample tokens');
    // A council decision, so the council's secretariat enters it (libs/app's caller table).
    const token = await idpToken('ola.hansen@lorenskog.kommune.no', 'kommunestyre-sekretariat', 'styv');
    const reply = await call(api.url, 'POST', '/api/units', {
      token,
      body: { ...newSection('styv'), parent: undefined, kind: 'stabsavdeling' },
    });
    expect(reply.status).toBe(201);
    const [event] = await eventsIn(path.join(dir, 'data', 'styring.db'));
    expect(event?.metadata).toMatchObject({
      actor: 'ola.hansen@lorenskog.kommune.no',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
    });

    // The embedded default's own tokens mean nothing here.
    const local = await issueLocalToken({
      dataDir: path.join(dir, 'data'),
      subject: 's',
      role: 'kommunedirektor',
      unit: 'u',
    });
    expect((await call(api.url, 'GET', '/api/decision-log', { token: local })).status).toBe(401);
  });
});

describe('configuration', () => {
  it('refuses to start on a bad setting, naming it', async () => {
    const result = await runProcess(process.execPath, [apiMain], {
      cwd: dir,
      env: { STYRING_PORT: 'åtti', STYRING_JWKS_URL: '', STYRING_JWT_PUBLIC_KEY: '' },
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('STYRING_PORT');
  });
});
