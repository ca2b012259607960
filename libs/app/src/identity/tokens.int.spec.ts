import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureLocalKeyPair } from './local-keys';
import { isTokenLifetime, issueLocalToken } from './tokens';

let dataDir: string;
beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-app-tokens-'))));
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the local key pair', () => {
  it('is made once, with a private key only its owner can read, and then reused', () => {
    const first = ensureLocalKeyPair(dataDir);
    const second = ensureLocalKeyPair(dataDir);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(fs.statSync(first.privateKeyFile).mode & 0o077).toBe(0);
    expect(second.publicKey.equals(first.publicKey)).toBe(true);
  });
});

describe('issueLocalToken', () => {
  it('refuses to mint for an unknown role', async () => {
    await expect(issueLocalToken({ dataDir, subject: 'x', role: 'ordfører', unit: 'y' })).rejects.toThrow(
      "unknown role 'ordfører'",
    );
  });

  it.each([
    ['an empty subject', { subject: ' ' }, 'sub'],
    ['an empty unit', { unit: '' }, 'unit'],
    ['a lifetime jose would not read', { expiresIn: 'soon' }, 'expiresIn'],
    ['a lifetime in words', { expiresIn: '8 hours' }, 'expiresIn'],
  ])('refuses %s, naming the field, and makes no key pair', async (_case, change, field) => {
    const request = { dataDir, subject: 'kari', role: 'revisor', unit: 'romerike-revisjon', ...change };
    await expect(issueLocalToken(request)).rejects.toThrow(field);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describe('isTokenLifetime', () => {
  it('takes a whole number and s, m, h, d or w, and nothing else', () => {
    for (const lifetime of ['30s', '15m', '8h', '30d', '2w']) expect(isTokenLifetime(lifetime)).toBe(true);
    for (const lifetime of ['', 'h', '8', '-5h', '1.5h', '8H', '8 h', '8h ', 'soon'])
      expect(isTokenLifetime(lifetime)).toBe(false);
  });
});
