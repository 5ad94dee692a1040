import { describe, expect, test } from 'vitest';
import { AuthError, AuthErrorCode } from './errors.ts';
import {
  DEFAULT_SCRYPT_PARAMS,
  PasswordRule,
  TEST_SCRYPT_PARAMS,
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  passwordPolicyViolations,
  verifyPassword,
} from './passwords.ts';

describe('passwords - hashing', () => {
  test('a hash verifies its password and no other', async () => {
    const stored = await hashPassword('correct horse 42', TEST_SCRYPT_PARAMS);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse 42', stored)).toBe(true);
    expect(await verifyPassword('correct horse 43', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  test('the same password hashes differently each time (random salt)', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password 1', TEST_SCRYPT_PARAMS),
      hashPassword('same password 1', TEST_SCRYPT_PARAMS),
    ]);
    expect(a).not.toBe(b);
  });

  test('passwords are NFKC-normalised: composed and decomposed forms are one password', async () => {
    const stored = await hashPassword('Caf\u00e9 au lait 9', TEST_SCRYPT_PARAMS);
    expect(await verifyPassword('Cafe\u0301 au lait 9', stored)).toBe(true);
  });

  test('an unknown user (no stored hash) is false, after the same work as a real check', async () => {
    expect(await verifyPassword('anything at all 1', undefined)).toBe(false);
  });

  test('a tampered hash fails to verify; a malformed one is a TypeError, not a wrong password', async () => {
    const stored = await hashPassword('correct horse 42', TEST_SCRYPT_PARAMS);
    const parts = stored.split('$');
    parts[5] = `${parts[5]!.slice(0, -2)}AA`;
    expect(await verifyPassword('correct horse 42', parts.join('$'))).toBe(false);
    await expect(verifyPassword('x', 'bcrypt$whatever')).rejects.toThrow(TypeError);
    await expect(verifyPassword('x', stored.replace('$1024$', '$1000$'))).rejects.toThrow(TypeError);
    await expect(verifyPassword('x', stored.replace('$1024$', `$${2 ** 24}$`))).rejects.toThrow(TypeError);
  });

  test('needsRehash says when stored parameters differ from the current ones', async () => {
    const stored = await hashPassword('correct horse 42', TEST_SCRYPT_PARAMS);
    expect(needsRehash(stored, TEST_SCRYPT_PARAMS)).toBe(false);
    expect(needsRehash(stored, DEFAULT_SCRYPT_PARAMS)).toBe(true);
  });

  test('the default parameters cost roughly 50-100 ms per hash on this machine', async () => {
    const started = performance.now();
    await hashPassword('correct horse 42');
    const ms = performance.now() - started;
    expect(ms).toBeGreaterThan(20);
    expect(ms).toBeLessThan(1_000);
  });
});

describe('passwords - policy', () => {
  test('a long enough password of two classes passes', () => {
    expect(() => checkPasswordPolicy('orderbook42')).not.toThrow();
    expect(passwordPolicyViolations('Correct Horse')).toEqual([]);
  });

  test.each([
    ['Short1', [PasswordRule.TOO_SHORT]],
    ['alllowercaseletters', [PasswordRule.ONE_CHARACTER_CLASS]],
    ['12345678901', [PasswordRule.ONE_CHARACTER_CLASS]],
    ['aaaaaaaaaaaa', [PasswordRule.ONE_CHARACTER_CLASS, PasswordRule.REPEATED_CHARACTER]],
    ['', [PasswordRule.TOO_SHORT, PasswordRule.ONE_CHARACTER_CLASS]],
    [`a1${'x'.repeat(1_023)}`, [PasswordRule.TOO_LONG]],
  ])('%j breaks %j', (password, reasons) => {
    expect(passwordPolicyViolations(password)).toEqual(reasons);
  });

  test('length counts characters, not UTF-16 units: nine emoji are too short', () => {
    expect(passwordPolicyViolations('😀😀😀😀😀😀😀😀1')).toContain(PasswordRule.TOO_SHORT);
  });

  test('a password containing the email local part is refused', () => {
    expect(passwordPolicyViolations('Satoshi2024!', { email: 'satoshi@example.com' })).toEqual([
      PasswordRule.CONTAINS_EMAIL,
    ]);
  });

  test('the refusal is WEAK_PASSWORD with every broken rule in details', () => {
    const error: unknown = (() => {
      try {
        checkPasswordPolicy('aaaa');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe(AuthErrorCode.WEAK_PASSWORD);
    expect((error as AuthError).retryable).toBe(false);
    expect((error as AuthError).details).toEqual({
      reasons: [PasswordRule.TOO_SHORT, PasswordRule.ONE_CHARACTER_CLASS, PasswordRule.REPEATED_CHARACTER],
    });
  });
});
