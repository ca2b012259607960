import fc from 'fast-check';
import type { Identity } from './identity';
import { VerifiedTokens } from './verified-tokens';

const kari: Identity = { subject: 'kari.nordmann', role: 'direktor', unit: 'teknisk-sektor' };

describe('the verified tokens a verifier remembers', () => {
  it('answer for a token only before its exp and before the maximum age, whichever comes first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 3_600 }),
        fc.integer({ min: 0, max: 200_000 }),
        (now, lifetime, maxAge, later) => {
          const tokens = new VerifiedTokens(10, maxAge);
          tokens.remember('token', kari, now + lifetime, now);
          const answer = tokens.get('token', now + later);
          expect(answer).toEqual(later < Math.min(lifetime, maxAge) ? kari : undefined);
        },
      ),
    );
  });

  it('never answer for a token they were not given', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('token', kari, 2_000, 1_000);
    expect(tokens.get('token2', 1_000)).toBeUndefined();
  });

  it('forget the oldest token when full, so many callers cannot grow them', () => {
    const tokens = new VerifiedTokens(2, 60);
    tokens.remember('first', kari, 2_000, 1_000);
    tokens.remember('second', kari, 2_000, 1_000);
    tokens.remember('third', kari, 2_000, 1_000);
    expect(['first', 'second', 'third'].map((token) => tokens.get(token, 1_001))).toEqual([
      undefined,
      kari,
      kari,
    ]);
  });
});
