import { verify as verifySignature } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditExportError } from './audit-export-error';
import {
  EVENTS_FILE,
  eventLeaf,
  fromBinary,
  LineReader,
  MANIFEST_FILE,
  parseEventLine,
  parseManifest,
  parsePublicKey,
  publicKeyFingerprint,
  SIGNATURE_FILE,
  type Texts,
  verifyInclusion,
} from './format';
import { proveInclusion } from './prove-inclusion';

/**
 * Proof that one line of events.jsonl (one decision, say) belongs to a signed export, to cite in a letter:
 * the RFC 9162 audit path and the signed tree head (the manifest's exact bytes and their Ed25519
 * signature). Whoever holds it, the line and the municipality's public key can check it, without the export.
 */
export interface EventProof {
  readonly format: 'styring-inclusion-proof';
  readonly formatVersion: 1;
  readonly seq: number;
  readonly eventId: string;
  readonly eventHash: string;
  /** The audit path, lowest node first, hex. */
  readonly proof: readonly string[];
  readonly signedTreeHead: {
    readonly treeSize: number;
    readonly merkleRoot: string;
    /** manifest.json's exact bytes, base64; its signature covers them. */
    readonly manifest: string;
    /** manifest.sig, base64. */
    readonly signature: string;
  };
}

/** The line of an event: its number, or the line whose record has that eventId. */
const findLine = async (directory: string, selector: string): Promise<{ seq: number; text: string }> => {
  const bySeq = /^[1-9][0-9]*$/.test(selector) ? Number(selector) : undefined;
  const reader = await LineReader.open(join(directory, EVENTS_FILE));
  try {
    while (await reader.advance()) {
      const text = reader.view.toString('utf8', reader.start, reader.end);
      if (reader.lineNumber === bySeq) return { seq: bySeq, text };
      if (bySeq === undefined && text.includes(selector)) {
        const parsed = JSON.parse(text) as { record?: { eventId?: unknown } };
        if (parsed.record?.eventId === selector) return { seq: reader.lineNumber, text };
      }
    }
  } finally {
    await reader.close();
  }
  throw new AuditExportError(
    'invalid_option',
    `event: no line ${selector} and no event with that id in the export`,
  );
};

/** Builds the proof for one event of an export, by its line number or its event id; and the line itself. */
export const proveEvent = async (
  directory: string,
  selector: string,
): Promise<{ readonly proof: EventProof; readonly line: string }> => {
  const { seq, text } = await findLine(directory, selector);
  const inclusion = await proveInclusion(directory, seq);
  const manifestBytes = await readFile(join(directory, MANIFEST_FILE));
  const manifest = parseManifest(manifestBytes);
  if (manifest.merkleRoot !== inclusion.merkleRoot || manifest.treeSize !== inclusion.treeSize) {
    throw new AuditExportError(
      'invalid_export',
      `${EVENTS_FILE} does not hash to the signed root: verify the export`,
    );
  }
  const { record } = JSON.parse(text) as { record: { eventId: string } };
  return {
    line: text,
    proof: {
      format: 'styring-inclusion-proof',
      formatVersion: 1,
      seq,
      eventId: record.eventId,
      eventHash: inclusion.eventHash,
      proof: inclusion.proof,
      signedTreeHead: {
        treeSize: manifest.treeSize,
        merkleRoot: manifest.merkleRoot,
        manifest: manifestBytes.toString('base64'),
        signature: (await readFile(join(directory, SIGNATURE_FILE))).toString('base64'),
      },
    },
  };
};

export type EventProofResult =
  | {
      readonly valid: true;
      readonly seq: number;
      readonly treeSize: number;
      readonly created: string;
      readonly origin: string;
    }
  | { readonly valid: false; readonly reason: string };

/**
 * Checks a proof with only the line and the public key: the signature of the tree head, that the key is the
 * one the manifest names, that the line is intact and is line `seq`, and that the audit path leads from its
 * leaf to the signed root. The reason a proof fails is in English, or in bokmål with `lang` `nb`.
 */
export const verifyEventProof = (
  proof: EventProof,
  line: string,
  publicKeyBytes: Buffer,
  lang: keyof Texts = 'en',
): EventProofResult => {
  const fail = (reason: Texts): EventProofResult => ({ valid: false, reason: reason[lang] });
  const publicKey = parsePublicKey(publicKeyBytes);
  const manifestBytes = Buffer.from(proof.signedTreeHead.manifest, 'base64');
  const signature = Buffer.from(proof.signedTreeHead.signature, 'base64');
  if (signature.length !== 64 || !verifySignature(null, manifestBytes, publicKey, signature)) {
    return fail({
      en: 'the signed tree head does not verify with the public key',
      nb: 'det signerte trehodet stemmer ikke med den offentlige nøkkelen',
    });
  }
  let manifest: ReturnType<typeof parseManifest>;
  try {
    manifest = parseManifest(manifestBytes);
  } catch (error) {
    const texts = (error as { texts?: Texts }).texts ?? { en: String(error), nb: String(error) };
    return fail({ en: `the signed tree head: ${texts.en}`, nb: `det signerte trehodet: ${texts.nb}` });
  }
  if (manifest.signingKeyFingerprint !== publicKeyFingerprint(publicKey)) {
    return fail({
      en: 'the signed tree head names another signing key',
      nb: 'det signerte trehodet oppgir en annen signeringsnøkkel',
    });
  }
  const bytes = Buffer.from(line.replace(/\n$/, ''), 'utf8');
  const parsed = parseEventLine(bytes, 0, bytes.length);
  if (parsed.problem !== undefined)
    return fail({ en: `the line: ${parsed.problem.en}`, nb: `linjen: ${parsed.problem.nb}` });
  if (parsed.computedHash !== parsed.eventHash) {
    return fail({
      en: 'the line was changed: it does not hash to its eventHash',
      nb: 'linjen er endret: den gir ikke sin eventHash',
    });
  }
  if (parsed.seq !== proof.seq) {
    return fail({
      en: `the line is line ${parsed.seq}, the proof is for line ${proof.seq}`,
      nb: `linjen er linje ${parsed.seq}, beviset gjelder linje ${proof.seq}`,
    });
  }
  const included = verifyInclusion(
    proof.seq - 1,
    manifest.treeSize,
    fromBinary(eventLeaf(parsed.computedHash)),
    proof.proof.map((node) => Buffer.from(node, 'hex')),
    Buffer.from(manifest.merkleRoot, 'hex'),
  );
  if (!included) {
    return fail({
      en: `the audit path does not lead from line ${proof.seq} to the signed root`,
      nb: `revisjonsstien fører ikke fra linje ${proof.seq} til den signerte roten`,
    });
  }
  return {
    valid: true,
    seq: proof.seq,
    treeSize: manifest.treeSize,
    created: manifest.created,
    origin: manifest.origin,
  };
};
