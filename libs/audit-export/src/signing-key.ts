import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { AuditExportError } from './audit-export-error';
import { publicKeyFingerprint } from './format';
import { writeFileAtomically } from './write-file-atomically';

/** The environment variable a signing key may come from: PEM (PKCS #8), or its base64 body on one line. */
export const SIGNING_KEY_ENV = 'STYRING_SIGNING_KEY';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** `sha256:<hex>` of the public key (DER): what the auditor compares with the key they pinned. */
  readonly fingerprint: string;
}

const invalid = (source: string, why: string) =>
  new AuditExportError('invalid_signing_key', `${source}: ${why}`);

/** Checks that a key object is an Ed25519 private key, and pairs it with its public key. */
export const toSigningKey = (privateKey: KeyObject, source = 'signing key'): SigningKey => {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw invalid(
      source,
      `is a ${privateKey.asymmetricKeyType ?? privateKey.type} ${privateKey.type} key, not an Ed25519 private key`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: publicKeyFingerprint(publicKey) };
};

// Never put the key text into a message: errors end up in logs.
const parsePrivateKey = (text: string, source: string): SigningKey => {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey({
          key: trimmed.includes('\n') ? trimmed : trimmed.replaceAll('\\n', '\n'),
          format: 'pem',
        })
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw invalid(source, 'is not a private key in PEM (PKCS #8) form, nor its base64 body');
  }
  return toSigningKey(key, source);
};

export interface SigningKeySource {
  /** A PEM file, readable by its owner only. Takes precedence over the environment. */
  readonly file?: string;
  /** Where to look for STYRING_SIGNING_KEY; the process environment by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Loads the signing key from a file or from STYRING_SIGNING_KEY. */
export const loadSigningKey = async (source: SigningKeySource = {}): Promise<SigningKey> => {
  if (source.file !== undefined) {
    const label = `signing key file ${source.file}`;
    const stats = await lstat(source.file).catch((error: NodeJS.ErrnoException) => {
      throw invalid(label, `cannot be read (${error.code ?? error.message})`);
    });
    if (!stats.isFile()) throw invalid(label, 'is not a regular file');
    if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
      const mode = (stats.mode & 0o777).toString(8);
      throw invalid(label, `can be read by other users (mode ${mode}); run: chmod 600 ${source.file}`);
    }
    const text = await readFile(source.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw invalid(label, `cannot be read (${error.code ?? error.message})`);
    });
    if (text.trim() === '') {
      throw invalid(
        label,
        'is empty: it was never written completely; restore the key from its backup (a new key starts a new chain of exports)',
      );
    }
    return parsePrivateKey(text, label);
  }
  const value = (source.env ?? process.env)[SIGNING_KEY_ENV];
  if (value === undefined || value.trim() === '') {
    throw new AuditExportError(
      'invalid_signing_key',
      `no signing key: give a key file, or set ${SIGNING_KEY_ENV} to the private key (PEM)`,
    );
  }
  return parsePrivateKey(value, SIGNING_KEY_ENV);
};

export interface GeneratedKeyPair {
  readonly privateKeyFile: string;
  readonly publicKeyFile: string;
  readonly fingerprint: string;
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

/**
 * Makes a new Ed25519 key pair: the private key as PKCS #8 PEM readable by its owner only (0600), the
 * public key as SPKI PEM to hand to the auditor. Refuses to overwrite either file. Each is written
 * atomically, so a full disk or a crash never leaves an empty or partial key under its name.
 */
export const generateSigningKeyPair = async (files: {
  readonly privateKeyFile: string;
  readonly publicKeyFile: string;
}): Promise<GeneratedKeyPair> => {
  for (const file of [files.privateKeyFile, files.publicKeyFile]) {
    if (await exists(file))
      throw new AuditExportError('key_file_exists', `${file} exists already; refusing to overwrite a key`);
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const write = (file: string, pem: string | Buffer, mode: number) =>
    writeFileAtomically(file, String(pem), mode).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST')
        throw new AuditExportError('key_file_exists', `${file} exists already; refusing to overwrite a key`);
      throw new AuditExportError(
        'invalid_signing_key',
        `${file}: cannot be written (${error.code ?? error.message})`,
        {
          cause: error,
        },
      );
    });
  await write(files.privateKeyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), 0o600);
  await write(files.publicKeyFile, publicKey.export({ format: 'pem', type: 'spki' }), 0o644);
  return { ...files, fingerprint: publicKeyFingerprint(publicKey) };
};
