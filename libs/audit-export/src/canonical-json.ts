/**
 * Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings in ECMAScript's serialization (which JCS adopts). Bigints are written as decimal
 * strings, since JSON has no integers beyond 2^53. Properties whose value is `undefined` are left out, as
 * JSON.stringify does. Anything JSON cannot carry exactly is refused with the path to it.
 *
 * It is encoded straight to UTF-8 bytes, into one buffer that every call reuses: an export encodes every
 * event, and building each one as a string of many small pieces first (which V8 then has to flatten and
 * encode) cost more than all of the export's hashing.
 */

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
  constructor(
    /** Where the value sits, e.g. `data.amounts[2]`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path || '(value)'}: ${reason}`);
  }
}

// The bytes being written, from 0 to `end`; grown when a value needs more room, and let go again after
// an unusually large one, so that one huge event does not hold memory for good.
const USUAL_BYTES = 1 << 16;
let bytes = Buffer.allocUnsafe(USUAL_BYTES);
let end = 0;

const reserve = (count: number) => {
  if (end + count <= bytes.length) return;
  const larger = Buffer.allocUnsafe(Math.max(2 * bytes.length, end + count));
  bytes.copy(larger, 0, 0, end);
  bytes = larger;
};

const HEX_DIGITS = Buffer.from('0123456789abcdef');
/** The letter of a two-character escape (`\n`, `\"`, …) by character code; 0 where there is none. */
const SHORT_ESCAPES = new Uint8Array(0x60);
for (const [code, letter] of [
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x22, '"'],
  [0x5c, '\\'],
] as const) {
  SHORT_ESCAPES[code] = letter.charCodeAt(0);
}

/** The escape JSON.stringify writes for a control character, quote, backslash or lone surrogate. */
const writeEscape = (out: Buffer, at: number, code: number): number => {
  out[at++] = 0x5c;
  const letter = code < 0x60 ? SHORT_ESCAPES[code]! : 0;
  if (letter !== 0) {
    out[at++] = letter;
    return at;
  }
  out[at++] = 0x75;
  out[at++] = HEX_DIGITS[code >> 12]!;
  out[at++] = HEX_DIGITS[(code >> 8) & 15]!;
  out[at++] = HEX_DIGITS[(code >> 4) & 15]!;
  out[at++] = HEX_DIGITS[code & 15]!;
  return at;
};

/** A string as a JSON string literal, in UTF-8: what JSON.stringify writes, encoded as Buffer#write does. */
const writeString = (text: string) => {
  reserve(6 * text.length + 2); // at most \uXXXX per UTF-16 unit
  const out = bytes;
  let at = end;
  out[at++] = 0x22;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x20 && code !== 0x22 && code !== 0x5c) out[at++] = code;
      else at = writeEscape(out, at, code);
    } else if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 0x3f);
    } else if (code < 0xd800 || code > 0xdfff) {
      out[at++] = 0xe0 | (code >> 12);
      out[at++] = 0x80 | ((code >> 6) & 0x3f);
      out[at++] = 0x80 | (code & 0x3f);
    } else {
      const low = text.charCodeAt(i + 1); // NaN past the end
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        out[at++] = 0xf0 | (point >> 18);
        out[at++] = 0x80 | ((point >> 12) & 0x3f);
        out[at++] = 0x80 | ((point >> 6) & 0x3f);
        out[at++] = 0x80 | (point & 0x3f);
        i++;
      } else {
        at = writeEscape(out, at, code); // a lone surrogate, as JSON.stringify escapes it
      }
    }
  }
  out[at++] = 0x22;
  end = at;
};

/** Text known to be ASCII without anything to escape: numbers, literals, the record's fixed keys. */
const writeAscii = (text: string) => {
  reserve(text.length);
  const out = bytes;
  let at = end;
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  end = at;
};

const writeByte = (byte: number) => {
  reserve(1);
  bytes[end++] = byte;
};

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Sorts keys by UTF-16 code units in place; objects have a handful of keys, often sorted already. */
const sortKeys = (keys: string[]) => {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
};

// The keys and indexes leading to the value being written, for error messages; reset by every call.
const trail: (string | number)[] = [];

const refuse = (reason: string): never => {
  throw new CanonicalJsonError(formatTrail(), reason);
};

const formatTrail = () =>
  trail
    .map((step, i) =>
      typeof step === 'number'
        ? `[${step}]`
        : /^[A-Za-z_$][\w$]*$/.test(step)
          ? `${i === 0 ? '' : '.'}${step}`
          : `[${JSON.stringify(step)}]`,
    )
    .join('');

const writeValue = (value: unknown): void => {
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'number':
      return Number.isFinite(value) ? writeAscii(String(value)) : refuse(`${value} is not a JSON number`);
    case 'boolean':
      return writeAscii(value ? 'true' : 'false');
    case 'bigint':
      return writeAscii(`"${value}"`);
    case 'object':
      if (value === null) return writeAscii('null');
      if (Array.isArray(value)) return writeArray(value);
      return isPlainObject(value)
        ? writeObject(value)
        : refuse(`a ${value.constructor?.name ?? 'non-plain'} object is not JSON data`);
    default:
      return refuse(`a ${typeof value} is not JSON data`);
  }
};

const writeArray = (array: readonly unknown[]) => {
  writeByte(0x5b);
  for (let i = 0; i < array.length; i++) {
    trail.push(i);
    if (i > 0) writeByte(0x2c);
    const item = array[i];
    if (item === undefined) refuse('undefined is not JSON data');
    writeValue(item);
    trail.pop();
  }
  writeByte(0x5d);
};

const writeObject = (object: Record<string, unknown>) => {
  writeByte(0x7b);
  let first = true;
  for (const key of sortKeys(Object.keys(object))) {
    const item = object[key];
    if (item === undefined) continue;
    trail.push(key);
    if (!first) writeByte(0x2c);
    first = false;
    writeString(key);
    writeByte(0x3a);
    writeValue(item);
    trail.pop();
  }
  writeByte(0x7d);
};

/**
 * Writes canonical JSON into the shared buffer, for callers that frame values themselves (the record of an
 * event): `start`, then pieces, then `bytes` – a view that the next `start` overwrites.
 */
export const canonicalWriter = {
  start(): void {
    end = 0;
    if (bytes.length > 64 * USUAL_BYTES) bytes = Buffer.allocUnsafe(USUAL_BYTES);
  },
  /** Text that is ASCII and needs no escapes, written as it is. */
  ascii: writeAscii,
  string: writeString,
  /** A value; `at` names it in a CanonicalJsonError (e.g. `data`). */
  value(value: unknown, at?: string): void {
    trail.length = 0;
    if (at !== undefined) trail.push(at);
    writeValue(value);
  },
  bytes(): Buffer {
    return bytes.subarray(0, end);
  },
};

/**
 * The canonical JSON text of `value`; throws a CanonicalJsonError naming the first value JSON cannot hold.
 * `at` names the value itself in that message (e.g. `data`).
 */
export const canonicalJson = (value: unknown, at?: string): string => {
  canonicalWriter.start();
  canonicalWriter.value(value, at);
  return bytes.toString('utf8', 0, end);
};
