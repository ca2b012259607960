import { SignInCodes } from './sign-in-codes';

describe('one-time sign-in codes', () => {
  let now = 0;
  const codes = () => new SignInCodes(60_000, () => now);
  beforeEach(() => (now = 1_000_000));

  it('stand for their token once', () => {
    const issued = codes();
    const code = issued.issue('the-token');
    expect(code).not.toContain('the-token');
    expect(issued.redeem(code)).toBe('the-token');
    expect(issued.redeem(code)).toBeUndefined();
  });

  it('expire after their lifetime, and an unknown code stands for nothing', () => {
    const issued = codes();
    const code = issued.issue('the-token');
    now += 60_000;
    expect(issued.redeem(code)).toBeUndefined();
    expect(issued.redeem('guessed')).toBeUndefined();
  });

  it('are different each time, even for the same token', () => {
    const issued = codes();
    expect(issued.issue('the-token')).not.toBe(issued.issue('the-token'));
  });
});
