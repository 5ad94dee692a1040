/**
 * The one text form of every stored value (events, replies, snapshot state, audit detail), so the
 * memory, PGlite and PostgreSQL adapters hold and return the same values.
 *
 * The value domain is JSON plus `bigint` (ledger amounts), restricted to what PostgreSQL's `jsonb`
 * accepts:
 * - `null`, booleans, finite numbers, strings, arrays, plain objects (prototype `Object.prototype`
 *   or `null`), and `bigint`, written as `{"$bigint":"123"}` and read back as `123n`;
 * - object properties whose value is `undefined` are left out, as `JSON.stringify` does;
 * - `-0` is stored as `0`.
 *
 * Everything else is rejected with `InvalidValueError` naming the path, rather than silently
 * changed as `JSON.stringify` would: `undefined` as the value or inside an array, functions,
 * symbols, `NaN`/`±Infinity`, class instances (`Date`, `Map`, `Uint8Array`, …), strings or keys
 * containing `\u0000` or unpaired surrogates (jsonb refuses both), an object whose only key is
 * `$bigint` (reserved for the bigint form), and nesting deeper than 512 levels (which also catches
 * cycles).
 *
 * Key order is not part of a value: `jsonb` returns keys in its own order, so hash state with a
 * canonical encoding rather than by comparing stored text.
 */
import { InvalidValueError } from './errors.ts';

const BIGINT_KEY = '$bigint';
const MAX_DEPTH = 512;
/** Any surrogate: a cheap first test before looking for unpaired ones. */
const SURROGATE = /[\ud800-\udfff]/;
/** A high surrogate without its low half, or a low surrogate without its high half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/**
 * Text JSON writes as is between quotes (no escapes, no surrogates, no NUL): most keys, ids and
 * codes, written without `JSON.stringify` and without the storability check.
 */
const PLAIN_TEXT = /^[\w $.:/@#+=,-]*$/;
const DIGITS = /^-?\d+$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

type PathSegment = string | number;

/**
 * Encodes a value as JSON text, bigints as `{"$bigint":"…"}`.
 *
 * @throws InvalidValueError when the value (or anything inside it) is outside the value domain.
 */
export function encodeValue(value: unknown): string {
  try {
    return write(value, 0);
  } catch (error) {
    if (!(error instanceof Unstorable)) throw error;
    const where = formatPath(error.path);
    throw new InvalidValueError(where, `cannot store value at ${where}: ${error.message}`);
  }
}

/**
 * Decodes text written by `encodeValue` (or the same JSON as returned by `jsonb::text`), turning
 * `{"$bigint":"…"}` back into bigints. Returns fresh objects on every call.
 *
 * @throws InvalidValueError when the text is not JSON or holds a malformed bigint.
 */
export function decodeValue(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidValueError('$', `stored text is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // Most values hold no bigint, and then need no second pass.
  return text.includes(`"${BIGINT_KEY}"`) ? revive(value) : value;
}

/**
 * True when PostgreSQL can hold the text in a `text` or `jsonb` column: no `\u0000` and no unpaired
 * surrogate. Used for keys such as persistence ids, which are stored as text, not through the codec.
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !(SURROGATE.test(text) && LONE_SURROGATE.test(text));
}

/** Thrown inside the encoder; collects the path while unwinding, so the happy path tracks none. */
class Unstorable extends Error {
  readonly path: PathSegment[] = [];
}

function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      // Most stored strings are ids and codes that need no escaping and no surrogate check.
      if (PLAIN_TEXT.test(value)) return `"${value}"`;
      checkText(value);
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Unstorable(`${value} is not a finite number`);
      // String(-0) is "0", and String(n) equals JSON's form for every finite n.
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `{"${BIGINT_KEY}":"${value}"}`;
    case 'object':
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) throw new Unstorable(`nested deeper than ${MAX_DEPTH} levels (or cyclic)`);
      return Array.isArray(value) ? writeArray(value, depth) : writeObject(value, depth);
    case 'undefined':
      throw new Unstorable(
        depth === 0 ? 'undefined cannot be stored (use null)' : 'undefined in an array cannot be stored',
      );
    default:
      throw new Unstorable(`a ${typeof value} cannot be stored`);
  }
}

function writeArray(array: readonly unknown[], depth: number): string {
  let out = '[';
  for (let i = 0; i < array.length; i++) {
    try {
      out += (i === 0 ? '' : ',') + write(array[i], depth + 1);
    } catch (error) {
      if (error instanceof Unstorable) error.path.unshift(i);
      throw error;
    }
  }
  return out + ']';
}

function writeObject(object: object, depth: number): string {
  const proto: unknown = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) {
    const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    throw new Unstorable(`a ${kind} instance cannot be stored, only plain objects`);
  }
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === BIGINT_KEY) {
    throw new Unstorable(`the key "${BIGINT_KEY}" alone is reserved for bigints`);
  }
  let out = '';
  let first = true;
  for (const key of keys) {
    const item = (object as Record<string, unknown>)[key];
    if (item === undefined) continue;
    try {
      out += (first ? '{' : ',') + keyPrefix(key) + write(item, depth + 1);
    } catch (error) {
      if (error instanceof Unstorable) error.path.unshift(key);
      throw error;
    }
    first = false;
  }
  return first ? '{}' : out + '}';
}

/**
 * `"key":` for an object key. Keys repeat endlessly (every event has the same few), so their
 * checked, escaped form is cached instead of testing and quoting each one again.
 */
const keyPrefixes = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;

function keyPrefix(key: string): string {
  const cached = keyPrefixes.get(key);
  if (cached !== undefined) return cached;
  let prefix: string;
  if (PLAIN_TEXT.test(key)) {
    prefix = `"${key}":`;
  } else {
    checkText(key);
    prefix = JSON.stringify(key) + ':';
  }
  if (keyPrefixes.size < KEY_CACHE_LIMIT) keyPrefixes.set(key, prefix);
  return prefix;
}

function checkText(text: string): void {
  if (!isStorableText(text)) throw new Unstorable('text with NUL or an unpaired surrogate cannot be stored');
}

/** Replaces `{"$bigint":"…"}` objects by bigints, in place (the value is fresh from `JSON.parse`). */
function revive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === BIGINT_KEY) {
    const digits = record[BIGINT_KEY];
    if (typeof digits !== 'string' || !DIGITS.test(digits)) {
      throw new InvalidValueError('$', `malformed stored bigint ${JSON.stringify(digits)}`);
    }
    return BigInt(digits);
  }
  for (const key of keys) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) record[key] = revive(item);
  }
  return value;
}

function formatPath(path: readonly PathSegment[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
