import type { Identity } from './identity';

/**
 * The bearer tokens verified lately, each with the caller it proved: a client sends the same token with
 * every request, and checking its signature again each time was a sixth of a request's CPU. A token is
 * kept only after every check passed, and only while it would still pass them all: until its `exp`, and
 * at most `maxAgeSeconds` – well within the 10 minutes a JWKS key set is cached, so a key the identity
 * provider withdraws stops being honoured no later than without this. A refused token is never kept.
 */
export class VerifiedTokens {
  readonly #entries = new Map<string, { readonly identity: Identity; readonly until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeSeconds = 60,
  ) {}

  /** The caller `token` proved, if it was verified lately and has not expired at `now` (epoch seconds). */
  get(token: string, now: number): Identity | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    // As jose does: a token is expired from its `exp` second on.
    if (now < entry.until) return entry.identity;
    this.#entries.delete(token);
    return undefined;
  }

  /** Keeps a token that passed every check, until `expiresAt` (its `exp`) or `maxAgeSeconds` from `now`. */
  remember(token: string, identity: Identity, expiresAt: number, now: number): void {
    // The oldest goes first (a Map keeps insertion order), so a burst of new callers cannot grow it.
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(token, { identity, until: Math.min(expiresAt, now + this.maxAgeSeconds) });
  }
}
