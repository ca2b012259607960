import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, PageRequest as Request, PageResponse as Response } from './http-types';

/** The signed-in user's token (the same JWT the API takes), out of reach of scripts. */
export const sessionCookie = 'styring_okt';
/** The double-submit token every form posts back, so another site cannot post a form for the user. */
export const csrfCookie = 'styring_csrf';

/** The request's cookies by name (express parses none without a middleware we do not need elsewhere). */
export const cookiesOf = (request: Request): ReadonlyMap<string, string> => {
  const cookies = new Map<string, string>();
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    try {
      cookies.set(pair.slice(0, at).trim(), decodeURIComponent(pair.slice(at + 1).trim()));
    } catch {
      // A cookie that is not valid percent-encoding is not one of ours.
    }
  }
  return cookies;
};

/** HttpOnly, SameSite=Strict, Secure when the request came over TLS, for the pages only. */
const cookieOptions = (request: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: request.secure,
  path: '/revisjon',
});

export const setSession = (request: Request, response: Response, token: string): void => {
  response.cookie(sessionCookie, token, cookieOptions(request));
};

export const clearSession = (request: Request, response: Response): void => {
  response.clearCookie(sessionCookie, cookieOptions(request));
};

/** The request's CSRF token, made and set as a cookie when it has none. */
export const csrfTokenFor = (request: Request, response: Response): string => {
  const existing = cookiesOf(request).get(csrfCookie);
  if (existing !== undefined && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  response.cookie(csrfCookie, token, cookieOptions(request));
  return token;
};

/**
 * A form post is ours when the field matches the cookie (which another site can neither read nor set) and,
 * when the browser names the origin, it is this host.
 */
export const isOwnFormPost = (request: Request, field: unknown): boolean => {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    try {
      if (new URL(origin).host !== request.headers.host) return false;
    } catch {
      return false;
    }
  }
  const cookie = cookiesOf(request).get(csrfCookie);
  if (cookie === undefined || typeof field !== 'string' || field.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(field), Buffer.from(cookie));
};
