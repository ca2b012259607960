import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultAudience, defaultMaxTokenLifetime, tokenLifetimeSeconds } from '@styring/app';
import type { TokenVerification } from '@styring/app';

/** Everything the service reads from its environment, checked once at start. */
export interface ApiConfig {
  readonly host: string;
  /** 0 asks the operating system for a free port. */
  readonly port: number;
  /** A store URL as `@styring/app` reads it: `sqlite:./data/styring.db`, `postgres://…`, `esdb://…`. */
  readonly store: string;
  readonly dataDir: string;
  /** Where audit exports are written and served from. */
  readonly exportDir: string;
  /** Seed the demo history when the store is empty (the embedded default's first start). */
  readonly seedDemo: boolean;
  readonly logLevel: string;
  /** The longest token lifetime (`exp` − `iat`) accepted, in seconds. */
  readonly maxTokenLifetime: number;
  /**
   * `local`: tokens signed by the key pair under `dataDir` (made on first start), minted with
   * `styring tokens issue`. Otherwise the identity provider's issuer and keys.
   */
  readonly auth:
    { readonly mode: 'local' } | { readonly mode: 'external'; readonly verification: TokenVerification };
  readonly cwd: string;
}

/** A configuration value that cannot be used: names the variable and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const bool = (name: string, value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|ja)$/i.test(value)) return true;
  if (/^(0|false|no|nei)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, not '${value}'`);
};

/** pino's levels: an unknown one would stop the service with an error that names no variable. */
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const logLevelOf = (value: string | undefined): string => {
  if (value === undefined || value === '') return 'info';
  if (!logLevels.includes(value))
    throw new ConfigError(`STYRING_LOG_LEVEL must be one of ${logLevels.join(', ')}, not '${value}'`);
  return value;
};

/** The accepted `alg` values; an empty entry (`RS256,`) would silently refuse every token. */
const algorithmsOf = (value: string): string[] => {
  const algorithms = value.split(',').map((alg) => alg.trim());
  if (algorithms.some((alg) => !/^[A-Za-z0-9]+$/.test(alg)))
    throw new ConfigError(
      `STYRING_JWT_ALGORITHMS must be a comma-separated list of alg names, not '${value}'`,
    );
  return algorithms;
};

const maxTokenLifetimeOf = (value: string | undefined): number => {
  if (value === undefined || value === '') return defaultMaxTokenLifetime;
  const seconds = tokenLifetimeSeconds(value);
  if (seconds === undefined || seconds === 0)
    throw new ConfigError(`STYRING_JWT_MAX_LIFETIME must be a lifetime such as 12h or 30d, not '${value}'`);
  return seconds;
};

const portOf = (env: NodeJS.ProcessEnv): number => {
  const name = env['STYRING_PORT'] ? 'STYRING_PORT' : 'PORT';
  const value = env[name];
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(
      `${name} must be a port number from 0 to 65535 (0 = any free port), not '${value}'`,
    );
  }
  return port;
};

/** Reads a PEM given inline or as a path to a file. */
const pemOf = (name: string, value: string, cwd: string): string => {
  if (value.includes('-----BEGIN')) return value.replace(/\\n/g, '\n');
  const file = path.resolve(cwd, value);
  if (!fs.existsSync(file))
    throw new ConfigError(`${name}: no such file '${file}' (give a PEM or a path to one)`);
  return fs.readFileSync(file, 'utf8');
};

const externalAuth = (env: NodeJS.ProcessEnv, cwd: string): ApiConfig['auth'] => {
  const publicKey = env['STYRING_JWT_PUBLIC_KEY'];
  const jwksUrl = env['STYRING_JWKS_URL'];
  if (!publicKey && !jwksUrl) return { mode: 'local' };
  if (publicKey && jwksUrl) throw new ConfigError('set STYRING_JWT_PUBLIC_KEY or STYRING_JWKS_URL, not both');
  const issuer = env['STYRING_JWT_ISSUER'];
  if (!issuer) throw new ConfigError('STYRING_JWT_ISSUER is required with an external identity provider');
  if (jwksUrl && !URL.canParse(jwksUrl)) throw new ConfigError(`STYRING_JWKS_URL is not a URL: '${jwksUrl}'`);
  const algorithms = env['STYRING_JWT_ALGORITHMS'];
  return {
    mode: 'external',
    verification: {
      issuer,
      audience: env['STYRING_JWT_AUDIENCE'] || defaultAudience,
      keys: jwksUrl
        ? { kind: 'jwks', url: jwksUrl }
        : { kind: 'public-key', pem: pemOf('STYRING_JWT_PUBLIC_KEY', publicKey ?? '', cwd) },
      ...(algorithms ? { algorithms: algorithmsOf(algorithms) } : {}),
      roleClaim: env['STYRING_JWT_ROLE_CLAIM'] || 'role',
      unitClaim: env['STYRING_JWT_UNIT_CLAIM'] || 'unit',
    },
  };
};

/** The service's configuration from environment variables (see apps/api/README.md). */
export const readApiConfig = (
  env: NodeJS.ProcessEnv,
  cwd: string,
  args: readonly string[] = [],
): ApiConfig => {
  const dataDir = path.resolve(cwd, env['STYRING_DATA_DIR'] || 'data');
  return {
    host: env['STYRING_HOST'] || '127.0.0.1',
    port: portOf(env),
    // The embedded default (`sqlite:./data/styring.db`) follows the data directory.
    store: env['STYRING_STORE'] || `sqlite:${path.join(dataDir, 'styring.db')}`,
    dataDir,
    exportDir: path.resolve(cwd, env['STYRING_EXPORT_DIR'] || path.join(dataDir, 'exports')),
    seedDemo: args.includes('--demo') || bool('STYRING_DEMO', env['STYRING_DEMO'], false),
    logLevel: logLevelOf(env['STYRING_LOG_LEVEL']),
    maxTokenLifetime: maxTokenLifetimeOf(env['STYRING_JWT_MAX_LIFETIME']),
    auth: externalAuth(env, cwd),
    cwd,
  };
};
