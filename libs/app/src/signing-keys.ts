import * as fs from 'node:fs';
import * as path from 'node:path';
import { type GeneratedKeyPair, generateSigningKeyPair } from '@styring/audit-export';

/** Where `styring init` puts the export signing key pair, relative to the working directory. */
export const defaultKeyDirectory = './data/keys';

/** The two files of an export signing key pair in a folder: the private key signs, the public key verifies. */
export const signingKeyFiles = (directory: string) => ({
  privateKeyFile: path.join(directory, 'export-signing-private.pem'),
  publicKeyFile: path.join(directory, 'export-signing-public.pem'),
});

/**
 * Makes a new Ed25519 key pair for signing exports in `directory` (created when missing). Refuses, before
 * writing anything, when either file is there already: a replaced key would orphan every earlier export.
 */
export const generateKeyPairIn = async (directory: string): Promise<GeneratedKeyPair> => {
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  return generateSigningKeyPair(signingKeyFiles(directory));
};
