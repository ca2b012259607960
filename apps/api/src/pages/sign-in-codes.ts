import { randomBytes } from 'node:crypto';

/**
 * One-time sign-in codes: `npm start` prints a link carrying one, so the demo revisor signs in with one
 * click without a token in the address bar, the shell history or a proxy's log. A code is good once, for a
 * short while; it lives only in this process.
 */
export class SignInCodes {
  private readonly codes = new Map<string, { readonly token: string; readonly expires: number }>();

  constructor(
    private readonly lifetimeMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new code standing for `token` until it is used or expires. */
  issue(token: string): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { token, expires: this.now() + this.lifetimeMs });
    return code;
  }

  /** The token a code stands for, once; `undefined` for an unknown, used or expired code. */
  redeem(code: string): string | undefined {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    for (const [other, { expires }] of this.codes) if (expires <= this.now()) this.codes.delete(other);
    return entry !== undefined && entry.expires > this.now() ? entry.token : undefined;
  }
}
