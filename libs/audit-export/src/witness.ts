import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AuditExportError } from './audit-export-error';
import {
  checkpointBody,
  cosignatureLine,
  cosignedMessage,
  cosignerKeyId,
  formatCosignerVerifierKey,
  splitNoteKey,
  verifyExport,
} from './format';
import { writeFileAtomically } from './write-file-atomically';

/**
 * A witness outside the municipality (the auditor) countersigns the tree head of an export it verified, in
 * the C2SP formats: a tlog-checkpoint note with an Ed25519 tlog-cosignature/v1 line. A later export must
 * then extend that tree head, so a history rewritten and freshly re-signed is caught.
 */

// PKCS #8 DER of an Ed25519 private key is this prefix and the 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const PRIVATE_KEY_PREFIX = 'PRIVATE+KEY+';

const invalid = (field: string, why: string) => new AuditExportError('invalid_option', `${field}: ${why}`);

export interface WitnessKeyFiles {
  /** Secret: `PRIVATE+KEY+<name>+<key ID>+<base64(0x04 || seed)>`, mode 0600. */
  readonly privateKeyFile: string;
  /** To publish or send to whoever verifies: `<name>+<key ID>+<base64(0x04 || public key)>` (a vkey). */
  readonly verifierKeyFile: string;
}

const rawPublicKey = (privateKey: KeyObject) =>
  createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(12);

const seedOf = (privateKey: KeyObject) =>
  privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519_PREFIX.length);

/** Makes a witness key pair named `name` (a schema-less URL, e.g. `revisjon.example/romerike`). */
export const generateWitnessKeyPair = async (
  name: string,
  files: WitnessKeyFiles,
): Promise<{ readonly verifierKey: string }> => {
  if (!/^[^\s+\u2014]+$/.test(name)) throw invalid('name', 'must be non-empty, without spaces, "+" or "—"');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const verifierKey = formatCosignerVerifierKey(name, publicKey);
  const keyId = cosignerKeyId(name, rawPublicKey(privateKey)).toString('hex');
  const secret = Buffer.concat([Buffer.from([0x04]), seedOf(privateKey)]).toString('base64');
  const write = (file: string, text: string, mode: number) =>
    writeFileAtomically(file, text, mode).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST'
        ? new AuditExportError('key_file_exists', `${file} exists already; refusing to overwrite a key`)
        : error;
    });
  await write(files.privateKeyFile, `${PRIVATE_KEY_PREFIX}${name}+${keyId}+${secret}\n`, 0o600);
  await write(files.verifierKeyFile, `${verifierKey}\n`, 0o644);
  return { verifierKey };
};

interface WitnessKey {
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly keyId: Buffer;
}

const parseWitnessKey = (text: string, file: string): WitnessKey => {
  let parts: ReturnType<typeof splitNoteKey>;
  try {
    if (!text.startsWith(PRIVATE_KEY_PREFIX)) throw new Error(`it does not start with ${PRIVATE_KEY_PREFIX}`);
    parts = splitNoteKey(text.slice(PRIVATE_KEY_PREFIX.length));
  } catch (error) {
    throw invalid(file, `is not a witness private key: ${(error as Error).message}`);
  }
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, parts.key]),
    format: 'der',
    type: 'pkcs8',
  });
  const keyId = cosignerKeyId(parts.name, rawPublicKey(privateKey));
  if (keyId.toString('hex') !== parts.keyIdHex)
    throw invalid(file, 'its key ID does not match its name and key');
  return { name: parts.name, privateKey, keyId };
};

export interface CosignOptions {
  /** The municipality's public key, pinned by the witness: the export is verified before it is cosigned. */
  readonly publicKey: KeyObject | Buffer | string;
  /** The witness's private key file (from generateWitnessKeyPair). */
  readonly witnessKeyFile: string;
  /** The cosignature's time. */
  readonly clock: () => Date;
}

/**
 * Verifies the export, then returns its tree head as a checkpoint cosigned by the witness (the text of a
 * signed note, to keep or send back). Refuses an export that does not verify: a witness vouches only for
 * what it checked.
 */
export const cosignExport = async (directory: string, options: CosignOptions): Promise<string> => {
  const key = parseWitnessKey(await readFile(options.witnessKeyFile, 'utf8'), options.witnessKeyFile);
  const result = await verifyExport(directory, { publicKey: options.publicKey });
  if (!result.valid) {
    throw new AuditExportError('invalid_export', `not cosigned: the export is invalid: ${result.message}`);
  }
  const { origin, treeSize, merkleRoot } = result.manifest;
  const body = checkpointBody(origin, treeSize, merkleRoot);
  const timestamp = Math.floor(options.clock().getTime() / 1000);
  const signature = sign(null, cosignedMessage(timestamp, body), key.privateKey);
  return `${body}\n${cosignatureLine(key.name, key.keyId, timestamp, signature)}`;
};
