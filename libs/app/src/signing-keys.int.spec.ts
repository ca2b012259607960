import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateKeyPairIn } from './signing-keys';

describe('generateKeyPairIn', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-keys-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a matching Ed25519 pair, the private key readable by its owner only', async () => {
    const keys = await generateKeyPairIn(path.join(dir, 'data', 'keys'));
    const privateKey = crypto.createPrivateKey(fs.readFileSync(keys.privateKeyFile));
    const publicKey = crypto.createPublicKey(fs.readFileSync(keys.publicKeyFile));
    const signature = crypto.sign(null, Buffer.from('manifest'), privateKey);
    expect(crypto.verify(null, Buffer.from('manifest'), publicKey, signature)).toBe(true);
    expect(fs.statSync(keys.privateKeyFile).mode & 0o077).toBe(0);
  });

  it('refuses to overwrite an existing pair and leaves it as it was', async () => {
    const first = await generateKeyPairIn(dir);
    const before = fs.readFileSync(first.privateKeyFile);
    await expect(generateKeyPairIn(dir)).rejects.toThrow(/refusing to overwrite/);
    expect(fs.readFileSync(first.privateKeyFile)).toEqual(before);
  });
});
