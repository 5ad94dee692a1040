import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeValue, encodeValue, isStorableText } from './codec.ts';
import { InvalidValueError } from './errors.ts';

/** One code point of any plane except NUL and surrogate halves: what jsonb can hold. */
const storableChar = fc
  .integer({ min: 1, max: 0x10ffff })
  .filter((cp) => cp < 0xd800 || cp > 0xdfff)
  .map((cp) => String.fromCodePoint(cp));

/** JSON values with any storable text; `-0` replaced by `0` (JSON has no negative zero). */
const jsonValue = fc.jsonValue({ stringUnit: storableChar }).map(withoutNegativeZero);

/** JSON values with bigints mixed in anywhere, the value domain of the codec. */
const storedValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
    fc.string({ unit: storableChar }),
    fc.bigInt(),
    fc.array(tie('value')),
    fc.dictionary(fc.string({ unit: storableChar }), tie('value')),
  ),
})).value;

function withoutNegativeZero(value: unknown): unknown {
  if (typeof value === 'number') return value === 0 ? 0 : value;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]));
  }
  return value;
}

function rejection(value: unknown): InvalidValueError {
  try {
    encodeValue(value);
  } catch (error) {
    if (error instanceof InvalidValueError) return error;
    throw error;
  }
  throw new Error(`expected ${String(value)} to be rejected`);
}

describe('codec - round trip', () => {
  test('any JSON value decodes to an equal value', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(decodeValue(encodeValue(value))).toEqual(value);
      }),
    );
  });

  test('plain JSON is encoded exactly as JSON.stringify does', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(encodeValue(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  test('values with bigints anywhere decode to equal values, bigints as bigints', () => {
    fc.assert(
      fc.property(storedValue, (value) => {
        expect(decodeValue(encodeValue(value))).toEqual(value);
      }),
    );
  });

  test('a bigint is written as {"$bigint": digits}', () => {
    expect(encodeValue({ amount: -12345678901234567890n })).toBe(
      '{"amount":{"$bigint":"-12345678901234567890"}}',
    );
    expect(decodeValue('{"amount":{"$bigint":"-12345678901234567890"}}')).toEqual({
      amount: -12345678901234567890n,
    });
  });

  test('jsonb output (spaces, reordered keys) decodes like the codec text', () => {
    expect(decodeValue('{"b": [1, {"$bigint": "7"}], "a": null}')).toEqual({ a: null, b: [1, 7n] });
  });

  test('an object with $bigint among other keys stays an object', () => {
    expect(decodeValue('{"$bigint":"1","x":2}')).toEqual({ $bigint: '1', x: 2 });
  });

  test('undefined properties are left out, as JSON.stringify does', () => {
    expect(encodeValue({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  test('-0 is stored as 0', () => {
    expect(Object.is(decodeValue(encodeValue(-0)), 0)).toBe(true);
  });

  test('null-prototype objects are plain data', () => {
    const value = Object.assign(Object.create(null) as object, { a: 1 });
    expect(decodeValue(encodeValue(value))).toEqual({ a: 1 });
  });

  test('keys that need escaping are escaped', () => {
    const value = { 'say "hi"\n': 1, 'back\\slash': 2, 'ünïcødé 🐱': 3 };
    expect(encodeValue(value)).toBe(JSON.stringify(value));
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  test('storable strings and keys are written exactly as JSON writes them (fast path included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (text, key) => {
        fc.pre(isStorableText(text) && isStorableText(key));
        expect(encodeValue(text)).toBe(JSON.stringify(text));
        expect(encodeValue({ [key]: text })).toBe(JSON.stringify({ [key]: text }));
      }),
    );
  });

  test('decoding returns a fresh copy each time', () => {
    const text = encodeValue({ list: [1] });
    const first = decodeValue(text) as { list: number[] };
    first.list.push(2);
    expect(decodeValue(text)).toEqual({ list: [1] });
  });
});

describe('codec - rejected values', () => {
  test.each([
    ['undefined', undefined, '$', /undefined cannot be stored/],
    ['undefined in an array', [1, undefined], '$[1]', /undefined in an array/],
    ['a function', { f: () => 1 }, '$.f', /function cannot be stored/],
    ['a symbol', { s: Symbol('x') }, '$.s', /symbol cannot be stored/],
    ['NaN', { a: [{ b: NaN }] }, '$.a[0].b', /NaN is not a finite number/],
    ['Infinity', -Infinity, '$', /-Infinity is not a finite number/],
    ['a Date', { at: new Date(0) }, '$.at', /Date instance cannot be stored/],
    ['a Map', new Map(), '$', /Map instance cannot be stored/],
    ['a typed array', { bytes: new Uint8Array(2) }, '$.bytes', /Uint8Array instance/],
    ['NUL in a string', { s: 'a\u0000b' }, '$.s', /NUL or an unpaired surrogate/],
    ['NUL in a key', { 'a\u0000': 1 }, '$["a\\u0000"]', /NUL or an unpaired surrogate/],
    ['a lone high surrogate', ['\ud800x'], '$[0]', /unpaired surrogate/],
    ['a lone low surrogate', ['x\udc00'], '$[0]', /unpaired surrogate/],
    ['the reserved $bigint key alone', { v: { $bigint: '1' } }, '$.v', /reserved for bigints/],
  ])('%s is rejected with its path', (_name, value, path, message) => {
    const error = rejection(value);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.retryable).toBe(false);
  });

  test('a cyclic value is rejected instead of overflowing the stack', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(rejection(cyclic).message).toMatch(/nested deeper than 512 levels \(or cyclic\)/);
  });

  test('any string with NUL is rejected', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(() => encodeValue(`${before}\u0000${after}`)).toThrow(InvalidValueError);
      }),
    );
  });

  test('text that is not JSON does not decode', () => {
    expect(() => decodeValue('{"a":')).toThrow(InvalidValueError);
  });

  test('a malformed stored bigint does not decode', () => {
    expect(() => decodeValue('{"$bigint":"12x"}')).toThrow(/malformed stored bigint "12x"/);
  });
});

describe('codec - isStorableText', () => {
  test('accepts paired surrogates and rejects NUL and unpaired halves', () => {
    expect(isStorableText('🐱 ok')).toBe(true);
    expect(isStorableText('a\u0000')).toBe(false);
    expect(isStorableText('\udc00\ud800')).toBe(false);
  });
});
