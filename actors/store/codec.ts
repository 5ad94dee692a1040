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
 * The text is written as UTF-8 bytes into one reused buffer and read out once, flat: building it
 * by string concatenation would leave a rope of small strings per value for the garbage collector
 * (and a copy to flatten it when it is stored).
 *
 * @throws InvalidValueError when the value (or anything inside it) is outside the value domain.
 */
export function encodeValue(value: unknown): string {
  const out = writer;
  if (out.busy) return new ByteWriter().encode(value);
  return out.encode(value);
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

/** Double quote, comma, brackets and braces as bytes. */
const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const FIRST_BYTES = 4_096;
/** A writer whose buffer grew past this gives it back after the value (one huge snapshot). */
const KEEP_BYTES = 1 << 20;

/** Writes one value's JSON as UTF-8 into a growing buffer, reused from value to value. */
class ByteWriter {
  busy = false;
  #buf = Buffer.allocUnsafe(FIRST_BYTES);
  #pos = 0;

  encode(value: unknown): string {
    this.busy = true;
    this.#pos = 0;
    try {
      this.#value(value, 0);
    } catch (error) {
      if (!(error instanceof Unstorable)) throw error;
      const where = formatPath(error.path);
      throw new InvalidValueError(where, `cannot store value at ${where}: ${error.message}`);
    } finally {
      this.busy = false;
    }
    const text = this.#buf.toString('utf8', 0, this.#pos);
    if (this.#buf.length > KEEP_BYTES) this.#buf = Buffer.allocUnsafe(FIRST_BYTES);
    return text;
  }

  #value(value: unknown, depth: number): void {
    switch (typeof value) {
      case 'string':
        // Most stored strings are ids and codes that need no escaping and no surrogate check.
        if (PLAIN_TEXT.test(value)) return this.#quotedAscii(value);
        checkText(value);
        return this.#utf8(JSON.stringify(value));
      case 'number':
        if (!Number.isFinite(value)) throw new Unstorable(`${value} is not a finite number`);
        // String(-0) is "0", and String(n) equals JSON's form for every finite n.
        return this.#ascii(String(value));
      case 'boolean':
        return this.#ascii(value ? 'true' : 'false');
      case 'bigint':
        this.#ascii(BIGINT_OPEN);
        this.#ascii(String(value));
        return this.#ascii(BIGINT_CLOSE);
      case 'object':
        if (value === null) return this.#ascii('null');
        if (depth >= MAX_DEPTH) throw new Unstorable(`nested deeper than ${MAX_DEPTH} levels (or cyclic)`);
        return Array.isArray(value) ? this.#array(value, depth) : this.#object(value, depth);
      case 'undefined':
        throw new Unstorable(
          depth === 0 ? 'undefined cannot be stored (use null)' : 'undefined in an array cannot be stored',
        );
      default:
        throw new Unstorable(`a ${typeof value} cannot be stored`);
    }
  }

  #array(array: readonly unknown[], depth: number): void {
    this.#byte(OPEN_ARRAY);
    for (let i = 0; i < array.length; i++) {
      if (i > 0) this.#byte(COMMA);
      try {
        this.#value(array[i], depth + 1);
      } catch (error) {
        if (error instanceof Unstorable) error.path.unshift(i);
        throw error;
      }
    }
    this.#byte(CLOSE_ARRAY);
  }

  #object(object: object, depth: number): void {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new Unstorable(`a ${kind} instance cannot be stored, only plain objects`);
    }
    let first = true;
    for (const key of Object.keys(object)) {
      const item = (object as Record<string, unknown>)[key];
      if (key === BIGINT_KEY && Object.keys(object).length === 1) {
        throw new Unstorable(`the key "${BIGINT_KEY}" alone is reserved for bigints`);
      }
      if (item === undefined) continue;
      this.#byte(first ? OPEN_OBJECT : COMMA);
      try {
        this.#key(key);
        this.#value(item, depth + 1);
      } catch (error) {
        if (error instanceof Unstorable) error.path.unshift(key);
        throw error;
      }
      first = false;
    }
    if (first) this.#byte(OPEN_OBJECT);
    this.#byte(CLOSE_OBJECT);
  }

  /** `"key":`, its bytes cached: keys repeat endlessly (every event has the same few). */
  #key(key: string): void {
    let bytes = keyBytes.get(key);
    if (bytes === undefined) {
      let prefix: string;
      if (PLAIN_TEXT.test(key)) {
        prefix = `"${key}":`;
      } else {
        checkText(key);
        prefix = JSON.stringify(key) + ':';
      }
      bytes = Buffer.from(prefix, 'utf8');
      if (keyBytes.size < KEY_CACHE_LIMIT) keyBytes.set(key, bytes);
    }
    const n = bytes.length;
    this.#room(n);
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) buf[pos++] = bytes[i]!;
    this.#pos = pos;
  }

  #byte(byte: number): void {
    this.#room(1);
    this.#buf[this.#pos++] = byte;
  }

  /** Text known to be ASCII (digits, literals, PLAIN_TEXT), one byte per character. */
  #ascii(text: string): void {
    const n = text.length;
    this.#room(n);
    const buf = this.#buf;
    let pos = this.#pos;
    for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i);
    this.#pos = pos;
  }

  #quotedAscii(text: string): void {
    const n = text.length;
    this.#room(n + 2);
    const buf = this.#buf;
    let pos = this.#pos;
    buf[pos++] = QUOTE;
    for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i);
    buf[pos++] = QUOTE;
    this.#pos = pos;
  }

  #utf8(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.#room(text.length * 3);
    this.#pos += this.#buf.write(text, this.#pos, 'utf8');
  }

  #room(bytes: number): void {
    if (this.#pos + bytes <= this.#buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#pos + bytes));
    this.#buf.copy(grown, 0, 0, this.#pos);
    this.#buf = grown;
  }
}

const BIGINT_OPEN = `{"${BIGINT_KEY}":"`;
const BIGINT_CLOSE = '"}';
const KEY_CACHE_LIMIT = 10_000;
const keyBytes = new Map<string, Buffer>();
/** The writer `encodeValue` uses; a fresh one only when encoding re-enters (a getter that encodes). */
const writer = new ByteWriter();

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
