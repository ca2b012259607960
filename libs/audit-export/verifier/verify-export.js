#!/usr/bin/env node
/*
 * Offline verifier for styring audit exports.
 *
 *   node verify-export.js EXPORT_DIR --public-key KEY_FILE [--previous PREVIOUS_EXPORT_DIR]
 *     [[--witness COSIGNATURE_FILE] --witness-key WITNESS_VERIFIER_KEY_FILE] [--lang nb|en]
 *
 * It reports in Norwegian (bokmål) unless given `--lang en`. Exit status: 0 the export is valid, 1 it is not (the first bad file or line is named), 2 usage error.
 *
 * This one file needs nothing but Node.js (16 or newer) and the export folder: every export carries a copy,
 * and the export writer in @styring/audit-export takes its hashing, line format, manifest rules and Merkle
 * tree from this file, so writer and verifier cannot drift apart. The format is described in the README of
 * @styring/audit-export and in each export's rapport.html.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const FORMAT = 'styring-audit-export';
const FORMAT_VERSION = 1;
const EVENTS_FILE = 'events.jsonl';
const MANIFEST_FILE = 'manifest.json';
const SIGNATURE_FILE = 'manifest.sig';
const VERIFIER_FILE = 'verify-export.js';
/** The `prevHash` of the first line: there is nothing before it. */
const GENESIS_HASH = '0'.repeat(64);

// ---------------------------------------------------------------------------------------------------------
// Messages, in the two languages the verifier reports in
// ---------------------------------------------------------------------------------------------------------

/** A text in English (`en`, the library's default and `--lang en`) and in Norwegian bokmål (`nb`). */
const both = (en, nb) => ({ en, nb });

/** An Error whose message is English and which says the same in bokmål too (`texts.nb`). */
class Problem extends Error {
  constructor(texts) {
    super(texts.en);
    this.texts = texts;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Hashing and the Merkle tree of RFC 9162 §2.1
// ---------------------------------------------------------------------------------------------------------

// Digests come back from Node as strings: a Buffer per digest costs a backing store each, several times the
// price of the hash itself for the small inputs of the Merkle tree, and an export hashes three times per event.
// Inside the tree, hashes are "binary strings": 32 characters, one byte each (latin1).

/** SHA-256 of bytes or of a string's UTF-8 encoding, as lowercase hex. */
const sha256Hex =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** SHA-256 of bytes, as a binary string. */
const sha256Binary =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'latin1')
    : (data) => crypto.createHash('sha256').update(data).digest('latin1');

/** SHA-256 of bytes or of a string's UTF-8 encoding, as a 32-byte Buffer. */
const sha256 = (data) => Buffer.from(sha256Hex(data), 'hex');

const toBinary = (hash) => hash.toString('latin1');
const fromBinary = (hash) => Buffer.from(hash, 'latin1');
const binaryToHex = (hash) => fromBinary(hash).toString('hex');

const leafInput = Buffer.alloc(33);
const nodeInput = Buffer.alloc(65, 1);

/** The Merkle leaf of an event: SHA-256(0x00 ‖ the 32 bytes of its eventHash, given as hex), binary. */
const eventLeaf = (eventHashHex) => {
  leafInput.write(eventHashHex, 1, 'hex');
  return sha256Binary(leafInput);
};

/** An interior node of binary hashes: SHA-256(0x01 ‖ left ‖ right), binary. */
const binaryNode = (left, right) => {
  nodeInput.write(left, 1, 'latin1');
  nodeInput.write(right, 33, 'latin1');
  return sha256Binary(nodeInput);
};

/** MTH of one entry: SHA-256(0x00 ‖ entry). Our entries are the 32 bytes of an event's eventHash. */
const leafHash = (entry) => sha256(Buffer.concat([leafInput.subarray(0, 1), entry]));

/** An interior node: SHA-256(0x01 ‖ left ‖ right). */
const nodeHash = (left, right) => fromBinary(binaryNode(toBinary(left), toBinary(right)));

/** MTH({}) – the root of a tree without leaves. */
const EMPTY_TREE_ROOT = sha256(Buffer.alloc(0));

/**
 * The right edge of a growing Merkle tree: the roots of its complete subtrees, largest (leftmost) first, as
 * binary strings. Pushing a leaf merges equal-sized subtrees, so n leaves take O(log n) memory, and the root
 * of the first n leaves can be read at any time. `onNode(level, index, hash)` sees every node as it is
 * completed (leaves are level 0; the node at `level`, `index` covers leaves [index·2^level, (index+1)·2^level)).
 */
class MerkleFrontier {
  constructor(onNode) {
    this.size = 0;
    this.levels = [];
    this.hashes = [];
    this.onNode = onNode;
  }

  /** Adds a leaf hash (binary). */
  push(leaf) {
    let hash = leaf;
    let level = 0;
    let index = this.size;
    if (this.onNode) this.onNode(0, index, hash);
    while (this.levels.length > 0 && this.levels[this.levels.length - 1] === level) {
      this.levels.pop();
      hash = binaryNode(this.hashes.pop(), hash);
      level += 1;
      index = Math.floor(index / 2);
      if (this.onNode) this.onNode(level, index, hash);
    }
    this.levels.push(level);
    this.hashes.push(hash);
    this.size += 1;
  }

  /** The Merkle tree hash of all leaves pushed so far (binary). */
  root() {
    return this.size === 0 ? toBinary(EMPTY_TREE_ROOT) : this.edgeHash(Infinity);
  }

  /** The hash of the subtrees smaller than 2^level, folded right to left: the tree's ragged right edge. */
  edgeHash(level) {
    let hash;
    for (let i = this.levels.length - 1; i >= 0 && this.levels[i] < level; i--) {
      hash = hash === undefined ? this.hashes[i] : binaryNode(this.hashes[i], hash);
    }
    return hash;
  }
}

const isHash = (value) => Buffer.isBuffer(value) && value.length === 32;
const isOdd = (n) => (n & 1n) === 1n;

/** RFC 9162 §2.1.3.2: does `proof` lead from the leaf at `leafIndex` to `root` in a tree of `treeSize`? */
const verifyInclusion = (leafIndex, treeSize, leaf, proof, root) => {
  let fn = BigInt(leafIndex);
  let sn = BigInt(treeSize) - 1n;
  if (fn < 0n || fn > sn || !isHash(leaf) || !isHash(root) || !proof.every(isHash)) return false;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
};

/**
 * RFC 9162 §2.1.4.2: is the tree of `size2` leaves with `root2` an append-only extension of the tree of
 * `size1` leaves with `root1`? Every tree extends the empty one; equal sizes need equal roots and no proof.
 */
const verifyConsistency = (size1, size2, root1, root2, proof) => {
  const first = BigInt(size1);
  const second = BigInt(size2);
  if (first < 0n || second < first || !isHash(root1) || !isHash(root2) || !proof.every(isHash)) return false;
  if (first === second) return proof.length === 0 && root1.equals(root2);
  if (first === 0n) return proof.length === 0;
  if (proof.length === 0) return false;
  const nodes = (first & (first - 1n)) === 0n ? [root1, ...proof] : proof;
  let fn = first - 1n;
  let sn = second - 1n;
  while (isOdd(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = nodes[0];
  let sr = nodes[0];
  for (const c of nodes.slice(1)) {
    if (sn === 0n) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && fr.equals(root1) && sr.equals(root2);
};

// ---------------------------------------------------------------------------------------------------------
// The lines of events.jsonl
// ---------------------------------------------------------------------------------------------------------
//
// A line is canonical JSON (sorted keys, no whitespace) with four members:
//   {"eventHash":"<64 hex>","prevHash":"<64 hex>","record":<the recorded event>,"seq":<line number>}
// eventHash = SHA-256 of the same object without eventHash: `{"prevHash":…,"seq":N}`. Because the key
// `eventHash` sorts first, it sits at a fixed place and the hashed bytes are the line from byte 80 on,
// preceded by `{` – so a verifier hashes bytes and never has to re-serialize JSON.

const LINE_HEAD = Buffer.from('{"eventHash":"');
const PREV_HASH_HEAD = Buffer.from('","prevHash":"');
const RECORD_HEAD = Buffer.from('","record":');
const SEQ_HEAD = Buffer.from(',"seq":');
const EVENT_HASH_AT = LINE_HEAD.length; // 14
const PREV_HASH_HEAD_AT = EVENT_HASH_AT + 64; // 78
const HASHED_FROM = PREV_HASH_HEAD_AT + 1; // 79: the `,` that becomes `{` of the hashed object
const PREV_HASH_AT = PREV_HASH_HEAD_AT + PREV_HASH_HEAD.length; // 92
const RECORD_HEAD_AT = PREV_HASH_AT + 64; // 156
const RECORD_AT = RECORD_HEAD_AT + RECORD_HEAD.length; // 167
const OPEN_BRACE = 0x7b;

/**
 * The eventHash (hex) of the line in bytes [start, end) of buf: SHA-256 of `{` and the line from byte 80 on,
 * hashed in place by borrowing the byte before them.
 */
const hashLineContent = (buf, start, end) => {
  const borrowed = buf[start + HASHED_FROM];
  buf[start + HASHED_FROM] = OPEN_BRACE;
  const hash = sha256Hex(buf.subarray(start + HASHED_FROM, end));
  buf[start + HASHED_FROM] = borrowed;
  return hash;
};

/** The most bytes the line of a record of `recordBytes` bytes can take, its line end included. */
const maxEventLineBytes = (recordBytes) => RECORD_AT + recordBytes + SEQ_HEAD.length + 18;

/** A line's head, with room for its two hashes. */
const LINE_TEMPLATE = Buffer.concat([
  LINE_HEAD,
  Buffer.from(GENESIS_HASH),
  PREV_HASH_HEAD,
  Buffer.from(GENESIS_HASH),
  RECORD_HEAD,
]);

/**
 * Writes the line of a record (the UTF-8 bytes of its canonical JSON) at `seq`, chained to `prevHash` (hex),
 * into `target` at `offset`, with its line end; `target` needs room for maxEventLineBytes(record.length).
 * The writer encodes straight into its output buffer this way, and hashes the very bytes it writes. Returns
 * the offset after the line and the line's eventHash (hex).
 */
const encodeEventLine = (target, offset, seq, prevHash, record) => {
  LINE_TEMPLATE.copy(target, offset);
  target.write(prevHash, offset + PREV_HASH_AT, 64, 'latin1');
  let at = offset + RECORD_AT;
  target.set(record, at);
  at += record.length;
  at += target.write(',"seq":' + seq + '}', at, 'latin1');
  const eventHashHex = hashLineContent(target, offset, at);
  target.write(eventHashHex, offset + EVENT_HASH_AT, 'latin1');
  target[at] = 0x0a;
  return { end: at + 1, eventHashHex };
};

/** The line of a record (canonical JSON text) as a string, without its line end. */
const formatEventLine = (seq, prevHash, recordJson) => {
  const record = Buffer.from(recordJson, 'utf8');
  const buffer = Buffer.alloc(maxEventLineBytes(record.length));
  const { end, eventHashHex } = encodeEventLine(buffer, 0, seq, prevHash, record);
  return { line: buffer.toString('utf8', 0, end - 1), eventHashHex };
};

/** Whether buf holds `expected` at `at` (compared here: a call into Buffer#compare costs more, per line). */
const startsWithAt = (buf, at, expected) => {
  for (let i = 0; i < expected.length; i++) if (buf[at + i] !== expected[i]) return false;
  return true;
};

/** Reads the seq at the end of a line: `,"seq":N}`; returns -1 when there is none. */
const readSeq = (buf, start, end) => {
  if (buf[end - 1] !== 0x7d) return { seq: -1, at: -1 };
  let value = 0;
  let scale = 1;
  let i = end - 2;
  for (; i > start && buf[i] >= 0x30 && buf[i] <= 0x39; i--, scale *= 10) value += (buf[i] - 0x30) * scale;
  const digits = end - 2 - i;
  const at = i - SEQ_HEAD.length + 1;
  const valid =
    digits > 0 && digits < 16 && !(digits > 1 && buf[i + 1] === 0x30) && startsWithAt(buf, at, SEQ_HEAD);
  return valid ? { seq: value, at } : { seq: -1, at: -1 };
};

/**
 * Splits one line (bytes [start, end) of buf, without its `\n`) into its parts and recomputes its hash.
 * Returns `{ problem }` (in both languages) when the line does not have the layout above.
 */
const parseEventLine = (buf, start, end) => {
  if (
    end - start < RECORD_AT + 2 + SEQ_HEAD.length + 2 ||
    !startsWithAt(buf, start, LINE_HEAD) ||
    !startsWithAt(buf, start + PREV_HASH_HEAD_AT, PREV_HASH_HEAD) ||
    !startsWithAt(buf, start + RECORD_HEAD_AT, RECORD_HEAD)
  ) {
    return {
      problem: both(
        'not an event line: expected {"eventHash":"…","prevHash":"…","record":{…},"seq":…}',
        'ikke en hendelseslinje: forventet {"eventHash":"…","prevHash":"…","record":{…},"seq":…}',
      ),
    };
  }
  const { seq, at } = readSeq(buf, start, end);
  if (seq < 1 || at <= start + RECORD_AT) {
    return {
      problem: both(
        'the line does not end with its seq: ,"seq":N}',
        'linjen slutter ikke med løpenummeret sitt: ,"seq":N}',
      ),
    };
  }
  return {
    eventHash: buf.toString('latin1', start + EVENT_HASH_AT, start + PREV_HASH_HEAD_AT),
    computedHash: hashLineContent(buf, start, end),
    prevHash: buf.toString('latin1', start + PREV_HASH_AT, start + RECORD_HEAD_AT),
    seq,
    recordStart: start + RECORD_AT,
    recordEnd: at,
  };
};

// ---------------------------------------------------------------------------------------------------------
// Opening files: regular files only, never through a symbolic link
// ---------------------------------------------------------------------------------------------------------

// O_NOFOLLOW refuses a symbolic link (ELOOP) instead of reading what it points to, e.g. /dev/zero or a file
// outside the folder; O_NONBLOCK lets a FIFO open at once (to be refused) instead of waiting for a writer.
const SAFE_OPEN_FLAGS =
  fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0) | (fs.constants.O_NONBLOCK || 0);

/** A file that is not a regular file of the folder: a symbolic link, FIFO, device, socket or folder. */
class NotRegularFile extends Problem {}

const kindOf = (stats) =>
  stats.isDirectory()
    ? both('a folder', 'en mappe')
    : stats.isFIFO()
      ? both('a FIFO (named pipe)', 'en FIFO (navngitt rør)')
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? both('a device', 'en enhetsfil')
        : stats.isSocket()
          ? both('a socket', 'en sokkel')
          : both('a special file', 'en spesialfil');

/**
 * Opens a file for reading only when it is a regular file reached without a symbolic link; resolves to
 * `{ handle, size }`. Throws NotRegularFile otherwise, and the system's error (e.g. ENOENT) when it is
 * missing.
 */
const openRegularFile = async (file) => {
  let handle;
  try {
    handle = await fs.promises.open(file, SAFE_OPEN_FLAGS);
  } catch (error) {
    if (error.code === 'ELOOP') {
      throw new NotRegularFile(
        both('is a symbolic link, not a regular file', 'er en symbolsk lenke, ikke en vanlig fil'),
      );
    }
    throw error;
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    const kind = kindOf(stats);
    throw new NotRegularFile(both(`is ${kind.en}, not a regular file`, `er ${kind.nb}, ikke en vanlig fil`));
  }
  return { handle, size: stats.size };
};

/** Reads a whole small regular file, refusing one larger than `maxBytes` before reading any of it. */
const readSmallFile = async (file, maxBytes) => {
  const { handle, size } = await openRegularFile(file);
  try {
    if (size > maxBytes) {
      throw new NotRegularFile(
        both(
          `is ${size} bytes, more than the ${maxBytes} allowed`,
          `er ${size} byte, mer enn de ${maxBytes} som er tillatt`,
        ),
      );
    }
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
};

/** No event line is anywhere near this long; a longer one is refused rather than buffered. */
const MAX_LINE_BYTES = 64 * 2 ** 20;

const READ_CHUNK = 1 << 20;

/**
 * Reads a file line by line (`\n`-terminated) through reusable buffers, so memory stays constant whatever
 * the file's size. The next chunk is read while the lines of the current
 * one are checked, so the disk (or a busy machine's I/O thread) is not waited for. Pull-based: `next()`
 * finds the next line in the buffer; when it returns false, `fill()` takes in the next chunk and returns
 * false at the end of the file. A line longer than MAX_LINE_BYTES throws an Error with code `line_too_long`.
 */
class LineReader {
  constructor(handle) {
    this.handle = handle;
    this.buffer = Buffer.allocUnsafe(2 * READ_CHUNK);
    this.incoming = Buffer.allocUnsafe(READ_CHUNK);
    this.reading = this.readAhead();
    this.view = this.buffer.subarray(0, 0);
    this.position = 0;
    this.bytes = 0;
    this.lineNumber = 0;
    this.start = 0;
    this.end = 0;
  }

  static async open(file) {
    return new LineReader((await openRegularFile(file)).handle);
  }

  /** Starts reading the next chunk into `incoming`; resolves to the bytes read (0 at the end). */
  readAhead() {
    const reading = this.handle.read(this.incoming, 0, READ_CHUNK, null).then(({ bytesRead }) => bytesRead);
    reading.catch(() => undefined); // awaited, and so reported, by fill()
    return reading;
  }

  next() {
    const newline = this.view.indexOf(10, this.position);
    if (newline < 0) return false;
    this.start = this.position;
    this.end = newline;
    this.position = newline + 1;
    this.lineNumber += 1;
    return true;
  }

  /** Bytes after the last complete line (a line without `\n` at the end of the file). */
  get rest() {
    return this.view.length - this.position;
  }

  /** Where the current line starts in the file. */
  get lineOffset() {
    return this.bytes - this.view.length + this.start;
  }

  async fill() {
    const kept = this.view.length - this.position;
    if (kept >= MAX_LINE_BYTES) {
      throw Object.assign(new Error(`line ${this.lineNumber + 1} is longer than ${MAX_LINE_BYTES} bytes`), {
        code: 'line_too_long',
        lineNumber: this.lineNumber + 1,
      });
    }
    const bytesRead = await this.reading;
    if (kept + bytesRead > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, kept + bytesRead));
      this.buffer.copy(larger, 0, this.position, this.view.length);
      this.buffer = larger;
    } else {
      this.buffer.copy(this.buffer, 0, this.position, this.view.length);
    }
    this.incoming.copy(this.buffer, kept, 0, bytesRead);
    this.reading = bytesRead > 0 ? this.readAhead() : Promise.resolve(0);
    this.bytes += bytesRead;
    this.view = this.buffer.subarray(0, kept + bytesRead);
    this.position = 0;
    return bytesRead > 0;
  }

  /** The next line, reading as needed; false at the end of the file. */
  async advance() {
    while (!this.next()) if (!(await this.fill())) return false;
    return true;
  }

  async close() {
    await this.reading.catch(() => undefined);
    return this.handle.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Keys and the manifest
// ---------------------------------------------------------------------------------------------------------

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** SHA-256 of the public key's DER (SubjectPublicKeyInfo) encoding, as `sha256:<hex>`. */
const publicKeyFingerprint = (key) => {
  const publicKey = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return 'sha256:' + sha256(publicKey.export({ format: 'der', type: 'spki' })).toString('hex');
};

/**
 * An Ed25519 public key from the bytes of a key file: PEM (`BEGIN PUBLIC KEY`), DER, the raw 32 bytes, or
 * those 32 bytes as hex or base64 text. Throws an Error saying what was wrong.
 */
const parsePublicKey = (bytes) => {
  const text = bytes.toString('latin1').trim();
  let key;
  if (text.includes('PRIVATE KEY')) {
    throw new Error('this is a private key; pin the public key (never hand the private key to a verifier)');
  } else if (text.startsWith('-----BEGIN')) {
    key = crypto.createPublicKey({ key: text, format: 'pem' });
  } else if (bytes.length === 32) {
    key = crypto.createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, bytes]),
      format: 'der',
      type: 'spki',
    });
  } else if (bytes.length === 44 && bytes.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) {
    key = crypto.createPublicKey({ key: bytes, format: 'der', type: 'spki' });
  } else if (/^[0-9a-fA-F]{64}$/.test(text)) {
    return parsePublicKey(Buffer.from(text, 'hex'));
  } else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    return parsePublicKey(Buffer.from(text, 'base64'));
  } else {
    throw new Error('not an Ed25519 public key (expected PEM, DER, or the 32 raw key bytes)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
};

const HEX_HASH = /^[0-9a-f]{64}$/;
const NOT_AN_OBJECT = both('is not an object', 'er ikke et objekt');
const NOT_AN_ARRAY = both('is not an array', 'er ikke en liste');
const DECIMAL = /^(0|[1-9][0-9]*)$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Parses manifest.json and checks its shape; throws a Problem naming the first bad field. Only call it on
 * bytes whose signature has been verified.
 */
const parseManifest = (bytes) => {
  let manifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Problem(both(`not JSON (${error.message})`, `ikke JSON (${error.message})`));
  }
  const fail = (field, why) => {
    throw new Problem(both(`field ${field} ${why.en}`, `feltet ${field} ${why.nb}`));
  };
  const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
  const count = (value, field) => {
    if (!Number.isSafeInteger(value) || value < 0)
      fail(field, both('is not a count (a whole number ≥ 0)', 'er ikke et antall (et helt tall ≥ 0)'));
  };
  const hash = (value, field) => {
    if (typeof value !== 'string' || !HEX_HASH.test(value))
      fail(field, both('is not 64 lowercase hex digits', 'er ikke 64 heksadesimale sifre (små bokstaver)'));
  };
  const text = (value, field) => {
    if (typeof value !== 'string' || value.length === 0)
      fail(field, both('is not a non-empty string', 'er ikke en tekst med innhold'));
  };
  if (!isObject(manifest)) fail('(root)', NOT_AN_OBJECT);
  if (manifest.format !== FORMAT) fail('format', both(`is not "${FORMAT}"`, `er ikke "${FORMAT}"`));
  if (manifest.formatVersion !== FORMAT_VERSION) {
    fail(
      'formatVersion',
      both(
        `is ${JSON.stringify(manifest.formatVersion)}; this verifier reads version ${FORMAT_VERSION}`,
        `er ${JSON.stringify(manifest.formatVersion)}; denne verifikatoren leser versjon ${FORMAT_VERSION}`,
      ),
    );
  }
  text(manifest.origin, 'origin');
  text(manifest.created, 'created');
  count(manifest.eventCount, 'eventCount');
  count(manifest.treeSize, 'treeSize');
  count(manifest.decisionCount, 'decisionCount');
  count(manifest.changeCount, 'changeCount');
  if (manifest.treeSize !== manifest.eventCount)
    fail(
      'treeSize',
      both('differs from eventCount (one leaf per event)', 'er ulik eventCount (ett løv per hendelse)'),
    );
  hash(manifest.merkleRoot, 'merkleRoot');
  hash(manifest.chainHead, 'chainHead');
  if (manifest.eventCount === 0) {
    if (manifest.range !== null)
      fail(
        'range',
        both('must be null when there are no events', 'skal være null når det ikke er hendelser'),
      );
  } else {
    if (!isObject(manifest.range)) fail('range', NOT_AN_OBJECT);
    for (const field of ['firstGlobalPosition', 'lastGlobalPosition']) {
      const value = manifest.range[field];
      if (typeof value !== 'string' || !DECIMAL.test(value))
        fail(`range.${field}`, both('is not a decimal string', 'er ikke et heltall skrevet som tekst'));
    }
    text(manifest.range.firstRecordedAt, 'range.firstRecordedAt');
    text(manifest.range.lastRecordedAt, 'range.lastRecordedAt');
  }
  if (!Array.isArray(manifest.files)) fail('files', NOT_AN_ARRAY);
  const names = new Set();
  manifest.files.forEach((file, i) => {
    if (!isObject(file)) fail(`files[${i}]`, NOT_AN_OBJECT);
    if (typeof file.name !== 'string' || !FILE_NAME.test(file.name))
      fail(`files[${i}].name`, both('is not a file name', 'er ikke et filnavn'));
    if (file.name === MANIFEST_FILE || file.name === SIGNATURE_FILE || names.has(file.name)) {
      fail(
        `files[${i}].name`,
        both(
          `lists ${file.name} twice or lists the manifest itself`,
          `oppgir ${file.name} to ganger, eller oppgir selve manifestet`,
        ),
      );
    }
    names.add(file.name);
    hash(file.sha256, `files[${i}].sha256`);
    count(file.bytes, `files[${i}].bytes`);
  });
  if (!names.has(EVENTS_FILE))
    fail('files', both(`does not list ${EVENTS_FILE}`, `oppgir ikke ${EVENTS_FILE}`));
  const previous = manifest.previous;
  if (previous !== null) {
    if (!isObject(previous))
      fail('previous', both('is neither null nor an object', 'er verken null eller et objekt'));
    text(previous.created, 'previous.created');
    count(previous.treeSize, 'previous.treeSize');
    if (previous.treeSize > manifest.treeSize)
      fail('previous.treeSize', both('is larger than treeSize', 'er større enn treSize'));
    hash(previous.merkleRoot, 'previous.merkleRoot');
    hash(previous.chainHead, 'previous.chainHead');
    hash(previous.manifestSha256, 'previous.manifestSha256');
    if (!Array.isArray(previous.consistencyProof)) fail('previous.consistencyProof', NOT_AN_ARRAY);
    previous.consistencyProof.forEach((node, i) => hash(node, `previous.consistencyProof[${i}]`));
  }
  return manifest;
};

// ---------------------------------------------------------------------------------------------------------
// A witness outside the municipality: C2SP tlog-checkpoint, signed-note and tlog-cosignature/v1 (Ed25519)
// ---------------------------------------------------------------------------------------------------------

/** The signature type of an Ed25519 cosignature/v1 in key IDs and verifier keys. */
const COSIGNATURE_V1 = 0x04;
const SIGNATURE_LINE_START = '\u2014 ';

/** The checkpoint note body of a tree head: origin, tree size, root hash (base64), each line `\n`-ended. */
const checkpointBody = (origin, treeSize, rootHex) =>
  `${origin}\n${treeSize}\n${Buffer.from(rootHex, 'hex').toString('base64')}\n`;

/** What a cosigner signs: a header line, a timestamp line, then the whole checkpoint body. */
const cosignedMessage = (timestamp, body) =>
  Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');

/** SHA-256(name || "\n" || 0x04 || 32-byte public key)[:4]. */
const cosignerKeyId = (name, rawPublicKey) =>
  sha256(
    Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([COSIGNATURE_V1]), rawPublicKey]),
  ).subarray(0, 4);

const rawEd25519PublicKey = (key) =>
  key.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);

/** The signed-note verifier key (vkey) of a cosigner: `<name>+<key ID hex>+<base64(0x04 || public key)>`. */
const formatCosignerVerifierKey = (name, publicKey) => {
  const raw = rawEd25519PublicKey(publicKey);
  return `${name}+${cosignerKeyId(name, raw).toString('hex')}+${Buffer.concat([Buffer.from([COSIGNATURE_V1]), raw]).toString('base64')}`;
};

const KEY_NAME = /^[^\s+\u2014]+$/;

/**
 * Splits a signed-note key, `<name>+<8 hex digits key ID>+<base64 key material>` (the base64 may hold `+`
 * itself), checking that the material is an Ed25519 cosignature/v1 key (type 0x04 and 32 bytes).
 */
const splitNoteKey = (text) => {
  const trimmed = String(text).trim();
  const plus = trimmed.indexOf('+');
  const name = trimmed.slice(0, plus);
  const keyIdHex = trimmed.slice(plus + 1, plus + 9);
  if (plus <= 0 || !KEY_NAME.test(name) || !/^[0-9a-f]{8}$/.test(keyIdHex) || trimmed[plus + 9] !== '+') {
    throw new Problem(
      both(
        'not a signed-note key (<name>+<8 hex digits>+<base64 key>)',
        'ikke en signed-note-nøkkel (<navn>+<8 heksadesimale sifre>+<base64-nøkkel>)',
      ),
    );
  }
  const material = Buffer.from(trimmed.slice(plus + 10), 'base64');
  if (material.length !== 33 || material[0] !== COSIGNATURE_V1) {
    throw new Problem(
      both(
        'not an Ed25519 cosignature/v1 key (type 0x04 and 32 key bytes)',
        'ikke en Ed25519 cosignature/v1-nøkkel (type 0x04 og 32 nøkkelbyte)',
      ),
    );
  }
  return { name, keyIdHex, key: material.subarray(1) };
};

/** Parses a cosigner's vkey; throws a Problem saying what is wrong. */
const parseCosignerVerifierKey = (text) => {
  const { name, keyIdHex, key } = splitNoteKey(text);
  if (cosignerKeyId(name, key).toString('hex') !== keyIdHex)
    throw new Problem(
      both('its key ID does not match its name and key', 'nøkkel-ID-en stemmer ikke med navnet og nøkkelen'),
    );
  const publicKey = crypto.createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, key]),
    format: 'der',
    type: 'spki',
  });
  return { name, keyId: Buffer.from(keyIdHex, 'hex'), publicKey };
};

/** The signature line a cosigner adds to a checkpoint. */
const cosignatureLine = (name, keyId, timestamp, signature) => {
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(timestamp));
  return `${SIGNATURE_LINE_START}${name} ${Buffer.concat([keyId, time, signature]).toString('base64')}\n`;
};

/**
 * Reads a checkpoint note without any key: its body and tree head (origin, tree size, root hash) and its
 * Ed25519 cosignature/v1 lines, `— <name> base64(key ID ‖ timestamp ‖ signature)` (other signature lines are
 * left out). Throws a Problem saying what is wrong.
 */
const parseCheckpointNote = (text) => {
  const note = String(text);
  const split = note.indexOf('\n\n');
  if (split < 0) {
    throw new Problem(
      both(
        'not a signed note (no blank line before the signatures)',
        'ikke en signert note (ingen tom linje foran signaturene)',
      ),
    );
  }
  const body = note.slice(0, split + 1);
  const lines = body.split('\n');
  if (lines.length < 4) {
    throw new Problem(
      both(
        'not a checkpoint (origin, tree size and root hash lines)',
        'ikke et sjekkpunkt (linjer med opphav, trestørrelse og rothash)',
      ),
    );
  }
  const [origin, sizeLine, rootLine] = lines;
  if (origin === '' || !DECIMAL.test(sizeLine))
    throw new Problem(
      both(
        'not a checkpoint: bad origin or tree size line',
        'ikke et sjekkpunkt: feil i linjen med opphav eller trestørrelse',
      ),
    );
  const root = Buffer.from(rootLine, 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootLine)
    throw new Problem(
      both('not a checkpoint: bad root hash line', 'ikke et sjekkpunkt: feil i linjen med rothash'),
    );
  const treeSize = Number(sizeLine);
  if (!Number.isSafeInteger(treeSize)) {
    throw new Problem(
      both('not a checkpoint: tree size out of range', 'ikke et sjekkpunkt: trestørrelsen er for stor'),
    );
  }
  const cosignatures = [];
  for (const line of note.slice(split + 2).split('\n')) {
    if (!line.startsWith(SIGNATURE_LINE_START)) continue;
    const [name, encoded] = line.slice(SIGNATURE_LINE_START.length).split(' ');
    const bytes = Buffer.from(encoded || '', 'base64');
    if (bytes.length !== 76) continue;
    const [keyId, signature] = [bytes.subarray(0, 4), bytes.subarray(12)];
    cosignatures.push({ name, keyId, timestamp: bytes.readBigUInt64BE(4), signature });
  }
  return { body, origin, treeSize, merkleRoot: root.toString('hex'), cosignatures };
};

/** Whether a cosignature line is by `cosigner` (its name and key ID) and its signature verifies. */
const isBy = (cosignature, cosigner) =>
  cosignature.name === cosigner.name && cosignature.keyId.equals(cosigner.keyId);
const verifiesWith = (note, cosignature, cosigner) =>
  crypto.verify(
    null,
    cosignedMessage(cosignature.timestamp, note.body),
    cosigner.publicKey,
    cosignature.signature,
  );

const witnessedHead = (note, cosignature) => ({
  origin: note.origin,
  treeSize: note.treeSize,
  merkleRoot: note.merkleRoot,
  timestamp: Number(cosignature.timestamp),
  cosigner: cosignature.name,
});

/**
 * Reads a cosigned checkpoint (a signed note) with the cosigner's key: the tree head and the time of the
 * first valid cosignature by that key. Throws a Problem saying what is wrong.
 */
const parseCosignedCheckpoint = (text, cosigner) => {
  const note = parseCheckpointNote(text);
  const valid = note.cosignatures.find((c) => isBy(c, cosigner) && verifiesWith(note, c, cosigner));
  if (valid !== undefined) return witnessedHead(note, valid);
  throw new Problem(
    both(
      `holds no valid cosignature by ${cosigner.name}: it was changed, or cosigned with another key`,
      `har ingen gyldig medsignatur fra ${cosigner.name}: den er endret, eller medsignert med en annen nøkkel`,
    ),
  );
};

const WITNESS_FILE = both('witness cosignature', 'vitnets medsignatur');

const WITNESS_KEY = both('witness key', 'vitnets nøkkel');

const readCosigner = (key) => {
  try {
    return parseCosignerVerifierKey(key);
  } catch (error) {
    throw new Invalid(WITNESS_KEY, undefined, textsOf(error));
  }
};

const otherLog = (origin, manifest) =>
  both(
    `is for the log "${origin}", not "${manifest.origin}"`,
    `gjelder loggen "${origin}", ikke "${manifest.origin}"`,
  );

/** The witnessed tree head of the cosignature the auditor kept, checked against the signed manifest. */
const readWitness = (witness, manifest) => {
  const cosigner = readCosigner(witness.key);
  let witnessed;
  try {
    witnessed = parseCosignedCheckpoint(witness.cosignature, cosigner);
  } catch (error) {
    throw new Invalid(WITNESS_FILE, undefined, textsOf(error));
  }
  if (witnessed.origin !== manifest.origin)
    throw new Invalid(WITNESS_FILE, undefined, otherLog(witnessed.origin, manifest));
  if (witnessed.treeSize > manifest.treeSize) {
    throw new Invalid(
      EVENTS_FILE,
      undefined,
      both(
        `has ${manifest.treeSize} events, fewer than the ${witnessed.treeSize} the witness ` +
          `${witnessed.cosigner} cosigned: history was removed`,
        `har ${manifest.treeSize} hendelser, færre enn de ${witnessed.treeSize} vitnet ` +
          `${witnessed.cosigner} medsignerte: historikk er fjernet`,
      ),
    );
  }
  return witnessed;
};

/**
 * The export extends the witnessed tree head when its first treeSize events hash to the witnessed root: the
 * consistency proof from the witnessed size, computed from the events themselves.
 */
const checkWitnessed = (witnessed, prefixRoot) => {
  if (binaryToHex(prefixRoot) !== witnessed.merkleRoot) {
    throw new Invalid(
      EVENTS_FILE,
      undefined,
      both(
        `is not a consistent extension of the tree head the witness ${witnessed.cosigner} cosigned ` +
          `(tree size ${witnessed.treeSize}, root ${shortHash(witnessed.merkleRoot)}): the first inconsistent ` +
          `size is ${witnessed.treeSize}; history up to event ${witnessed.treeSize} was rewritten after it was witnessed`,
        `er ikke en konsistent utvidelse av trehodet vitnet ${witnessed.cosigner} medsignerte ` +
          `(trestørrelse ${witnessed.treeSize}, rot ${shortHash(witnessed.merkleRoot)}): første inkonsistente ` +
          `størrelse er ${witnessed.treeSize}; historikken til og med hendelse ${witnessed.treeSize} er omskrevet ` +
          'etter at den ble bevitnet',
      ),
    );
  }
};

const witnessSummary = (witnessed) => ({
  cosigner: witnessed.cosigner,
  treeSize: witnessed.treeSize,
  merkleRoot: witnessed.merkleRoot,
  cosigned: new Date(witnessed.timestamp * 1000).toISOString(),
  carried: witnessed.carried === true,
});

/** A witness cosignature the export carries: `witness-<tree size>-<key ID of its first cosigner>.cosignature`. */
const WITNESS_COSIGNATURE_FILE = /^witness-(0|[1-9][0-9]*)-([0-9a-f]{8})\.cosignature$/;
const witnessCosignatureFileName = (treeSize, keyIdHex) => `witness-${treeSize}-${keyIdHex}.cosignature`;
/** A cosignature is a few hundred bytes. */
const MAX_COSIGNATURE_BYTES = 64 * 1024;

/**
 * The witness cosignatures the export carries (received from witnesses for this or an earlier export): each
 * one's tree head, read from its signed bytes, for this origin and no larger than this export. Their
 * signatures need the witness's key; their tree heads are checked against the events without it.
 */
const readCarriedCosignatures = async (directory, manifest) => {
  const carried = [];
  for (const entry of manifest.files) {
    if (!WITNESS_COSIGNATURE_FILE.test(entry.name)) continue;
    let bytes;
    try {
      bytes = await readSmallFile(
        path.join(directory, entry.name),
        Math.min(entry.bytes, MAX_COSIGNATURE_BYTES),
      );
    } catch (error) {
      if (error instanceof NotRegularFile) throw new Invalid(entry.name, undefined, error.texts);
      throw error;
    }
    compareDigest(entry.name, entry, sha256Hex(bytes), bytes.length);
    let note;
    try {
      note = parseCheckpointNote(bytes.toString('utf8'));
    } catch (error) {
      throw new Invalid(entry.name, undefined, textsOf(error));
    }
    if (note.origin !== manifest.origin)
      throw new Invalid(entry.name, undefined, otherLog(note.origin, manifest));
    if (note.treeSize > manifest.treeSize) {
      throw new Invalid(
        entry.name,
        undefined,
        both(
          `cosigns tree size ${note.treeSize}, larger than this export's ${manifest.treeSize}: history was removed`,
          `medsignerer trestørrelse ${note.treeSize}, større enn denne eksportens ${manifest.treeSize}: ` +
            'historikk er fjernet',
        ),
      );
    }
    carried.push({ file: entry.name, note });
  }
  return carried;
};

/**
 * With only the witness's key: the largest tree head it cosigned among those the export carries. Every
 * cosignature there in its name and key ID must verify; none at all is invalid, since the export should
 * carry what the witness sent back (the auditor's own kept copy, with --witness, is the stronger check).
 */
const carriedWitness = (carried, key) => {
  const cosigner = readCosigner(key);
  let witnessed;
  for (const { file, note } of carried) {
    for (const cosignature of note.cosignatures.filter((c) => isBy(c, cosigner))) {
      if (!verifiesWith(note, cosignature, cosigner)) {
        throw new Invalid(
          file,
          undefined,
          both(
            `holds a cosignature by ${cosigner.name} that does not verify with its key: it was forged or changed`,
            `har en medsignatur fra ${cosigner.name} som ikke stemmer med nøkkelen: den er forfalsket eller endret`,
          ),
        );
      }
      if (witnessed === undefined || note.treeSize > witnessed.treeSize)
        witnessed = { ...witnessedHead(note, cosignature), carried: true };
    }
  }
  if (witnessed !== undefined) return witnessed;
  throw new Invalid(
    WITNESS_FILE,
    undefined,
    both(
      `the export carries none by ${cosigner.name}: give the cosignature you kept with --witness`,
      `eksporten har ingen fra ${cosigner.name}: oppgi medsignaturen du har beholdt, med --witness`,
    ),
  );
};

/** Every tree head the export carries must be one its events extend. */
const checkCarried = (carried, prefixRoots) => {
  for (const { file, note } of carried) {
    if (binaryToHex(prefixRoots.get(note.treeSize)) === note.merkleRoot) continue;
    throw new Invalid(
      file,
      undefined,
      both(
        `is a tree head (tree size ${note.treeSize}, root ${shortHash(note.merkleRoot)}) this export does not ` +
          `extend: the first inconsistent size is ${note.treeSize}; history up to event ${note.treeSize} was ` +
          'rewritten after it was cosigned',
        `er et trehode (trestørrelse ${note.treeSize}, rot ${shortHash(note.merkleRoot)}) som denne eksporten ` +
          `ikke utvider: første inkonsistente størrelse er ${note.treeSize}; historikken til og med hendelse ` +
          `${note.treeSize} er omskrevet etter at den ble medsignert`,
      ),
    );
  }
};

// ---------------------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------------------

const LINE_WORD = both('line', 'linje');

/**
 * The first thing found wrong: a file (its name, or a label in both languages), a line within it when one
 * can be named, and why (in both languages). Its Error message is the English report.
 */
class Invalid extends Error {
  constructor(file, line, reasons) {
    const files = typeof file === 'string' ? both(file, file) : file;
    super(`${files.en}${line === undefined ? '' : ` line ${line}`}: ${reasons.en}`);
    this.files = files;
    this.line = line;
    this.reasons = reasons;
  }

  /** What verifyExport reports, in `lang`. */
  report(lang) {
    const at = this.line === undefined ? '' : ` ${LINE_WORD[lang]} ${this.line}`;
    return {
      file: this.files[lang],
      ...(this.line === undefined ? {} : { line: this.line }),
      reason: this.reasons[lang],
      message: `${this.files[lang]}${at}: ${this.reasons[lang]}`,
    };
  }
}

/** A Problem's texts, or an Error's message in both languages. */
const textsOf = (error) => error.texts || both(error.message, error.message);

/** A file's name with a label before it (`previous export: `), in both languages. */
const labelled = (label, name) => both(label.en + name, label.nb + name);
const NO_LABEL = both('', '');
const PREVIOUS_EXPORT = both('previous export: ', 'forrige eksport: ');

/** The manifest lists a few dozen files: a megabyte is far more than any needs. */
const MAX_MANIFEST_BYTES = 1 << 20;

const readIfPresent = async (file, label, maxBytes) => {
  try {
    return await readSmallFile(file, maxBytes);
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    if (error instanceof NotRegularFile) throw new Invalid(label, undefined, error.texts);
    throw error;
  }
};

const shortHash = (hex) => hex.slice(0, 16) + '…';

const MISSING = both('missing', 'mangler');

/**
 * Reads manifest.json and manifest.sig, checks the signature with the pinned key, then the manifest's shape.
 * Throws an Invalid naming the file (after `label`, in both languages) when anything is wrong.
 */
const readSignedManifest = async (directory, publicKey, label = NO_LABEL) => {
  const manifestFile = labelled(label, MANIFEST_FILE);
  const signatureFile = labelled(label, SIGNATURE_FILE);
  const manifestBytes = await readIfPresent(
    path.join(directory, MANIFEST_FILE),
    manifestFile,
    MAX_MANIFEST_BYTES,
  );
  if (manifestBytes === undefined) throw new Invalid(manifestFile, undefined, MISSING);
  // Read a byte more than a signature has, so a longer file is named by its size below.
  const signature = await readIfPresent(path.join(directory, SIGNATURE_FILE), signatureFile, 65);
  if (signature === undefined) throw new Invalid(signatureFile, undefined, MISSING);
  if (signature.length !== 64) {
    throw new Invalid(
      signatureFile,
      undefined,
      both(
        `is ${signature.length} bytes, not a 64-byte Ed25519 signature`,
        `er ${signature.length} byte, ikke en Ed25519-signatur på 64 byte`,
      ),
    );
  }
  const pinned = publicKeyFingerprint(publicKey);
  if (!crypto.verify(null, manifestBytes, publicKey, signature)) {
    throw new Invalid(
      manifestFile,
      undefined,
      both(
        `the signature in ${SIGNATURE_FILE} does not verify with the pinned public key ${pinned}: ` +
          'the manifest was changed, or signed with another key',
        `signaturen i ${SIGNATURE_FILE} stemmer ikke med den oppgitte offentlige nøkkelen ${pinned}: ` +
          'manifestet er endret, eller signert med en annen nøkkel',
      ),
    );
  }
  let manifest;
  try {
    manifest = parseManifest(manifestBytes);
  } catch (error) {
    throw new Invalid(manifestFile, undefined, textsOf(error));
  }
  if (manifest.signingKeyFingerprint !== pinned) {
    const stated = JSON.stringify(manifest.signingKeyFingerprint);
    throw new Invalid(
      manifestFile,
      undefined,
      both(
        `field signingKeyFingerprint ${stated} is not the fingerprint of the pinned key ${pinned}`,
        `feltet signingKeyFingerprint ${stated} er ikke fingeravtrykket til den oppgitte nøkkelen ${pinned}`,
      ),
    );
  }
  return { manifest, manifestSha256: sha256(manifestBytes).toString('hex') };
};

/** Every entry of the folder must be a listed file, the manifest or its signature – nothing more. */
const checkFolderContents = async (directory, manifest) => {
  const listed = new Set(manifest.files.map((file) => file.name));
  const entries = await fs.promises.readdir(directory, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const known = listed.has(entry.name) || entry.name === MANIFEST_FILE || entry.name === SIGNATURE_FILE;
    if (!known) {
      throw new Invalid(
        entry.name,
        undefined,
        both('is not listed in the signed manifest', 'står ikke i det signerte manifestet'),
      );
    }
    if (!entry.isFile())
      throw new Invalid(entry.name, undefined, both('is not a regular file', 'er ikke en vanlig fil'));
  }
  const present = new Set(entries.map((entry) => entry.name));
  for (const file of manifest.files) {
    if (!present.has(file.name))
      throw new Invalid(
        file.name,
        undefined,
        both('is listed in the manifest but missing', 'står i manifestet, men mangler'),
      );
  }
};

const compareDigest = (fileLabel, entry, digest, bytes) => {
  if (bytes !== entry.bytes || digest !== entry.sha256) {
    throw new Invalid(
      fileLabel,
      undefined,
      both(
        `its content differs from the signed manifest (SHA-256 ${shortHash(digest)}, ${bytes} bytes; ` +
          `manifest: ${shortHash(entry.sha256)}, ${entry.bytes} bytes): the file was changed or swapped`,
        `innholdet avviker fra det signerte manifestet (SHA-256 ${shortHash(digest)}, ${bytes} byte; ` +
          `manifestet: ${shortHash(entry.sha256)}, ${entry.bytes} byte): filen er endret eller byttet ut`,
      ),
    );
  }
};

const checkFileDigest = async (directory, entry) => {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let opened;
  try {
    opened = await openRegularFile(path.join(directory, entry.name));
  } catch (error) {
    if (error instanceof NotRegularFile) throw new Invalid(entry.name, undefined, error.texts);
    throw error;
  }
  const { handle, size } = opened;
  try {
    // Never read more than the manifest allows: a larger file is named without being read.
    const limit = Math.min(size, entry.bytes + 1);
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(limit, 1)));
    while (bytes < limit) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, limit - bytes), bytes);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await handle.close();
  }
  compareDigest(entry.name, entry, hash.digest('hex'), size === bytes ? bytes : size);
};

const CHECKSUMS_FILE = 'SHA256SUMS';

/**
 * SHA256SUMS, when the export has one (signed like every file), must agree with the signed manifest: every
 * file listed before it, in the manifest's order, with the manifest's SHA-256, in `sha256sum` layout.
 */
const checkChecksumsFile = async (directory, manifest) => {
  const at = manifest.files.findIndex((file) => file.name === CHECKSUMS_FILE);
  if (at < 0) return;
  const expected = manifest.files
    .slice(0, at)
    .map((file) => `${file.sha256}  ${file.name}\n`)
    .join('');
  const actual = (
    await readSmallFile(path.join(directory, CHECKSUMS_FILE), manifest.files[at].bytes)
  ).toString('utf8');
  if (actual === expected) return;
  const wanted = expected.split('\n');
  const line = actual.split('\n').findIndex((text, i) => text !== wanted[i]);
  throw new Invalid(
    CHECKSUMS_FILE,
    line + 1,
    both(
      'does not match the signed manifest (each file before it, with its SHA-256 from the manifest)',
      'stemmer ikke med det signerte manifestet (hver fil foran den, med SHA-256 fra manifestet)',
    ),
  );
};

// The digest of events.jsonl (a gigabyte for a million events) is the one check that needs no other: it runs
// on a thread of its own, reading the file the line checks read, so that with a second core it costs them no
// time. The worker is this source, evaluated; it reads by position and so never moves the shared offset.
const DIGEST_WORKER = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readSync } = require('node:fs');
const { fd, limit, chunkBytes } = workerData;
const hash = createHash('sha256');
const chunk = Buffer.allocUnsafe(chunkBytes);
let bytes = 0;
while (bytes < limit) {
  const read = readSync(fd, chunk, 0, Math.min(chunk.length, limit - bytes), bytes);
  if (read === 0) break;
  hash.update(chunk.subarray(0, read));
  bytes += read;
}
parentPort.postMessage({ digest: hash.digest('hex'), bytes });
`;

/**
 * Starts hashing at most `limit` bytes of the open file `fd` on a worker thread: `result` resolves to
 * `{ digest, bytes }`; `stop()` ends the worker (it must be stopped before the file is closed).
 */
const digestInParallel = (fd, limit) => {
  const worker = new Worker(DIGEST_WORKER, { eval: true, workerData: { fd, limit, chunkBytes: READ_CHUNK } });
  const result = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the digest of ${EVENTS_FILE} stopped (exit ${code})`)));
  });
  result.catch(() => undefined); // awaited, and so reported, by the caller
  return { result, stop: () => worker.terminate() };
};

/**
 * Streams events.jsonl once: layout, eventHash, seq and hash chain of every line, the Merkle root, the
 * signed range, count and chain head, and the file's own digest. For each size in `prefixSizes` (of a
 * previous export's tree, of a witnessed tree head) it also records the root of that many first lines.
 */
const checkEvents = async (directory, manifest, prefixSizes) => {
  const fileLabel = EVENTS_FILE;
  const entry = manifest.files.find((file) => file.name === EVENTS_FILE);
  const reader = await LineReader.open(path.join(directory, EVENTS_FILE)).catch((error) => {
    throw error instanceof NotRegularFile ? new Invalid(fileLabel, undefined, error.texts) : error;
  });
  // Never more than the manifest allows: a larger file is named without being read to its end.
  const digest = digestInParallel(reader.handle.fd, entry.bytes + 1);
  let digested;
  const frontier = new MerkleFrontier();
  let previousHash = GENESIS_HASH;
  let hashBeforePrevious;
  let lastRecord;
  let firstRecord;
  let lastLineOffset = 0;
  const sizes = [...new Set(prefixSizes)].sort((a, b) => a - b);
  const prefixRoots = new Map();
  let nextPrefix = 0;
  const recordPrefix = () => {
    while (nextPrefix < sizes.length && sizes[nextPrefix] === frontier.size) {
      prefixRoots.set(sizes[nextPrefix], frontier.root());
      nextPrefix += 1;
    }
  };
  recordPrefix();
  try {
    while (await reader.advance()) {
      const n = reader.lineNumber;
      if (reader.end === reader.start) throw new Invalid(fileLabel, n, both('empty line', 'tom linje'));
      const line = parseEventLine(reader.view, reader.start, reader.end);
      if (line.problem) throw new Invalid(fileLabel, n, line.problem);
      if (line.computedHash !== line.eventHash) {
        throw new Invalid(
          fileLabel,
          n,
          both(
            "the line's content does not match its eventHash: the line was changed",
            'linjens innhold stemmer ikke med dens eventHash: linjen er endret',
          ),
        );
      }
      if (line.prevHash !== previousHash || line.seq !== n) {
        describeBrokenLink(fileLabel, n, line, previousHash, hashBeforePrevious);
      }
      if (n === 1) firstRecord = parseRecord(fileLabel, 1, reader.view, line);
      lastLineOffset = reader.lineOffset;
      frontier.push(eventLeaf(line.computedHash));
      if (sizes[nextPrefix] === frontier.size) recordPrefix();
      hashBeforePrevious = previousHash;
      previousHash = line.eventHash;
    }
    if (reader.rest > 0)
      throw new Invalid(
        fileLabel,
        reader.lineNumber + 1,
        both('incomplete last line (no line end)', 'ufullstendig siste linje (mangler linjeskift)'),
      );
    if (reader.lineNumber > 1) {
      const bytes = Buffer.alloc(reader.end - reader.start);
      await reader.handle.read(bytes, 0, bytes.length, lastLineOffset);
      lastRecord = parseRecord(fileLabel, reader.lineNumber, bytes, parseEventLine(bytes, 0, bytes.length));
    }
    digested = await digest.result;
  } catch (error) {
    if (error.code !== 'line_too_long') throw error;
    throw new Invalid(
      fileLabel,
      error.lineNumber,
      both(
        `longer than ${MAX_LINE_BYTES} bytes: not an event line`,
        `lengre enn ${MAX_LINE_BYTES} byte: ikke en hendelseslinje`,
      ),
    );
  } finally {
    await digest.stop();
    await reader.close();
  }
  const count = reader.lineNumber;
  if (count !== manifest.eventCount) {
    throw new Invalid(
      fileLabel,
      undefined,
      both(
        `has ${count} events, the signed manifest lists ${manifest.eventCount}: lines were ` +
          `${count > manifest.eventCount ? 'added' : 'removed'} (and the hash chain recomputed)`,
        `har ${count} hendelser, det signerte manifestet oppgir ${manifest.eventCount}: linjer er ` +
          `${count > manifest.eventCount ? 'lagt til' : 'fjernet'} (og hashkjeden beregnet på nytt)`,
      ),
    );
  }
  if (previousHash !== manifest.chainHead) {
    throw new Invalid(
      fileLabel,
      count,
      both(
        'its eventHash is not the signed chain head: the last line was replaced',
        'dens eventHash er ikke det signerte kjedehodet: den siste linjen er byttet ut',
      ),
    );
  }
  const root = binaryToHex(frontier.root());
  if (root !== manifest.merkleRoot) {
    throw new Invalid(
      fileLabel,
      undefined,
      both(
        `the Merkle root of its events (${shortHash(root)}) is not the signed root (${shortHash(manifest.merkleRoot)})`,
        `Merkle-roten av hendelsene (${shortHash(root)}) er ikke den signerte roten (${shortHash(manifest.merkleRoot)})`,
      ),
    );
  }
  if (count > 0) checkRange(fileLabel, manifest.range, firstRecord, lastRecord ?? firstRecord, count);
  compareDigest(fileLabel, entry, digested.digest, digested.bytes);
  return { prefixRoots };
};

const parseRecord = (fileLabel, n, buf, line) => {
  try {
    return JSON.parse(buf.toString('utf8', line.recordStart, line.recordEnd));
  } catch {
    throw new Invalid(fileLabel, n, both('its record is not JSON', 'hendelsen (record) er ikke JSON'));
  }
};

const checkRange = (fileLabel, range, first, last, count) => {
  const expect = (line, actual, expected, what) => {
    if (actual !== expected) {
      throw new Invalid(
        fileLabel,
        line,
        both(
          `${what} is ${JSON.stringify(actual)}, the signed range says ${JSON.stringify(expected)}`,
          `${what} er ${JSON.stringify(actual)}, det signerte intervallet sier ${JSON.stringify(expected)}`,
        ),
      );
    }
  };
  expect(1, first.globalPosition, range.firstGlobalPosition, 'globalPosition');
  expect(1, first.recordedAt, range.firstRecordedAt, 'recordedAt');
  expect(count, last.globalPosition, range.lastGlobalPosition, 'globalPosition');
  expect(count, last.recordedAt, range.lastRecordedAt, 'recordedAt');
};

/** Names, as precisely as the chain allows, why line n does not follow line n − 1. */
const describeBrokenLink = (fileLabel, n, line, previousHash, hashBeforePrevious) => {
  if (line.seq === n - 1 && line.prevHash === hashBeforePrevious) {
    const from = n === 2 ? both('the start', 'starten') : both(`line ${n - 2}`, `linje ${n - 2}`);
    throw new Invalid(
      fileLabel,
      n - 1,
      both(
        `inserted: the chain skips it (line ${n} continues from ${from.en})`,
        `satt inn: kjeden hopper over den (linje ${n} fortsetter fra ${from.nb})`,
      ),
    );
  }
  if (line.seq > n) {
    throw new Invalid(
      fileLabel,
      n,
      both(
        `seq is ${line.seq}, expected ${n}: lines are missing before it, or out of order`,
        `seq er ${line.seq}, forventet ${n}: linjer mangler foran den, eller står i feil rekkefølge`,
      ),
    );
  }
  if (line.seq !== n) {
    throw new Invalid(
      fileLabel,
      n,
      both(
        `seq is ${line.seq}, expected ${n}: lines are duplicated or out of order`,
        `seq er ${line.seq}, forventet ${n}: linjer er doblet eller står i feil rekkefølge`,
      ),
    );
  }
  if (n === 1) {
    throw new Invalid(
      fileLabel,
      1,
      both(
        'prevHash of the first line is not the genesis hash (64 zeros)',
        'prevHash på første linje er ikke starthashen (64 nuller)',
      ),
    );
  }
  throw new Invalid(
    fileLabel,
    n - 1,
    both(
      `changed: its eventHash is not the prevHash of line ${n} (this line, or line ${n}, was replaced ` +
        'and its hash recomputed)',
      `endret: dens eventHash er ikke prevHash på linje ${n} (denne linjen, eller linje ${n}, er byttet ut ` +
        'og hashen beregnet på nytt)',
    ),
  );
};

/** After a failed prefix check: the first line at which the two exports' histories differ. */
const findFirstDifference = async (directory, previousDirectory, treeSize) => {
  const current = await LineReader.open(path.join(directory, EVENTS_FILE));
  const earlier = await LineReader.open(path.join(previousDirectory, EVENTS_FILE)).catch(() => undefined);
  try {
    if (earlier === undefined) return undefined;
    while (current.lineNumber < treeSize && (await current.advance()) && (await earlier.advance())) {
      const a = current.view.toString(
        'latin1',
        current.start + EVENT_HASH_AT,
        current.start + PREV_HASH_HEAD_AT,
      );
      const b = earlier.view.toString(
        'latin1',
        earlier.start + EVENT_HASH_AT,
        earlier.start + PREV_HASH_HEAD_AT,
      );
      if (a !== b) return current.lineNumber;
    }
    return undefined;
  } finally {
    await current.close();
    if (earlier) await earlier.close();
  }
};

const toPublicKey = (key) => {
  if (key instanceof crypto.KeyObject) {
    if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519')
      throw new Error('not an Ed25519 public key');
    return key;
  }
  return parsePublicKey(Buffer.isBuffer(key) ? key : Buffer.from(String(key)));
};

/**
 * Verifies the export in `directory` against the pinned `publicKey` (a KeyObject, or the bytes or text of a
 * key file). With `previous` (the folder of an earlier export signed with the same key) it also proves that
 * this export's history extends the earlier one; with `witness` (`{ cosignature?, key }`), that it extends
 * the tree head the witness cosigned (the one given, else the largest the export carries by that key). The
 * tree heads the export carries are checked against its events in any case. Resolves to `{ valid: true, … }`
 * or `{ valid: false, file, line, reason, message }` naming the first bad file or line, in English or, with
 * `lang: 'nb'`, in bokmål; rejects only when the key or the folders cannot be used at all.
 */
const verifyExport = async (directory, options) => {
  const lang = options.lang === undefined ? 'en' : options.lang;
  if (lang !== 'en' && lang !== 'nb') throw new Error(`lang is 'en' or 'nb', not ${JSON.stringify(lang)}`);
  const publicKey = toPublicKey(options.publicKey);
  const fingerprint = publicKeyFingerprint(publicKey);
  try {
    const earlier = options.previous
      ? await readSignedManifest(options.previous, publicKey, PREVIOUS_EXPORT)
      : undefined;
    const { manifest, manifestSha256 } = await readSignedManifest(directory, publicKey);
    if (earlier && earlier.manifest.treeSize > manifest.treeSize) {
      throw new Invalid(
        EVENTS_FILE,
        undefined,
        both(
          `has ${manifest.treeSize} events, fewer than the ${earlier.manifest.treeSize} of the previous export: ` +
            'history was removed',
          `har ${manifest.treeSize} hendelser, færre enn de ${earlier.manifest.treeSize} i forrige eksport: ` +
            'historikk er fjernet',
        ),
      );
    }
    const kept = options.witness && options.witness.cosignature !== undefined;
    let witnessed = kept ? readWitness(options.witness, manifest) : undefined;
    await checkFolderContents(directory, manifest);
    const carried = await readCarriedCosignatures(directory, manifest);
    if (options.witness && !kept) witnessed = carriedWitness(carried, options.witness.key);
    const prefixSizes = [
      earlier && earlier.manifest.treeSize,
      witnessed && witnessed.treeSize,
      ...carried.map(({ note }) => note.treeSize),
    ].filter((size) => size !== undefined);
    const { prefixRoots } = await checkEvents(directory, manifest, prefixSizes);
    checkCarried(carried, prefixRoots);
    for (const entry of manifest.files)
      if (entry.name !== EVENTS_FILE) await checkFileDigest(directory, entry);
    await checkChecksumsFile(directory, manifest);
    const link =
      earlier &&
      (await checkLink(
        directory,
        options.previous,
        manifest,
        earlier,
        prefixRoots.get(earlier.manifest.treeSize),
      ));
    if (witnessed) checkWitnessed(witnessed, prefixRoots.get(witnessed.treeSize));
    return {
      valid: true,
      publicKeyFingerprint: fingerprint,
      manifest,
      manifestSha256,
      ...(link ? { previous: link } : {}),
      ...(witnessed ? { witness: witnessSummary(witnessed) } : {}),
      carriedCosignatures: carried.map(({ file, note }) => ({
        file,
        treeSize: note.treeSize,
        cosigners: note.cosignatures.map((c) => c.name),
      })),
    };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { valid: false, publicKeyFingerprint: fingerprint, ...error.report(lang) };
  }
};

/** This export extends the earlier one: checked directly on the events, and by the signed consistency proof. */
const checkLink = async (directory, previousDirectory, manifest, earlier, prefixRoot) => {
  const before = earlier.manifest;
  if (binaryToHex(prefixRoot) !== before.merkleRoot) {
    const line = await findFirstDifference(directory, previousDirectory, before.treeSize);
    throw new Invalid(
      EVENTS_FILE,
      line,
      line === undefined
        ? both(
            `its first ${before.treeSize} events do not hash to the previous export's Merkle root: ` +
              'history was rewritten',
            `de første ${before.treeSize} hendelsene gir ikke Merkle-roten til forrige eksport: ` +
              'historikken er omskrevet',
          )
        : both(
            `differs from line ${line} of the previous export: history was rewritten between the two exports`,
            `avviker fra linje ${line} i forrige eksport: historikken er omskrevet mellom de to eksportene`,
          ),
    );
  }
  const claimed = manifest.previous;
  const proofChecked = claimed !== null && claimed.treeSize === before.treeSize;
  if (proofChecked) {
    if (claimed.merkleRoot !== before.merkleRoot || claimed.chainHead !== before.chainHead) {
      throw new Invalid(
        MANIFEST_FILE,
        undefined,
        both(
          "previous: the tree it names is not the previous export's tree",
          'previous: treet det viser til, er ikke treet i forrige eksport',
        ),
      );
    }
    const proof = claimed.consistencyProof.map((node) => Buffer.from(node, 'hex'));
    const root1 = Buffer.from(before.merkleRoot, 'hex');
    const root2 = Buffer.from(manifest.merkleRoot, 'hex');
    if (!verifyConsistency(before.treeSize, manifest.treeSize, root1, root2, proof)) {
      throw new Invalid(
        MANIFEST_FILE,
        undefined,
        both(
          `previous.consistencyProof does not prove that tree ${manifest.treeSize} extends tree ${before.treeSize}`,
          `previous.consistencyProof beviser ikke at treet med ${manifest.treeSize} løv utvider treet med ` +
            `${before.treeSize}`,
        ),
      );
    }
  }
  return {
    treeSize: before.treeSize,
    merkleRoot: before.merkleRoot,
    created: before.created,
    consistencyProofChecked: proofChecked,
    sameManifest: claimed !== null && claimed.manifestSha256 === earlier.manifestSha256,
  };
};

// ---------------------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------------------

const USAGE =
  'usage: node verify-export.js EXPORT_DIR --public-key KEY_FILE [--previous PREVIOUS_EXPORT_DIR]\n' +
  '         [[--witness COSIGNATURE_FILE] --witness-key WITNESS_VERIFIER_KEY_FILE] [--lang nb|en]';

const VALUE_OPTIONS = {
  '--lang': 'lang',
  '--public-key': 'publicKey',
  '--previous': 'previous',
  '--witness': 'witness',
  '--witness-key': 'witnessKey',
};

class UsageError extends Error {}

const parseArguments = (args) => {
  const options = {};
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    if (Object.hasOwn(VALUE_OPTIONS, name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      options[VALUE_OPTIONS[name]] = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError('give exactly one export folder');
  if (!options.publicKey) throw new UsageError('--public-key is required: the key you received out of band');
  options.lang = options.lang || 'nb';
  if (options.lang !== 'nb' && options.lang !== 'en') throw new UsageError('--lang is nb (bokmål) or en');
  if (options.witness && !options.witnessKey)
    throw new UsageError("--witness needs --witness-key: the witness's verifier key");
  return { directory: positional[0], ...options };
};

/** Key and cosignature files are a few hundred bytes: anything larger, or not a regular file, is refused. */
const MAX_INPUT_FILE_BYTES = 64 * 1024;

const readInputFile = (file) => {
  const stats = fs.statSync(file);
  if (!stats.isFile()) throw new Error(`it is ${kindOf(stats).en}, not a regular file`);
  if (stats.size > MAX_INPUT_FILE_BYTES) throw new Error(`it is ${stats.size} bytes, too large`);
  return fs.readFileSync(file);
};

const readInputOrUsage = (file, what) => {
  try {
    return readInputFile(file);
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${file} (${error.code || error.message})`);
  }
};

/** SHA-256 of this very file, to compare with the published one: a swapped verifier would show another. */
const ownSha256 = () => sha256(fs.readFileSync(__filename)).toString('hex');

const requireDirectory = (directory, what) => {
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
    throw new UsageError(`${what} ${directory} is not a folder`);
  }
};

/**
 * What the command line prints, in Norwegian (bokmål, the default) and English (`--lang en`); the reason an
 * export is invalid comes from verifyExport in the same language. Usage errors are in English.
 */
const REPORT_TEXT = {
  nb: {
    verifier: (name, hash) =>
      `Verifikator: ${name} sha256:${hash} (sammenlign med den publiserte; kjør din egen kopi, ` +
      'aldri bare den som ligger i eksporten)\n',
    publicKey: (fingerprint) => `Offentlig nøkkel: ${fingerprint} (sammenlign med fingeravtrykket du fikk)\n`,
    invalid: (message) => `UGYLDIG (invalid): ${message}\n`,
    origin: (m) => `Eksport: ${m.origin}, laget ${m.created}\n`,
    events: (m) =>
      m.range
        ? `Hendelser: ${m.eventCount} (globale posisjoner ${m.range.firstGlobalPosition}–` +
          `${m.range.lastGlobalPosition}, registrert ${m.range.firstRecordedAt} – ${m.range.lastRecordedAt})\n`
        : 'Hendelser: 0\n',
    tree: (m) => `Merkle-rot: ${m.merkleRoot} (trestørrelse ${m.treeSize})\nKjedehode: ${m.chainHead}\n`,
    files: (m) =>
      `Filer: ${m.files.length} kontrollert (SHA-256 og størrelse); hashkjeden og løpenummeret ` +
      'til hver linje kontrollert\n',
    previous: (p) =>
      `Forrige eksport (laget ${p.created}, trestørrelse ${p.treeSize}): utvidet, ikke omskrevet` +
      (p.consistencyProofChecked
        ? '; konsistensbeviset er verifisert'
        : '; kontrollert på hendelsene (manifestet har ikke bevis for den)') +
      '\n',
    witness: (w) =>
      `Vitne ${w.cosigner} (medsignert ${w.cosigned}, trestørrelse ${w.treeSize}` +
      `${w.carried ? ', medsignaturen eksporten har med' : ''}): utvidet, ikke omskrevet\n`,
    carried: (list, keyGiven) =>
      `Medsignaturer i eksporten: ${list.length} (trestørrelse ${list.map((c) => c.treeSize).join(', ')}): ` +
      'hendelsene utvider trehodene' +
      (keyGiven ? '' : '; signaturene er ikke kontrollert uten vitnets nøkkel (--witness-key)') +
      '\n',
    unanchored:
      'ADVARSEL: verken forrige eksport (--previous) eller vitne (--witness) er oppgitt. En historikk som er ' +
      'omskrevet og signert på nytt med samme nøkkel, blir da ikke oppdaget; oppgi en eksport du har ' +
      'beholdt, eller en medsignatur.\n',
    valid: 'GYLDIG (valid)\n',
  },
  en: {
    verifier: (name, hash) =>
      `Verifier: ${name} sha256:${hash} (compare with the published one; run your own copy, ` +
      'never only the one inside an export)\n',
    publicKey: (fingerprint) => `Public key: ${fingerprint} (compare with the fingerprint you were given)\n`,
    invalid: (message) => `INVALID (ugyldig): ${message}\n`,
    origin: (m) => `Export: ${m.origin}, created ${m.created}\n`,
    events: (m) =>
      m.range
        ? `Events: ${m.eventCount} (global positions ${m.range.firstGlobalPosition}–` +
          `${m.range.lastGlobalPosition}, recorded ${m.range.firstRecordedAt} – ${m.range.lastRecordedAt})\n`
        : 'Events: 0\n',
    tree: (m) => `Merkle root: ${m.merkleRoot} (tree size ${m.treeSize})\nChain head: ${m.chainHead}\n`,
    files: (m) =>
      `Files: ${m.files.length} checked (SHA-256 and size), hash chain and seq of every line checked\n`,
    previous: (p) =>
      `Previous export (created ${p.created}, tree size ${p.treeSize}): extended, not rewritten` +
      (p.consistencyProofChecked
        ? '; consistency proof verified'
        : '; checked on the events (no proof for it in the manifest)') +
      '\n',
    witness: (w) =>
      `Witness ${w.cosigner} (cosigned ${w.cosigned}, tree size ${w.treeSize}` +
      `${w.carried ? ', the cosignature the export carries' : ''}): extended, not rewritten\n`,
    carried: (list, keyGiven) =>
      `Cosignatures in the export: ${list.length} (tree size ${list.map((c) => c.treeSize).join(', ')}): ` +
      'the events extend their tree heads' +
      (keyGiven ? '' : "; their signatures are not checked without the witness's key (--witness-key)") +
      '\n',
    unanchored:
      'WARNING: neither a previous export (--previous) nor a witness (--witness) was given. A history ' +
      'rewritten and signed again with the same key is then not detected; give an export you kept, or a ' +
      'cosignature.\n',
    valid: 'VALID (gyldig)\n',
  },
};

const main = async (args, out = process.stdout, err = process.stderr) => {
  let parsed;
  let publicKey;
  let witness;
  try {
    parsed = parseArguments(args);
    if (parsed.help) {
      out.write(USAGE + '\n');
      return 0;
    }
    requireDirectory(parsed.directory, 'export');
    if (parsed.previous) requireDirectory(parsed.previous, 'previous export');
    const keyBytes = readInputOrUsage(parsed.publicKey, 'public key file');
    if (parsed.witnessKey) {
      witness = {
        key: readInputOrUsage(parsed.witnessKey, 'witness key file').toString('utf8'),
        ...(parsed.witness && {
          cosignature: readInputOrUsage(parsed.witness, 'witness cosignature file').toString('utf8'),
        }),
      };
    }
    try {
      publicKey = parsePublicKey(keyBytes);
    } catch (error) {
      throw new UsageError(`${parsed.publicKey}: ${error.message}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`verify-export: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const say = REPORT_TEXT[parsed.lang];
  out.write(say.verifier(path.basename(__filename), ownSha256()));
  out.write(say.publicKey(publicKeyFingerprint(publicKey)));
  const result = await verifyExport(parsed.directory, {
    publicKey,
    previous: parsed.previous,
    witness,
    lang: parsed.lang,
  });
  if (!result.valid) {
    out.write(say.invalid(result.message));
    return 1;
  }
  const m = result.manifest;
  out.write(say.origin(m));
  out.write(say.events(m));
  out.write(say.tree(m));
  out.write(say.files(m));
  if (result.previous) out.write(say.previous(result.previous));
  if (result.carriedCosignatures.length > 0)
    out.write(say.carried(result.carriedCosignatures, witness !== undefined));
  if (result.witness) out.write(say.witness(result.witness));
  if (!result.previous && !result.witness) out.write(say.unanchored);
  out.write(say.valid);
  return 0;
};

module.exports = {
  FORMAT,
  FORMAT_VERSION,
  EVENTS_FILE,
  MANIFEST_FILE,
  SIGNATURE_FILE,
  VERIFIER_FILE,
  CHECKSUMS_FILE,
  GENESIS_HASH,
  EMPTY_TREE_ROOT,
  sha256,
  binaryToHex,
  toBinary,
  fromBinary,
  eventLeaf,
  leafHash,
  nodeHash,
  MerkleFrontier,
  verifyInclusion,
  verifyConsistency,
  maxEventLineBytes,
  encodeEventLine,
  formatEventLine,
  parseEventLine,
  LineReader,
  publicKeyFingerprint,
  parsePublicKey,
  parseManifest,
  readSignedManifest,
  checkpointBody,
  cosignedMessage,
  cosignerKeyId,
  formatCosignerVerifierKey,
  splitNoteKey,
  parseCosignerVerifierKey,
  cosignatureLine,
  parseCheckpointNote,
  parseCosignedCheckpoint,
  WITNESS_COSIGNATURE_FILE,
  witnessCosignatureFileName,
  verifyExport,
  main,
};

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`verify-export: ${error.stack || error}\n`);
      process.exitCode = 2;
    },
  );
}
