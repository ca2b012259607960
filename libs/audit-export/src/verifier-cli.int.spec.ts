import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicKeyFingerprint } from './format';
import { appendDemoHistory, firstWeek, laterStatusReports, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the verifier copy an export carries, as an auditor would: plain `node`, from a folder of its own. */
const runVerifier = (cwd: string, args: readonly string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, ['verify-export.js', ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

describe('verify-export.js run by node on an export folder', () => {
  let fixture: ExportFixture;
  let auditor: string;

  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, firstWeek);
    const first = (await fixture.exportAs('uke-24', '2024-06-16T18:00:00.000Z')).directory;
    await appendDemoHistory(fixture.store, [...secondWeek, ...laterStatusReports(20)], firstWeek.length + 1);
    const second = (await fixture.exportAs('uke-30', '2024-07-28T18:00:00.000Z', { previousExport: first }))
      .directory;
    // The auditor's machine: the two folders as received, and the key as pinned; nothing of the monorepo.
    auditor = join(fixture.dir, 'revisor');
    mkdirSync(auditor);
    cpSync(first, join(auditor, 'uke-24'), { recursive: true });
    cpSync(second, join(auditor, 'uke-30'), { recursive: true });
    cpSync(fixture.publicKeyFile, join(auditor, 'kommunens-nokkel.pem'));
  });
  afterAll(() => fixture.close());

  const inExport = (name: string) => join(auditor, name);

  it('exits 0 on a valid export and prints, in Norwegian, the key fingerprint and what it checked', async () => {
    const run = await runVerifier(inExport('uke-30'), ['.', '--public-key', '../kommunens-nokkel.pem']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Offentlig nøkkel: ${publicKeyFingerprint(fixture.publicKey)}`);
    expect(run.stdout).toContain('Hendelser: 32 (globale posisjoner 1–32');
    expect(run.stdout.trimEnd().endsWith('GYLDIG (valid)')).toBe(true);
  });

  it('says the same in English with --lang en', async () => {
    const run = await runVerifier(inExport('uke-30'), [
      '.',
      '--lang',
      'en',
      '--public-key',
      '../kommunens-nokkel.pem',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Public key: ${publicKeyFingerprint(fixture.publicKey)}`);
    expect(run.stdout).toContain('Events: 32 (global positions 1–32');
    expect(run.stdout.trimEnd().endsWith('VALID (gyldig)')).toBe(true);
  });

  it('warns that a rewritten history cannot be detected when neither a previous export nor a witness is given', async () => {
    const alone = await runVerifier(inExport('uke-30'), [
      '.',
      '--lang=en',
      '--public-key',
      '../kommunens-nokkel.pem',
    ]);
    expect(alone.stdout).toContain(
      'WARNING: neither a previous export (--previous) nor a witness (--witness) was given',
    );
    const linked = await runVerifier(inExport('uke-30'), [
      '.',
      '--lang=en',
      '--public-key=../kommunens-nokkel.pem',
      '--previous',
      '../uke-24',
    ]);
    expect(linked.code).toBe(0);
    expect(linked.stdout).not.toContain('WARNING');
  });

  it('exits 0 and reports the consistency proof when given the previous export', async () => {
    const run = await runVerifier(inExport('uke-30'), [
      '.',
      '--public-key=../kommunens-nokkel.pem',
      '--lang',
      'en',
      '--previous',
      '../uke-24',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Previous export (created 2024-06-16T18:00:00.000Z, tree size 8): extended, not rewritten; consistency proof verified',
    );
  });

  it('accepts the pinned key as the raw 32 bytes, or as hex', async () => {
    const raw = fixture.publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    writeFileSync(join(auditor, 'nokkel.raw'), raw);
    writeFileSync(join(auditor, 'nokkel.hex'), raw.toString('hex') + '\n');
    for (const key of ['../nokkel.raw', '../nokkel.hex']) {
      expect((await runVerifier(inExport('uke-24'), ['.', '--public-key', key])).code).toBe(0);
    }
  });

  it('exits 1 on a changed export and names the first bad line and why, in bokmål or with --lang en', async () => {
    const changed = join(auditor, 'uke-30-endret');
    cpSync(inExport('uke-30'), changed, { recursive: true });
    const file = join(changed, 'events.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[16] = lines[16]!.replace('"health":"gronn"', '"health":"rod"');
    writeFileSync(file, lines.join('\n'));
    const args = [changed, '--public-key', '../kommunens-nokkel.pem'];
    const norwegian = await runVerifier(inExport('uke-30'), args);
    expect(norwegian.code).toBe(1);
    expect(norwegian.stdout).toContain(
      'UGYLDIG (invalid): events.jsonl linje 17: linjens innhold stemmer ikke med dens eventHash: linjen er endret\n',
    );
    const english = await runVerifier(inExport('uke-30'), [...args, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.stdout).toContain(
      "INVALID (ugyldig): events.jsonl line 17: the line's content does not match its eventHash: the line was changed\n",
    );
  });

  it.each([
    ['no arguments', [], 'give exactly one export folder'],
    ['no pinned key', ['.'], '--public-key is required'],
    [
      'a key file that does not exist',
      ['.', '--public-key', 'mangler.pem'],
      'cannot read the public key file mangler.pem',
    ],
    [
      'a private key given as the pinned key',
      ['.', '--public-key', '../privat.pem'],
      'this is a private key',
    ],
    [
      'a folder that does not exist',
      ['../finnes-ikke', '--public-key', '../kommunens-nokkel.pem'],
      'is not a folder',
    ],
    ['an unknown language', ['.', '--public-key', '../kommunens-nokkel.pem', '--lang', 'sv'], '--lang is nb'],
    [
      'an unknown option',
      ['.', '--public-key', '../kommunens-nokkel.pem', '--fast'],
      'unknown option --fast',
    ],
  ])('exits 2 on a usage error: %s', async (_, args, message) => {
    writeFileSync(join(auditor, 'privat.pem'), fixture.signingKey.export({ format: 'pem', type: 'pkcs8' }));
    const run = await runVerifier(inExport('uke-24'), args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage: node verify-export.js EXPORT_DIR --public-key KEY_FILE');
  });
});
