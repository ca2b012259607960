import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDirectory, styring } from './styring';

/** `styring demo`, the main job: from nothing to a seeded store, its decision log and a verified export. */
describe('styring demo', () => {
  const scratch = scratchDirectory();
  afterAll(scratch.remove);

  it('seeds a fresh store, prints the decision log, and writes and verifies a signed export', async () => {
    const result = await styring(scratch.dir, ['demo']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\d+ kommandoer gikk gjennom reglene/);
    expect(result.stdout).toMatch(/Vedtaksloggen \(\d+ vedtak/);
    expect(result.stdout).toContain('GYLDIG (valid)');
    expect(fs.existsSync(path.join(scratch.dir, 'data', 'demo', 'export', 'manifest.sig'))).toBe(true);
  });

  it('replaces its own earlier run, and refuses a folder it did not make', async () => {
    expect((await styring(scratch.dir, ['demo'])).code).toBe(0);

    fs.mkdirSync(path.join(scratch.dir, 'mine'));
    fs.writeFileSync(path.join(scratch.dir, 'mine', 'notes.txt'), 'keep me');
    const refused = await styring(scratch.dir, ['demo', '--dir', 'mine']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('was not made by');
    expect(fs.readdirSync(path.join(scratch.dir, 'mine'))).toEqual(['notes.txt']);
  });
});
