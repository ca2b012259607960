import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The embedded default's signing key: one Ed25519 key pair under the data directory, made on first use. */
export interface LocalKeyPair {
  readonly privateKey: crypto.KeyObject;
  readonly publicKey: crypto.KeyObject;
  readonly privateKeyFile: string;
  readonly publicKeyFile: string;
  /** True when this call made the key pair. */
  readonly created: boolean;
}

export const localKeyFiles = (dataDir: string) => ({
  privateKeyFile: path.join(dataDir, 'api', 'jwt-private.pem'),
  publicKeyFile: path.join(dataDir, 'api', 'jwt-public.pem'),
});

/**
 * Loads the local key pair, creating it when missing. The private key is written to a temporary file and
 * linked into place, so a CLI and a server starting together never end up with two different keys.
 */
export const ensureLocalKeyPair = (dataDir: string): LocalKeyPair => {
  const { privateKeyFile, publicKeyFile } = localKeyFiles(dataDir);
  let created = false;
  if (!fs.existsSync(privateKeyFile)) {
    fs.mkdirSync(path.dirname(privateKeyFile), { recursive: true, mode: 0o700 });
    const pem = crypto
      .generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const temporary = `${privateKeyFile}.${process.pid}.${crypto.randomUUID()}.tmp`;
    fs.writeFileSync(temporary, pem, { mode: 0o600 });
    try {
      fs.linkSync(temporary, privateKeyFile);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(temporary);
    }
  }
  const privateKey = crypto.createPrivateKey(fs.readFileSync(privateKeyFile));
  const publicKey = crypto.createPublicKey(privateKey);
  // Derived from the private key, so rewriting it is harmless; it is there for operators and other services.
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  if (!fs.existsSync(publicKeyFile) || fs.readFileSync(publicKeyFile, 'utf8') !== publicPem) {
    fs.writeFileSync(publicKeyFile, publicPem);
  }
  return { privateKey, publicKey, privateKeyFile, publicKeyFile, created };
};
