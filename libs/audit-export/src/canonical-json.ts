/**
 * Canonical JSON in the style of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings in ECMAScript's serialisation (which JCS adopts). Bigints are written as decimal
 * strings, since JSON has no integers beyond 2^53. Properties whose value is `undefined` are left out, as
 * JSON.stringify does. Anything JSON cannot carry exactly is refused with the path to it.
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

// Text without quotes, backslashes, control characters or surrogates needs no escapes (and is most text);
// the rest goes through JSON.stringify, whose escapes RFC 8785 adopts.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPES = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** A string as a JSON string literal, in canonical form. */
export const quoteString = (text: string): string =>
  NEEDS_ESCAPES.test(text) ? JSON.stringify(text) : `"${text}"`;

// Keys repeat across millions of events: quote each one once.
const quotedKeys = new Map<string, string>();
const quoteKey = (key: string): string => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key) + ':';
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
};

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
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

const canonical = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return quoteString(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : refuse(`${value} is not a JSON number`);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value}"`;
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return canonicalArray(value);
      return isPlainObject(value)
        ? canonicalObject(value)
        : refuse(`a ${value.constructor?.name ?? 'non-plain'} object is not JSON data`);
    default:
      return refuse(`a ${typeof value} is not JSON data`);
  }
};

const canonicalArray = (array: readonly unknown[]): string => {
  let out = '[';
  for (let i = 0; i < array.length; i++) {
    trail.push(i);
    const item = array[i];
    out +=
      (i === 0 ? '' : ',') + (item === undefined ? refuse('undefined is not JSON data') : canonical(item));
    trail.pop();
  }
  return out + ']';
};

const canonicalObject = (object: Record<string, unknown>): string => {
  let keys = Object.keys(object);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      keys = keys.sort();
      break;
    }
  }
  let out = '{';
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    trail.push(key);
    out += (out.length === 1 ? '' : ',') + quoteKey(key) + canonical(item);
    trail.pop();
  }
  return out + '}';
};

/**
 * The canonical JSON text of `value`; throws a CanonicalJsonError naming the first value JSON cannot hold.
 * `at` names the value itself in that message (e.g. `data`).
 */
export const canonicalJson = (value: unknown, at?: string): string => {
  trail.length = 0;
  if (at !== undefined) trail.push(at);
  return canonical(value);
};
