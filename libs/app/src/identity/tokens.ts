import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { ensureLocalKeyPair } from './local-keys';
import { isRole, roles } from './roles';

/** The issuer and audience of tokens minted by the embedded default (and expected by it). */
export const localIssuer = 'styring-local';
export const defaultAudience = 'styring-api';

export interface TokenRequest {
  readonly subject: string;
  readonly role: string;
  readonly unit: string;
  /** A duration such as `8h` or `30d`, or seconds from now (negative: already expired); default 8 hours. */
  readonly expiresIn?: string | number;
}

export interface TokenSigning {
  readonly privateKey: KeyObject;
  readonly issuer: string;
  readonly audience: string;
}

/** A token lifetime as text: a whole number and s, m, h, d or w, e.g. `8h` or `30d`. */
export const isTokenLifetime = (value: string): boolean => /^\d+[smhdw]$/.test(value);

const unitSeconds: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** A lifetime such as `8h` in seconds; undefined when it is not one (`isTokenLifetime`). */
export const tokenLifetimeSeconds = (value: string): number | undefined =>
  isTokenLifetime(value) ? Number(value.slice(0, -1)) * (unitSeconds[value.slice(-1)] ?? 0) : undefined;

/** Refuses a request that cannot become a usable token, naming the field, before any key is made or used. */
const checkTokenRequest = (request: TokenRequest): void => {
  if (!isRole(request.role)) {
    throw new Error(`unknown role '${request.role}' (one of: ${roles.join(', ')})`);
  }
  if (request.subject.trim() === '') throw new Error('the subject (sub) must not be empty');
  if (request.unit.trim() === '') throw new Error('the unit must not be empty');
  if (typeof request.expiresIn === 'string' && !isTokenLifetime(request.expiresIn)) {
    throw new Error(`expiresIn: '${request.expiresIn}' is not a lifetime such as 8h or 30d`);
  }
};

/** Mints a signed bearer token (EdDSA) whose subject, role and unit the service turns into event metadata. */
export const mintToken = async (request: TokenRequest, signing: TokenSigning): Promise<string> => {
  checkTokenRequest(request);
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: request.role, unit: request.unit })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(signing.issuer)
    .setAudience(signing.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(
      typeof request.expiresIn === 'number' ? issuedAt + request.expiresIn : (request.expiresIn ?? '8h'),
    )
    .sign(signing.privateKey);
};

/**
 * Mints a token for the embedded default: signed with the local key pair under `dataDir` (created on first
 * use), for the local issuer. This is what `styring tokens issue` calls.
 */
export const issueLocalToken = async (
  request: TokenRequest & { readonly dataDir: string },
): Promise<string> => {
  // Checked before the key pair is made, so a refused request leaves no key behind.
  checkTokenRequest(request);
  return mintToken(request, {
    privateKey: ensureLocalKeyPair(request.dataDir).privateKey,
    issuer: localIssuer,
    audience: defaultAudience,
  });
};
