import { describe, expect, test } from 'vitest';
import { AuthError, AuthErrorCode, isAuthError } from './errors.ts';

describe('errors - AuthError', () => {
  test('codes are stable strings equal to their names (clients branch on them)', () => {
    for (const [name, code] of Object.entries(AuthErrorCode)) expect(code).toBe(name);
    expect(Object.keys(AuthErrorCode)).toEqual(
      expect.arrayContaining([
        'API_KEY_REVOKED',
        'API_KEY_SCOPE',
        'API_KEY_IP',
        'SIGNATURE_INVALID',
        'SIGNATURE_EXPIRED',
      ]),
    );
  });

  test('only RATE_LIMITED is retryable, and it carries retry-after', () => {
    const limited = new AuthError(AuthErrorCode.RATE_LIMITED, 'slow down', { retryAfterMs: 1_500 });
    expect(limited).toMatchObject({
      name: 'AuthError',
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: 1_500,
    });
    expect(new AuthError(AuthErrorCode.INVALID_CREDENTIALS, 'no').retryable).toBe(false);
  });

  test('isAuthError narrows by class and, when given, by code; the cause is kept', () => {
    const cause = new Error('db said no');
    const error = new AuthError(AuthErrorCode.EMAIL_TAKEN, 'taken', { cause });
    expect(error.cause).toBe(cause);
    expect(isAuthError(error)).toBe(true);
    expect(isAuthError(error, AuthErrorCode.EMAIL_TAKEN)).toBe(true);
    expect(isAuthError(error, AuthErrorCode.FORBIDDEN)).toBe(false);
    expect(isAuthError(new Error('x'))).toBe(false);
  });
});
