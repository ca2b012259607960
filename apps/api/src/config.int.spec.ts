import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, readApiConfig } from './config';

const cwd = '/srv/styring';

describe('readApiConfig', () => {
  it('defaults to the embedded store and local tokens under ./data, on 127.0.0.1:3000', () => {
    expect(readApiConfig({}, cwd)).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      store: 'sqlite:/srv/styring/data/styring.db',
      dataDir: '/srv/styring/data',
      exportDir: '/srv/styring/data/exports',
      seedDemo: false,
      auth: { mode: 'local' },
    });
  });

  it('takes the port from STYRING_PORT before PORT, 0 meaning any free port', () => {
    expect(readApiConfig({ PORT: '8080' }, cwd).port).toBe(8080);
    expect(readApiConfig({ PORT: '8080', STYRING_PORT: '0' }, cwd).port).toBe(0);
  });

  it('takes the log level from STYRING_LOG_LEVEL, info without it', () => {
    expect(readApiConfig({ STYRING_LOG_LEVEL: 'debug' }, cwd).logLevel).toBe('debug');
    expect(readApiConfig({ STYRING_LOG_LEVEL: '' }, cwd).logLevel).toBe('info');
  });

  it('takes the longest token lifetime from STYRING_JWT_MAX_LIFETIME, 30 days without it', () => {
    expect(readApiConfig({ STYRING_JWT_MAX_LIFETIME: '12h' }, cwd).maxTokenLifetime).toBe(12 * 3600);
    expect(readApiConfig({}, cwd).maxTokenLifetime).toBe(30 * 86_400);
  });

  it('seeds the demo with --demo or STYRING_DEMO', () => {
    expect(readApiConfig({}, cwd, ['--demo']).seedDemo).toBe(true);
    expect(readApiConfig({ STYRING_DEMO: 'ja' }, cwd).seedDemo).toBe(true);
  });

  it.each([
    [{ STYRING_PORT: '70000' }, 'STYRING_PORT'],
    [{ PORT: 'http' }, 'PORT'],
    [{ STYRING_DEMO: 'kanskje' }, 'STYRING_DEMO'],
    [{ STYRING_JWKS_URL: 'https://idp/jwks' }, 'STYRING_JWT_ISSUER'],
    [{ STYRING_JWKS_URL: 'not a url', STYRING_JWT_ISSUER: 'x' }, 'STYRING_JWKS_URL'],
    [{ STYRING_JWT_PUBLIC_KEY: '/no/such.pem', STYRING_JWT_ISSUER: 'x' }, 'STYRING_JWT_PUBLIC_KEY'],
    [{ STYRING_LOG_LEVEL: 'verbose' }, 'STYRING_LOG_LEVEL'],
    [{ STYRING_JWT_MAX_LIFETIME: 'forever' }, 'STYRING_JWT_MAX_LIFETIME'],
    [
      { STYRING_JWKS_URL: 'https://idp/jwks', STYRING_JWT_ISSUER: 'x', STYRING_JWT_ALGORITHMS: 'RS256,' },
      'STYRING_JWT_ALGORITHMS',
    ],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => readApiConfig(env, cwd)).toThrow(ConfigError);
    expect(() => readApiConfig(env, cwd)).toThrow(name);
  });

  it("trusts an identity provider's key given as a PEM file, with its claim names", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-config-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'idp.pem'),
        '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
      );
      const config = readApiConfig(
        {
          STYRING_JWT_PUBLIC_KEY: 'idp.pem',
          STYRING_JWT_ISSUER: 'https://idp.lorenskog.kommune.no',
          STYRING_JWT_ROLE_CLAIM: 'styring_role',
        },
        dir,
      );
      expect(config.auth).toMatchObject({
        mode: 'external',
        verification: {
          issuer: 'https://idp.lorenskog.kommune.no',
          audience: 'styring-api',
          keys: { kind: 'public-key', pem: expect.stringContaining('BEGIN PUBLIC KEY') },
          roleClaim: 'styring_role',
          unitClaim: 'unit',
        },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
