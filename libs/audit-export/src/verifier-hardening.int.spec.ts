import { execFile, execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicKeyFingerprint, verifyExport } from './format';
import { appendDemoHistory, firstWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';
import { VERIFIER_SOURCE } from './write-export';

interface Run {
  readonly code: number | string | null;
  readonly stdout: string;
  readonly killed: boolean;
}

/** Runs the verifier as an auditor would, killed if it has not answered within a second. */
const runVerifier = (folder: string, keyFile: string): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [VERIFIER_SOURCE, folder, '--public-key', keyFile],
      { timeout: 1000, maxBuffer: 1 << 20 },
      (error, stdout) =>
        resolve({ code: error ? (error.code ?? null) : 0, stdout, killed: error?.killed ?? false }),
    );
  });

describe('the verifier, given a folder prepared to harm it', () => {
  let fixture: ExportFixture;
  let original: string;
  let run = 0;

  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, firstWeek);
    original = (await fixture.exportAs('eksport', '2024-06-16T18:00:00.000Z')).directory;
  });
  afterAll(() => fixture.close());

  /** A fresh copy of the valid export, changed by `harm`. */
  const harmed = (harm: (folder: string) => void) => {
    const folder = join(fixture.dir, `kopi-${(run += 1)}`);
    cpSync(original, folder, { recursive: true });
    harm(folder);
    return folder;
  };

  it('refuses a manifest linked to /dev/zero within a second, without reading it', async () => {
    const folder = harmed((dir) => {
      rmSync(join(dir, 'manifest.json'));
      symlinkSync('/dev/zero', join(dir, 'manifest.json'));
    });
    const result = await runVerifier(folder, fixture.publicKeyFile);
    expect(result).toMatchObject({ killed: false, code: 1 });
    expect(result.stdout).toContain(
      'UGYLDIG (invalid): manifest.json: er en symbolsk lenke, ikke en vanlig fil',
    );
  });

  it('refuses a signature that is a FIFO instead of waiting for a writer', async () => {
    const folder = harmed((dir) => {
      rmSync(join(dir, 'manifest.sig'));
      execFileSync('mkfifo', [join(dir, 'manifest.sig')]);
    });
    const result = await runVerifier(folder, fixture.publicKeyFile);
    expect(result).toMatchObject({ killed: false, code: 1 });
    expect(result.stdout).toContain('manifest.sig: er en FIFO (navngitt rør), ikke en vanlig fil');
  });

  it('refuses a manifest larger than any real one before reading it', async () => {
    const folder = harmed((dir) => writeFileSync(join(dir, 'manifest.json'), Buffer.alloc(2 << 20, 0x20)));
    const result = await verifyExport(folder, { publicKey: fixture.publicKey });
    expect(result).toMatchObject({ valid: false, file: 'manifest.json' });
    if (!result.valid) expect(result.reason).toMatch(/more than the 1048576 allowed/);
  });

  it('refuses a key file that is a device', async () => {
    const result = await runVerifier(original, '/dev/zero');
    expect(result).toMatchObject({ killed: false, code: 2 });
  });

  it('refuses a manifest whose signingKeyFingerprint names another key than the one it verifies with', async () => {
    const other = publicKeyFingerprint(generateKeyPairSync('ed25519').publicKey);
    const folder = harmed((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const bytes = Buffer.from(
        JSON.stringify({ ...manifest, signingKeyFingerprint: other }, null, 2) + '\n',
      );
      writeFileSync(join(dir, 'manifest.json'), bytes);
      writeFileSync(join(dir, 'manifest.sig'), sign(null, bytes, fixture.signingKey));
    });
    const result = await verifyExport(folder, { publicKey: fixture.publicKey });
    expect(result).toMatchObject({ valid: false, file: 'manifest.json' });
    if (!result.valid) {
      expect(result.reason).toContain(
        `signingKeyFingerprint "${other}" is not the fingerprint of the pinned key`,
      );
    }
  });

  it('prints its own SHA-256, to compare with the published one', async () => {
    const result = await runVerifier(original, fixture.publicKeyFile);
    const own = createHash('sha256').update(readFileSync(VERIFIER_SOURCE)).digest('hex');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Verifikator: verify-export.js sha256:${own}`);
  });
});
