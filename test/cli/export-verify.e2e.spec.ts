import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, describeWithTool } from '@styring/eventstore-testkit';
import { scratchDirectory, styring, tokenFlag } from './styring';

const decision = {
  body: 'kommunestyret',
  decidedOn: '2024-03-20',
  caseNumber: '2024/0544',
  meeting: 'Kommunestyrets møte 20.03.2024',
  authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
};
const adoptStrategy = (planId: string) =>
  JSON.stringify({
    type: 'AdoptPlan',
    planId,
    kind: 'strategi',
    title: `Strategi ${planId}`,
    period: { from: '2024-04-01', to: '2027-12-31' },
    decision,
  });

/** `styring export` and `styring verify`: 0 valid, 1 invalid with the first bad line or file named, 2 usage. */
describe('styring export and verify', () => {
  const scratch = scratchDirectory();
  const at = (...parts: string[]) => path.join(scratch.dir, ...parts);
  const publicKey = at('data', 'keys', 'export-signing-public.pem');
  const verify = (dir: string, ...rest: string[]) =>
    styring(scratch.dir, ['verify', dir, '--public-key', publicKey, ...rest]);

  beforeAll(async () => {
    expect((await styring(scratch.dir, ['init'])).code).toBe(0);
    expect((await styring(scratch.dir, ['seed', '--demo'])).code).toBe(0);
  });
  afterAll(scratch.remove);

  it('writes a signed export of the demo that verifies (exit 0)', async () => {
    const exported = await styring(scratch.dir, ['export', '--out', 'export-1']);
    expect(exported.code).toBe(0);
    // The demo corrects five fields in three corrections (libs/app/src/demo/corrections.ts).
    expect(exported.stdout).toMatch(/Hendelser: \d+, vedtak: \d+, rettelser: 5/);
    expect(fs.readdirSync(at('export-1')).sort()).toEqual(
      [
        'SHA256SUMS',
        'addml.xml',
        'endringslogg.csv',
        'events.jsonl',
        'manifest.json',
        'manifest.sig',
        'rapport.html',
        'vedtakslogg.csv',
        'verify-export.js',
        // The read side's registers, one CSV each (libs/read-routes: exportedRegisters).
        ...[
          'anskaffelser',
          'arshjul',
          'avvik',
          'delegeringer',
          // The decisions under each delegation, one row each (a cell of them can pass Excel's limit).
          'delegeringer-vedtak',
          'planer',
          'prosjekter',
          'risikoer',
          'selskaper',
          'sjekklister',
          'vedtak-uten-myndighet',
        ].map((register) => `register-${register}.csv`),
      ].sort(),
    );

    const verified = await verify('export-1');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('GYLDIG (valid)');
    expect(verified.stdout).toContain(
      'ADVARSEL: verken forrige eksport (--previous) eller vitne (--witness)',
    );
  });

  it('proves that a later export only appended to the earlier one', async () => {
    const appended = await styring(
      scratch.dir,
      ['exec', '-', ...(await tokenFlag(scratch.dir, 'kommunestyre-sekretariat'))],
      {
        input: adoptStrategy('klimastrategi'),
      },
    );
    expect(appended.code).toBe(0);
    expect((await styring(scratch.dir, ['export', '--out', 'export-2', '--previous', 'export-1'])).code).toBe(
      0,
    );

    const verified = await verify('export-2', '--previous', 'export-1');
    expect(verified.code).toBe(0);
  });

  it('names the first changed line of a tampered export (exit 1)', async () => {
    fs.cpSync(at('export-1'), at('tampered-line'), { recursive: true });
    const lines = fs.readFileSync(at('tampered-line', 'events.jsonl'), 'utf8').split('\n');
    lines[6] = (lines[6] ?? '').replace('"actor":"demo-', '"actor":"demX-');
    fs.writeFileSync(at('tampered-line', 'events.jsonl'), lines.join('\n'));

    const verified = await verify('tampered-line');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('events.jsonl linje 7');
  });

  it('names the file when the decision log has been edited (exit 1)', async () => {
    fs.cpSync(at('export-1'), at('tampered-file'), { recursive: true });
    fs.appendFileSync(at('tampered-file', 'vedtakslogg.csv'), 'en ekstra linje\r\n');

    const verified = await verify('tampered-file');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('vedtakslogg.csv');
  });

  describeWithTool(chromium, 'with Chromium', () => {
    it('prints the report to PDF beside the folder with --pdf, and the export still verifies', async () => {
      const exported = await styring(scratch.dir, ['export', '--out', 'export-pdf', '--pdf']);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toContain(`Rapporten som PDF: ${at('export-pdf-rapport.pdf')}`);
      expect(fs.readFileSync(at('export-pdf-rapport.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await verify('export-pdf')).code).toBe(0);
    });
  });

  it('writes the export and says plainly that there is no PDF where Chromium is missing (exit 0)', async () => {
    const exported = await styring(scratch.dir, ['export', '--out', 'export-uten-pdf', '--pdf', 'r.pdf'], {
      env: { STYRING_CHROMIUM: at('ingen-chromium') },
    });
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`PDF ikke laget: Chromium is not installed at ${at('ingen-chromium')}`);
    expect(fs.existsSync(at('r.pdf'))).toBe(false);
    expect((await verify('export-uten-pdf')).code).toBe(0);
  });

  it('lets the auditor witness a tree head, and fails a later export that does not extend it', async () => {
    const keygen = await styring(scratch.dir, [
      'witness',
      'keygen',
      '--name',
      'revisjon.example/romerike',
      '--key',
      'vitne.key',
      '--verifier-key',
      'vitne.vkey',
    ]);
    expect(keygen.code).toBe(0);
    const signed = await styring(scratch.dir, [
      'witness',
      'sign',
      'export-1',
      '--key',
      'vitne.key',
      '--public-key',
      publicKey,
    ]);
    expect(signed.code).toBe(0);
    expect(fs.readFileSync(at('export-1.cosignature'), 'utf8')).toMatch(
      /\n\n— revisjon\.example\/romerike \S+\n$/,
    );
    const witnessed = await verify(
      'export-2',
      '--witness',
      'export-1.cosignature',
      '--witness-key',
      'vitne.vkey',
    );
    expect(witnessed.stdout).toContain('Vitne revisjon.example/romerike');
    expect(witnessed.code).toBe(0);
    // Checked against the witness of a longer history than it holds: history was removed.
    const later = ['witness', 'sign', 'export-2', '--key', 'vitne.key', '--public-key', publicKey];
    expect((await styring(scratch.dir, later)).code).toBe(0);
    const older = await verify(
      'export-1',
      '--witness',
      'export-2.cosignature',
      '--witness-key',
      'vitne.vkey',
    );
    expect(older.code).toBe(1);
    expect(older.stdout).toMatch(
      /UGYLDIG \(invalid\): events\.jsonl: har \d+ hendelser, færre enn de \d+ vitnet/,
    );
  });

  it('carries the cosignatures witnesses sent back, so that the witness key alone checks the export', async () => {
    const exported = await styring(scratch.dir, [
      'export',
      '--out',
      'export-vitnet',
      '--witness',
      'export-1.cosignature',
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Medsignaturer fra vitner: witness-\d+-[0-9a-f]{8}\.cosignature\n/);
    const verified = await verify('export-vitnet', '--witness-key', 'vitne.vkey');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /Vitne revisjon\.example\/romerike \(medsignert [^)]*, medsignaturen eksporten har med\): utvidet/,
    );
    expect(verified.stdout).not.toContain('ADVARSEL');
  });

  it('proves one event with a proof checked by only the proof, its line and the public key', async () => {
    const proved = await styring(scratch.dir, ['prove', 'export-1', '7', '--line-out', 'linje-7.jsonl']);
    expect(proved.code).toBe(0);
    fs.writeFileSync(at('bevis-7.json'), proved.stdout);
    expect(JSON.parse(proved.stdout)).toMatchObject({ format: 'styring-inclusion-proof', seq: 7 });
    const check = (line: string, ...rest: string[]) =>
      styring(scratch.dir, [
        'verify-proof',
        'bevis-7.json',
        '--line',
        line,
        '--public-key',
        publicKey,
        ...rest,
      ]);
    const valid = await check('linje-7.jsonl');
    expect(valid).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^GYLDIG \(valid\): linje 7 av \d+/),
    });
    fs.writeFileSync(
      at('linje-7-endret.jsonl'),
      fs.readFileSync(at('linje-7.jsonl'), 'utf8').replace('"actor":"', '"actor":"x'),
    );
    expect(await check('linje-7-endret.jsonl')).toMatchObject({
      code: 1,
      stdout: 'UGYLDIG (invalid): linjen er endret: den gir ikke sin eventHash\n',
    });
    expect(await check('linje-7-endret.jsonl', '--lang', 'en')).toMatchObject({
      code: 1,
      stdout: 'INVALID (ugyldig): the line was changed: it does not hash to its eventHash\n',
    });
  });

  it('fails an export checked against another key (exit 1)', async () => {
    expect((await styring(scratch.dir, ['keys', 'generate', '--out', 'other-keys'])).code).toBe(0);
    const verified = await styring(scratch.dir, [
      'verify',
      'export-1',
      '--public-key',
      at('other-keys', 'export-signing-public.pem'),
    ]);
    expect(verified.code).toBe(1);
    expect(verified.stdout + verified.stderr).toContain('stemmer ikke med den oppgitte offentlige nøkkelen');
  });

  it.each([
    [['verify', 'no-such-export', '--public-key', 'data/keys/export-signing-public.pem'], '<dir>: '],
    [['verify', 'export-1', '--public-key', 'data/keys/export-signing-private.pem'], 'private key'],
    [['export', '--out', 'export-1'], 'exists already'],
    [['export', '--out', 'export-3', '--key', 'no-such-key.pem'], '--key: '],
    [['export', '--out', 'export-3', '--previous', 'no-such-export'], '--previous: '],
    [['export', '--out', 'export-3', '--pdf', 'export-3/rapport.pdf'], '--pdf: '],
  ])('treats %j as a usage error (exit 2) and writes nothing', async (args, message) => {
    const before = fs.readdirSync(scratch.dir).sort();
    const result = await styring(scratch.dir, args);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 2,
      stderr: expect.stringContaining(message),
    });
    expect(fs.readdirSync(scratch.dir).sort()).toEqual(before);
  });

  it('refuses to overwrite the signing keys: keys generate exits 1', async () => {
    const before = fs.readFileSync(at('data', 'keys', 'export-signing-private.pem'));
    const result = await styring(scratch.dir, ['keys', 'generate', '--out', 'data/keys']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing to overwrite/);
    expect(fs.readFileSync(at('data', 'keys', 'export-signing-private.pem'))).toEqual(before);
  });

  it('says an initialized folder is initialized already: init exits 0 and changes no key', async () => {
    const before = fs.readFileSync(at('data', 'keys', 'export-signing-private.pem'));
    const result = await styring(scratch.dir, ['init']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Allerede initialisert');
    expect(fs.readFileSync(at('data', 'keys', 'export-signing-private.pem'))).toEqual(before);
  });

  it('refuses init when only half of the key pair is there (exit 1), and makes no new key', async () => {
    const other = path.join(scratch.dir, 'halv');
    fs.mkdirSync(other);
    fs.copyFileSync(
      at('data', 'keys', 'export-signing-public.pem'),
      path.join(other, 'export-signing-public.pem'),
    );
    const result = await styring(scratch.dir, ['init', '--keys', 'halv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing to overwrite/);
    expect(fs.readdirSync(other)).toEqual(['export-signing-public.pem']);
  });
});
