/**
 * Types for verify-export.js: the one implementation of the export format's hashing, line layout, manifest
 * rules, Merkle tree and verification, shared by the writer and carried in every export folder.
 */
import type { KeyObject } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { Hash } from 'node:crypto';

export declare const FORMAT: 'styring-audit-export';
export declare const FORMAT_VERSION: 1;
export declare const EVENTS_FILE: 'events.jsonl';
export declare const MANIFEST_FILE: 'manifest.json';
export declare const SIGNATURE_FILE: 'manifest.sig';
export declare const VERIFIER_FILE: 'verify-export.js';
export declare const CHECKSUMS_FILE: 'SHA256SUMS';
export declare const GENESIS_HASH: string;
export declare const EMPTY_TREE_ROOT: Buffer;

export declare function sha256(data: Buffer | string): Buffer;
export declare function leafHash(entry: Buffer): Buffer;
export declare function nodeHash(left: Buffer, right: Buffer): Buffer;

/** A hash as a "binary string": 32 characters, one byte each (latin1), as the Merkle tree holds them. */
export type BinaryHash = string;
export declare function toBinary(hash: Buffer): BinaryHash;
export declare function fromBinary(hash: BinaryHash): Buffer;
export declare function binaryToHex(hash: BinaryHash): string;
/** The Merkle leaf of an event, from its eventHash (hex). */
export declare function eventLeaf(eventHashHex: string): BinaryHash;

export type OnMerkleNode = (level: number, index: number, hash: BinaryHash) => void;

export declare class MerkleFrontier {
  constructor(onNode?: OnMerkleNode);
  readonly size: number;
  push(leaf: BinaryHash): void;
  root(): BinaryHash;
  /** Undefined when no complete subtree is smaller than 2^level. */
  edgeHash(level: number): BinaryHash | undefined;
}

export declare function verifyInclusion(
  leafIndex: number | bigint,
  treeSize: number | bigint,
  leaf: Buffer,
  proof: readonly Buffer[],
  root: Buffer,
): boolean;

export declare function verifyConsistency(
  size1: number | bigint,
  size2: number | bigint,
  root1: Buffer,
  root2: Buffer,
  proof: readonly Buffer[],
): boolean;

export interface FormattedEventLine {
  readonly line: string;
  readonly eventHashHex: string;
}

/** The most bytes the line of a record of `recordBytes` bytes can take, its line end included. */
export declare function maxEventLineBytes(recordBytes: number): number;

/** Writes the line of a record (the UTF-8 bytes of its canonical JSON) into `target` at `offset`. */
export declare function encodeEventLine(
  target: Buffer,
  offset: number,
  seq: number,
  prevHash: string,
  record: Uint8Array,
): { readonly end: number; readonly eventHashHex: string };

export declare function formatEventLine(
  seq: number,
  prevHash: string,
  recordJson: string,
): FormattedEventLine;

/** A text in English and in bokmål. */
export interface Texts {
  readonly en: string;
  readonly nb: string;
}

export type ParsedEventLine =
  | { readonly problem: Texts }
  | {
      readonly problem?: undefined;
      readonly eventHash: string;
      /** The line's hash as computed from its bytes (hex). */
      readonly computedHash: string;
      readonly prevHash: string;
      readonly seq: number;
      readonly recordStart: number;
      readonly recordEnd: number;
    };

export declare function parseEventLine(buf: Buffer, start: number, end: number): ParsedEventLine;

export declare class LineReader {
  static open(file: string, hash?: Hash): Promise<LineReader>;
  readonly handle: FileHandle;
  readonly view: Buffer;
  readonly lineNumber: number;
  readonly start: number;
  readonly end: number;
  readonly bytes: number;
  readonly rest: number;
  readonly lineOffset: number;
  next(): boolean;
  fill(): Promise<boolean>;
  advance(): Promise<boolean>;
  close(): Promise<void>;
}

export declare function publicKeyFingerprint(key: KeyObject): string;
export declare function parsePublicKey(bytes: Buffer): KeyObject;

export interface ManifestFile {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface ManifestRange {
  readonly firstGlobalPosition: string;
  readonly lastGlobalPosition: string;
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
}

export interface PreviousExportReference {
  readonly created: string;
  readonly treeSize: number;
  readonly merkleRoot: string;
  readonly chainHead: string;
  readonly manifestSha256: string;
  readonly consistencyProof: readonly string[];
}

export interface ExportManifest {
  readonly format: 'styring-audit-export';
  readonly formatVersion: 1;
  readonly origin: string;
  readonly created: string;
  readonly range: ManifestRange | null;
  readonly eventCount: number;
  readonly decisionCount: number;
  readonly changeCount: number;
  readonly treeSize: number;
  readonly merkleRoot: string;
  readonly chainHead: string;
  readonly hashAlgorithm: 'sha-256';
  readonly signatureAlgorithm: 'ed25519';
  readonly signingKeyFingerprint: string;
  readonly files: readonly ManifestFile[];
  readonly previous: PreviousExportReference | null;
}

export declare function parseManifest(bytes: Buffer): ExportManifest;

/** Reads manifest.json, checks manifest.sig against the key, then the manifest; throws an Error naming the file. */
export declare function readSignedManifest(
  directory: string,
  publicKey: KeyObject,
): Promise<{ readonly manifest: ExportManifest; readonly manifestSha256: string }>;

export interface VerifyExportOptions {
  /** The pinned key: a KeyObject, or the bytes or text of a key file (PEM, DER, raw 32 bytes, hex, base64). */
  readonly publicKey: KeyObject | Buffer | string;
  /** The folder of an earlier export signed with the same key. */
  readonly previous?: string;
  /**
   * A tree head cosigned by a witness: the export must extend it. Without `cosignature`, the largest tree
   * head among the cosignatures the export carries that verify with `key` (none is invalid).
   */
  readonly witness?: {
    /** The cosigned checkpoint (signed note) as text, as the witness kept it. */
    readonly cosignature?: string;
    /** The witness's verifier key (vkey), `<name>+<key ID>+<base64 key>`. */
    readonly key: string;
  };
  /** The language of an invalid export's `file`, `reason` and `message`: English (default) or bokmål. */
  readonly lang?: 'en' | 'nb';
}

export interface WitnessLink {
  readonly cosigner: string;
  readonly treeSize: number;
  readonly merkleRoot: string;
  /** When the witness cosigned, ISO 8601. */
  readonly cosigned: string;
  /** True when the cosignature is one the export carries, not one the auditor kept. */
  readonly carried: boolean;
}

/** A witness cosignature an export carries, its tree head checked against the events. */
export interface CarriedCosignature {
  readonly file: string;
  readonly treeSize: number;
  /** The names on its cosignature lines (their signatures are checked only with a witness key). */
  readonly cosigners: readonly string[];
}

/** A checkpoint note read without a key: its tree head and its Ed25519 cosignature lines. */
export interface CheckpointNote {
  readonly body: string;
  readonly origin: string;
  readonly treeSize: number;
  readonly merkleRoot: string;
  readonly cosignatures: readonly {
    readonly name: string;
    readonly keyId: Buffer;
    readonly timestamp: bigint;
    readonly signature: Buffer;
  }[];
}

export interface CosignerKey {
  readonly name: string;
  readonly keyId: Buffer;
  readonly publicKey: KeyObject;
}

export interface CosignedCheckpoint {
  readonly origin: string;
  readonly treeSize: number;
  readonly merkleRoot: string;
  /** POSIX seconds. */
  readonly timestamp: number;
  readonly cosigner: string;
}

/** The C2SP checkpoint body: origin, tree size, base64 root hash, each line `\n`-terminated. */
export declare function checkpointBody(origin: string, treeSize: number, rootHex: string): string;
/** The message a tlog-cosignature/v1 (Ed25519) signs. */
export declare function cosignedMessage(timestamp: bigint | number, body: string): Buffer;
/** SHA-256(name || "\n" || 0x04 || public key)[:4]. */
export declare function cosignerKeyId(name: string, rawPublicKey: Buffer): Buffer;
/** The signed-note verifier key of a cosigner. */
export declare function formatCosignerVerifierKey(name: string, publicKey: KeyObject): string;
/** `<name>+<key ID>+<base64(0x04 || 32 bytes)>` split: the 32 bytes as `key`. */
export declare function splitNoteKey(text: string): {
  readonly name: string;
  readonly keyIdHex: string;
  readonly key: Buffer;
};
export declare function parseCosignerVerifierKey(text: string): CosignerKey;
/** `— <name> base64(key ID || timestamp || signature)` and a line end. */
export declare function cosignatureLine(
  name: string,
  keyId: Buffer,
  timestamp: number,
  signature: Buffer,
): string;
export declare function parseCosignedCheckpoint(text: string, cosigner: CosignerKey): CosignedCheckpoint;
/** Throws an Error saying what is wrong when the text is not a checkpoint note. */
export declare function parseCheckpointNote(text: string): CheckpointNote;
/** `witness-<tree size>-<key ID hex>.cosignature`: the files of the cosignatures an export carries. */
export declare const WITNESS_COSIGNATURE_FILE: RegExp;
export declare function witnessCosignatureFileName(treeSize: number, keyIdHex: string): string;

export interface PreviousExportLink {
  readonly treeSize: number;
  readonly merkleRoot: string;
  readonly created: string;
  /** False when the manifest carries no proof from exactly that tree size; the events were checked directly. */
  readonly consistencyProofChecked: boolean;
  /** True when the manifest names exactly that previous manifest (by its SHA-256). */
  readonly sameManifest: boolean;
}

export type VerifyExportResult =
  | {
      readonly valid: true;
      readonly publicKeyFingerprint: string;
      readonly manifest: ExportManifest;
      readonly manifestSha256: string;
      readonly previous?: PreviousExportLink;
      readonly witness?: WitnessLink;
      readonly carriedCosignatures: readonly CarriedCosignature[];
    }
  | {
      readonly valid: false;
      readonly publicKeyFingerprint: string;
      /** The first bad file, e.g. `events.jsonl` or `previous export: manifest.json`. */
      readonly file: string;
      /** The first bad line of that file, when one can be named (1-based). */
      readonly line?: number;
      readonly reason: string;
      /** `file line N: reason`. */
      readonly message: string;
    };

export declare function verifyExport(
  directory: string,
  options: VerifyExportOptions,
): Promise<VerifyExportResult>;

/** The command line: resolves to the exit status (0 valid, 1 invalid, 2 usage error). */
export declare function main(
  args: readonly string[],
  out?: { write(text: string): unknown },
  err?: { write(text: string): unknown },
): Promise<0 | 1 | 2>;
