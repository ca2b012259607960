import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDirectory, styring } from './styring';

/** `styring tokens issue`: bearer tokens for the HTTP service on the embedded default. */
describe('styring tokens issue', () => {
  const scratch = scratchDirectory();
  afterAll(scratch.remove);

  it('prints a signed token whose claims are the role, unit and subject given', async () => {
    const result = await styring(scratch.dir, [
      'tokens',
      'issue',
      '--role',
      'revisor',
      '--unit',
      'romerike-revisjon',
      '--sub',
      'kari',
    ]);

    expect(result.code).toBe(0);
    const [, payload] = result.stdout.trim().split('.');
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))).toMatchObject({
      sub: 'kari',
      role: 'revisor',
      unit: 'romerike-revisjon',
    });
  });

  it('refuses a role the service does not know (exit 2)', async () => {
    const result = await styring(scratch.dir, [
      'tokens',
      'issue',
      '--role',
      'ordforer',
      '--unit',
      'x',
      '--sub',
      'kari',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'ordforer' is invalid");
  });

  it.each([
    [
      'a lifetime it cannot read',
      ['--unit', 'x', '--sub', 'kari', '--expires-in', 'soon'],
      2,
      '--expires-in',
    ],
    ['an empty unit', ['--unit', ' ', '--sub', 'kari'], 1, 'unit'],
  ])('refuses %s, naming the field, and makes no key pair', async (_case, flags, code, field) => {
    const result = await styring(scratch.dir, [
      'tokens',
      'issue',
      '--role',
      'revisor',
      ...flags,
      '--data-dir',
      'refused',
    ]);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(field);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(path.join(scratch.dir, 'refused'))).toBe(false);
  });
});
