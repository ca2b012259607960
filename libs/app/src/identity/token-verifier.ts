import { createPublicKey } from 'node:crypto';
import { type JWTPayload, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Identity } from './identity';
import { isRole, roles } from './roles';
import { defaultAudience, localIssuer } from './tokens';
import { VerifiedTokens } from './verified-tokens';

/** Where trusted signing keys come from: one public key (PEM), or the identity provider's JWKS endpoint. */
export type TrustedKeys =
  { readonly kind: 'public-key'; readonly pem: string } | { readonly kind: 'jwks'; readonly url: string };

export interface TokenVerification {
  readonly issuer: string;
  readonly audience: string;
  readonly keys: TrustedKeys;
  /** When set, only these `alg` values are accepted. */
  readonly algorithms?: readonly string[];
  /** Claim names, so an identity provider with its own vocabulary plugs in. */
  readonly roleClaim: string;
  readonly unitClaim: string;
  /** The longest lifetime (`exp` − `iat`) accepted, in seconds; default `defaultMaxTokenLifetime`. */
  readonly maxLifetimeSeconds?: number;
  /** The time tokens are checked against; the system clock by default (tests inject one). */
  readonly clock?: () => Date;
}

/** 30 days: the longest lifetime `styring tokens issue` is documented with. */
export const defaultMaxTokenLifetime = 30 * 24 * 3600;

/** How far a token's `iat` may lie ahead of this machine's clock, for clocks that differ a little. */
const clockSkewSeconds = 60;

export type Verified =
  | { readonly ok: true; readonly identity: Identity }
  /** 401: no usable proof of who calls. 403: a proven caller whose role the service does not know. */
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export type TokenVerifier = (authorization: string | undefined) => Promise<Verified>;

/** Why a token's lifetime is unacceptable: none, too long, or starting in the future; undefined when fine. */
const lifetimeProblem = (payload: JWTPayload, maxSeconds: number, now: number): string | undefined => {
  if (payload.exp === undefined) return 'the token has no expiry (exp)';
  if (payload.iat !== undefined && payload.iat > now + clockSkewSeconds) {
    return 'the token was issued in the future (iat)';
  }
  const lifetime = payload.exp - (payload.iat ?? now);
  if (lifetime > maxSeconds) {
    return `the token's lifetime (${lifetime} s) is over the maximum of ${maxSeconds} s`;
  }
  return undefined;
};

/**
 * Checks a bearer token's signature, issuer, audience and lifetime (it must expire, within the maximum, and
 * not be issued in the future), and reads the caller from it.
 */
export const createTokenVerifier = (config: TokenVerification): TokenVerifier => {
  const key =
    config.keys.kind === 'jwks'
      ? createRemoteJWKSet(new URL(config.keys.url))
      : createPublicKey(config.keys.pem);
  const options = {
    issuer: config.issuer,
    audience: config.audience,
    ...(config.algorithms === undefined ? {} : { algorithms: [...config.algorithms] }),
  };
  const verified = new VerifiedTokens();
  const clock = config.clock ?? (() => new Date());
  return async (authorization) => {
    const token = /^Bearer +(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
    if (token === undefined) return unauthorized('missing bearer token (Authorization: Bearer <token>)');
    const currentDate = clock();
    const now = Math.floor(currentDate.getTime() / 1000);
    const known = verified.get(token, now);
    if (known !== undefined) return { ok: true, identity: known };
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(token, key, { ...options, currentDate })).payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) return unauthorized(`invalid token: ${error.message}`);
      throw error;
    }
    const problem = lifetimeProblem(payload, config.maxLifetimeSeconds ?? defaultMaxTokenLifetime, now);
    if (problem !== undefined) return unauthorized(`invalid token: ${problem}`);
    const role = payload[config.roleClaim];
    const unit = payload[config.unitClaim];
    if (typeof payload.sub !== 'string' || payload.sub === '')
      return unauthorized('the token has no subject');
    if (typeof role !== 'string') return unauthorized(`the token has no '${config.roleClaim}' claim`);
    if (typeof unit !== 'string' || unit === '') {
      return unauthorized(`the token has no '${config.unitClaim}' claim`);
    }
    if (!isRole(role)) {
      return { ok: false, status: 403, reason: `unknown role '${role}' (one of: ${roles.join(', ')})` };
    }
    const identity: Identity = { subject: payload.sub, role, unit };
    // `exp` is there: lifetimeProblem refuses a token without one.
    verified.remember(token, identity, payload.exp!, now);
    return { ok: true, identity };
  };
};

const unauthorized = (reason: string): Verified => ({ ok: false, status: 401, reason });

/** The verification settings for the local key pair (the embedded default): the API's, and the CLI's. */
export const localVerification = (publicKeyPem: string): TokenVerification => ({
  issuer: localIssuer,
  audience: defaultAudience,
  keys: { kind: 'public-key', pem: publicKeyPem },
  algorithms: ['EdDSA'],
  roleClaim: 'role',
  unitClaim: 'unit',
});
