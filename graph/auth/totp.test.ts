import { describe, expect, test } from 'vitest';
import { AuthErrorCode, type AuthError } from './errors.ts';
import {
  base32Decode,
  base32Encode,
  consumeTotp,
  generateTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
  verifyTotp,
} from './totp.ts';

/** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

async function failure(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return (error as AuthError).code;
  }
}

describe('totp - RFC 6238', () => {
  test.each(RFC_VECTORS)('Appendix B SHA-1 vector at T=%i is %s (8 digits)', (seconds, expected) => {
    const step = totpStep(seconds * 1000);
    expect(totpCode(RFC_SEED, step, 8)).toBe(expected);
    expect(totpCode(base32Encode(RFC_SEED), step, 8)).toBe(expected);
    expect(verifyTotp(RFC_SEED, expected, { nowMs: seconds * 1000, digits: 8 })).toBe(step);
  });

  test('six digits are the low six of the eight (same truncation)', () => {
    expect(totpCode(RFC_SEED, totpStep(59_000), 6)).toBe('287082');
  });

  test('base32 round-trips, ignores case, spaces and padding, and refuses other characters', () => {
    expect(base32Encode(RFC_SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SEED);
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Decode('MY======')).toEqual(Buffer.from('f'));
    for (const bytes of [0, 1, 2, 3, 4, 5, 19, 20].map((n) =>
      Buffer.from(Array.from({ length: n }, (_, i) => i * 37)),
    )) {
      if (bytes.length > 0) expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
    expect(() => base32Decode('ABC1')).toThrow(/base32/);
    expect(() => base32Decode('')).toThrow(/base32/);
  });

  test('a generated secret is 160 bits of base32', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  test('the otpauth URI names issuer, account, secret and parameters', () => {
    const uri = otpauthUri({
      secret: 'GEZDGNBVGY3TQOJQ',
      account: 'alice@example.com',
      issuer: 'QuantaTrade',
    });
    expect(uri).toBe(
      'otpauth://totp/QuantaTrade:alice%40example.com?secret=GEZDGNBVGY3TQOJQ&issuer=QuantaTrade&algorithm=SHA1&digits=6&period=30',
    );
    expect(() => otpauthUri({ secret: 'not base32!', account: 'a', issuer: 'b' })).toThrow();
  });
});

describe('totp - verification', () => {
  const secret = generateTotpSecret();
  const now = 1_700_000_015_000;
  const step = totpStep(now);

  test('codes of the current step and one step either side are accepted, and say their step', () => {
    expect(verifyTotp(secret, totpCode(secret, step), { nowMs: now })).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, step - 1), { nowMs: now })).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, step + 1), { nowMs: now })).toBe(step + 1);
  });

  test('a code two steps away, a wrong code and malformed codes are MFA_INVALID', async () => {
    expect(await failure(() => verifyTotp(secret, totpCode(secret, step - 2), { nowMs: now }))).toBe(
      AuthErrorCode.MFA_INVALID,
    );
    const right = totpCode(secret, step);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    for (const code of [wrong, '', '12345', '1234567', 'abcdef', ' 123456', '12345\n']) {
      expect(await failure(() => verifyTotp(secret, code, { nowMs: now }))).toBe(AuthErrorCode.MFA_INVALID);
    }
    expect(await failure(() => verifyTotp(generateTotpSecret(), right, { nowMs: now }))).toBe(
      AuthErrorCode.MFA_INVALID,
    );
  });

  test('a code whose step is at or before the last used step is MFA_REPLAYED', async () => {
    const code = totpCode(secret, step);
    expect(await failure(() => verifyTotp(secret, code, { nowMs: now, lastUsedStep: step }))).toBe(
      AuthErrorCode.MFA_REPLAYED,
    );
    // After the current step was used, the previous step's code (still in the window) is refused too.
    const previous = totpCode(secret, step - 1);
    expect(await failure(() => verifyTotp(secret, previous, { nowMs: now, lastUsedStep: step }))).toBe(
      AuthErrorCode.MFA_REPLAYED,
    );
    expect(verifyTotp(secret, totpCode(secret, step + 1), { nowMs: now, lastUsedStep: step })).toBe(step + 1);
  });

  test('consumeTotp refuses a code the store will not record (a concurrent use won)', async () => {
    let last: number | undefined;
    const record = async (used: number): Promise<boolean> => {
      if (last !== undefined && used <= last) return false;
      last = used;
      return true;
    };
    const code = totpCode(secret, step);
    const results = await Promise.allSettled([
      consumeTotp(secret, code, { nowMs: now }, record),
      consumeTotp(secret, code, { nowMs: now }, record),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as AuthError).code).toBe(AuthErrorCode.MFA_REPLAYED);
  });

  test('digits outside 6..10 are a programming error', () => {
    expect(() => totpCode(secret, step, 5)).toThrow(RangeError);
    expect(() => totpCode(secret, -1)).toThrow(RangeError);
  });
});
