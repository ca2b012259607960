import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePublicKey, publicKeyFingerprint } from './format';
import { generateSigningKeyPair, loadSigningKey, SIGNING_KEY_ENV } from './signing-key';

describe('signing keys', () => {
  let dir: string;
  let files: { privateKeyFile: string; publicKeyFile: string };
  let fingerprint: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'styring-keys-'));
    files = { privateKeyFile: join(dir, 'signering.key'), publicKeyFile: join(dir, 'signering.pub.pem') };
    fingerprint = (await generateSigningKeyPair(files)).fingerprint;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are generated as an Ed25519 pair: a private PEM readable by its owner only, a public PEM to hand out', () => {
    expect(statSync(files.privateKeyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(files.privateKeyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const publicKey = parsePublicKey(readFileSync(files.publicKeyFile));
    expect(publicKey.asymmetricKeyType).toBe('ed25519');
    expect(fingerprint).toBe(publicKeyFingerprint(publicKey));
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('are never generated over existing files', async () => {
    const before = readFileSync(files.privateKeyFile);
    const publicBefore = readFileSync(files.publicKeyFile);
    await expect(generateSigningKeyPair(files)).rejects.toMatchObject({ code: 'key_file_exists' });
    expect(readFileSync(files.privateKeyFile)).toEqual(before);
    expect(readFileSync(files.publicKeyFile)).toEqual(publicBefore);
    // Only the public key exists: no new private key is written beside it.
    const newPrivateKeyFile = join(dir, 'ny.key');
    await expect(
      generateSigningKeyPair({ privateKeyFile: newPrivateKeyFile, publicKeyFile: files.publicKeyFile }),
    ).rejects.toMatchObject({ code: 'key_file_exists' });
    expect(existsSync(newPrivateKeyFile)).toBe(false);
    expect(readFileSync(files.publicKeyFile)).toEqual(publicBefore);
  });

  it('load from a file, and from STYRING_SIGNING_KEY as PEM, as PEM with \\n escapes, or as its base64 body', async () => {
    const pem = readFileSync(files.privateKeyFile, 'utf8');
    const body = pem
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('-----'))
      .join('');
    for (const source of [
      { file: files.privateKeyFile },
      { env: { [SIGNING_KEY_ENV]: pem } },
      { env: { [SIGNING_KEY_ENV]: pem.trim().replaceAll('\n', '\\n') } },
      { env: { [SIGNING_KEY_ENV]: body } },
    ]) {
      expect((await loadSigningKey(source)).fingerprint).toBe(fingerprint);
    }
  });

  it('refuse a key file others can read, naming the fix', async () => {
    const open = join(dir, 'apen.key');
    writeFileSync(open, readFileSync(files.privateKeyFile));
    chmodSync(open, 0o644);
    await expect(loadSigningKey({ file: open })).rejects.toThrow(
      `signing key file ${open}: can be read by other users (mode 644); run: chmod 600 ${open}`,
    );
  });

  it('refuse what is not an Ed25519 private key, without repeating the secret in the message', async () => {
    const secret = 'not-a-key-but-maybe-a-password';
    await expect(loadSigningKey({ env: { [SIGNING_KEY_ENV]: secret } })).rejects.toThrow(
      'STYRING_SIGNING_KEY: is not a private key in PEM (PKCS #8) form, nor its base64 body',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    await expect(loadSigningKey({ env: { [SIGNING_KEY_ENV]: rsa.toString() } })).rejects.toMatchObject({
      code: 'invalid_signing_key',
      message: 'STYRING_SIGNING_KEY: is a rsa private key, not an Ed25519 private key',
    });
    await expect(loadSigningKey({ env: {} })).rejects.toThrow(
      'no signing key: give a key file, or set STYRING_SIGNING_KEY',
    );
    const error = await loadSigningKey({ env: { [SIGNING_KEY_ENV]: secret } }).catch((e: Error) => e);
    expect(String((error as Error).stack)).not.toContain(secret);
  });

  it('refuse an empty key file, naming it and what to do', async () => {
    const empty = join(dir, 'tom.key');
    writeFileSync(empty, '', { mode: 0o600 });
    await expect(loadSigningKey({ file: empty })).rejects.toMatchObject({
      code: 'invalid_signing_key',
      message: expect.stringContaining(`signing key file ${empty}: is empty`),
    });
  });

  it('are never left empty or cut short by a full disk: the key file is complete or absent', () => {
    const library = join(__dirname, '..');
    // CI builds before jest; locally this is quick when nothing changed.
    execFileSync('npx', ['tsc', '-b', join(library, 'tsconfig.json')], { cwd: join(library, '..', '..') });
    const full = join(dir, 'full-disk');
    mkdirSync(full);
    const script =
      `require(${JSON.stringify(join(library, 'dist', 'index.js'))})` +
      `.generateSigningKeyPair({ privateKeyFile: 'signering.key', publicKeyFile: 'signering.pub.pem' })` +
      `.then(() => process.exit(0), (error) => { console.error(error.message); process.exit(1); })`;
    // `ulimit -f 0`: no file may grow, as on a full disk; the first write fails (EFBIG).
    const run = spawnSync('bash', ['-c', `ulimit -f 0; exec "$0" -e "$1"`, process.execPath, script], {
      cwd: full,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('signering.key: cannot be written (EFBIG)');
    expect(readdirSync(full)).toEqual([]);
  });
});
