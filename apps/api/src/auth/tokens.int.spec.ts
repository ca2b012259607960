import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { SignJWT, exportJWK } from 'jose';
import {
  createTokenVerifier,
  defaultAudience,
  ensureLocalKeyPair,
  issueLocalToken,
  localIssuer,
  mintToken,
  type TokenVerification,
} from '@styring/app';

let dataDir: string;
beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-tokens-'))));
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const localConfig = (): TokenVerification => ({
  issuer: localIssuer,
  audience: defaultAudience,
  keys: { kind: 'public-key', pem: fs.readFileSync(ensureLocalKeyPair(dataDir).publicKeyFile, 'utf8') },
  roleClaim: 'role',
  unitClaim: 'unit',
});
const localVerifier = () => createTokenVerifier(localConfig());
const now = () => Math.floor(Date.now() / 1000);

// Minting and the local key pair themselves are specified in libs/app (src/identity/tokens.int.spec.ts).
describe('tokens', () => {
  it('carry subject, role and unit from the local issuer to the verifier', async () => {
    const token = await issueLocalToken({
      dataDir,
      subject: 'kari.nordmann',
      role: 'direktor',
      unit: 'oppvekst',
    });
    await expect(localVerifier()(`Bearer ${token}`)).resolves.toEqual({
      ok: true,
      identity: { subject: 'kari.nordmann', role: 'direktor', unit: 'oppvekst' },
    });
  });

  it.each([
    ['no header', undefined, 'missing bearer token'],
    ['a non-bearer scheme', 'Basic a2FyaTpoZW1tZWxpZw==', 'missing bearer token'],
    ['garbage', 'Bearer not.a.jwt', 'invalid token'],
  ])('are refused (401) with %s', async (_name, header, reason) => {
    const verified = await localVerifier()(header);
    expect(verified).toMatchObject({ ok: false, status: 401 });
    expect(!verified.ok && verified.reason).toContain(reason);
  });

  it('are refused (401) when expired, signed by another key, or for another issuer', async () => {
    const verify = localVerifier();
    const expired = await issueLocalToken({
      dataDir,
      subject: 's',
      role: 'revisor',
      unit: 'u',
      expiresIn: -60,
    });
    const otherKey = crypto.generateKeyPairSync('ed25519').privateKey;
    const forged = await mintToken(
      { subject: 's', role: 'revisor', unit: 'u' },
      { privateKey: otherKey, issuer: localIssuer, audience: defaultAudience },
    );
    const otherIssuer = await mintToken(
      { subject: 's', role: 'revisor', unit: 'u' },
      {
        privateKey: ensureLocalKeyPair(dataDir).privateKey,
        issuer: 'someone-else',
        audience: defaultAudience,
      },
    );
    for (const token of [expired, forged, otherIssuer]) {
      expect(await verify(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
    }
  });

  it.each([
    ['without an expiry', (jwt: SignJWT) => jwt, 'no expiry'],
    [
      'issued an hour in the future',
      (jwt: SignJWT) => jwt.setIssuedAt(now() + 3600).setExpirationTime(now() + 7200),
      'issued in the future',
    ],
    [
      'living longer than the maximum (31 days)',
      (jwt: SignJWT) => jwt.setIssuedAt(now()).setExpirationTime(now() + 31 * 24 * 3600),
      'over the maximum',
    ],
  ])('%s are refused (401)', async (_name, shape, reason) => {
    const jwt = new SignJWT({ role: 'kommunedirektor', unit: 'kommunedirektoren' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('s')
      .setIssuer(localIssuer)
      .setAudience(defaultAudience);
    const token = await shape(jwt).sign(ensureLocalKeyPair(dataDir).privateKey);
    const verified = await localVerifier()(`Bearer ${token}`);
    expect(verified).toMatchObject({ ok: false, status: 401 });
    expect(verified.ok ? '' : verified.reason).toContain(reason);
  });

  it('verified once are still refused from their expiry on, and still checked in full when changed', async () => {
    let clock = new Date();
    const verify = createTokenVerifier({ ...localConfig(), clock: () => clock });
    const token = await issueLocalToken({ dataDir, subject: 's', role: 'revisor', unit: 'u', expiresIn: 60 });
    expect(await verify(`Bearer ${token}`)).toMatchObject({ ok: true, identity: { subject: 's' } });
    clock = new Date(clock.getTime() + 30_000);
    expect(await verify(`Bearer ${token}`)).toMatchObject({ ok: true, identity: { subject: 's' } });
    const [header, payload, signature] = token.split('.');
    const otherSignature = `${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await verify(`Bearer ${header}.${payload}.${otherSignature}`)).toMatchObject({
      ok: false,
      status: 401,
    });
    clock = new Date(clock.getTime() + 31_000);
    const expired = await verify(`Bearer ${token}`);
    expect(expired).toMatchObject({ ok: false, status: 401 });
    expect(expired.ok ? '' : expired.reason).toContain('"exp"');
  });

  it('up to the configured maximum lifetime are accepted, and a shorter maximum refuses them', async () => {
    const token = await issueLocalToken({
      dataDir,
      subject: 's',
      role: 'revisor',
      unit: 'u',
      expiresIn: '30d',
    });
    expect(await localVerifier()(`Bearer ${token}`)).toMatchObject({ ok: true });
    const strict = createTokenVerifier({ ...localConfig(), maxLifetimeSeconds: 8 * 3600 });
    expect(await strict(`Bearer ${token}`)).toMatchObject({ ok: false, status: 401 });
  });

  it('with a role the service does not know are forbidden (403), not unauthenticated', async () => {
    const token = await new SignJWT({ role: 'ordforer', unit: 'politikk' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('s')
      .setIssuer(localIssuer)
      .setAudience(defaultAudience)
      .setExpirationTime('1h')
      .sign(ensureLocalKeyPair(dataDir).privateKey);
    expect(await localVerifier()(`Bearer ${token}`)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('an external identity provider', () => {
  it('is trusted through its JWKS endpoint, with its own claim names', async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const config: TokenVerification = {
        issuer: 'https://idp.lorenskog.kommune.no',
        audience: 'styring',
        keys: { kind: 'jwks', url: `http://127.0.0.1:${port}/jwks.json` },
        algorithms: ['RS256'],
        roleClaim: 'styring_role',
        unitClaim: 'department',
      };
      const token = await new SignJWT({ styring_role: 'kommunedirektor', department: 'kommunedirektoren' })
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
        .setSubject('ola.hansen@lorenskog.kommune.no')
        .setIssuer(config.issuer)
        .setAudience('styring')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect(await createTokenVerifier(config)(`Bearer ${token}`)).toEqual({
        ok: true,
        identity: {
          subject: 'ola.hansen@lorenskog.kommune.no',
          role: 'kommunedirektor',
          unit: 'kommunedirektoren',
        },
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
