/**
 * Typed refusals of the authentication layer. Every one carries a stable `code` that the gateway
 * copies into GraphQL `extensions.code` (and a WebSocket close code), so clients branch on codes,
 * never on messages. Messages never contain secrets, tokens or passwords.
 */

export const AuthErrorCode = {
  /** Unknown email or wrong password; deliberately the same code for both (no user enumeration). */
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  /** An account with this email (compared case-insensitively) already exists. */
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  /** The email is not a plausible address. */
  INVALID_EMAIL: 'INVALID_EMAIL',
  /** The password breaks the policy; `details.reasons` says which rules. */
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  /** The password was right but the account has MFA: a TOTP code is needed too. */
  MFA_REQUIRED: 'MFA_REQUIRED',
  /** The TOTP code is malformed or matches no step in the window (or MFA is not set up). */
  MFA_INVALID: 'MFA_INVALID',
  /** The TOTP code is right but its step (or a later one) was already used for this user. */
  MFA_REPLAYED: 'MFA_REPLAYED',
  /** A JWT, refresh token or reset token is past its expiry. */
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  /** A token is malformed, forged, tampered with, for another audience, or unknown. */
  TOKEN_INVALID: 'TOKEN_INVALID',
  /** The refresh token's session was logged out, or revoked because a used token came back. */
  SESSION_REVOKED: 'SESSION_REVOKED',
  /** Authenticated, but not allowed to do this (role, frozen account, someone else's data). */
  FORBIDDEN: 'FORBIDDEN',
  /** Too many requests for this key; `retryAfterMs` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** No API key with this id. */
  API_KEY_UNKNOWN: 'API_KEY_UNKNOWN',
  /** The API key was revoked. */
  API_KEY_REVOKED: 'API_KEY_REVOKED',
  /** The API key lacks the scope this operation needs. */
  API_KEY_SCOPE: 'API_KEY_SCOPE',
  /** The request comes from an address outside the key's allowlist. */
  API_KEY_IP: 'API_KEY_IP',
  /** The request signature does not match (wrong secret, altered request, old secret after rotation). */
  SIGNATURE_INVALID: 'SIGNATURE_INVALID',
  /** The signed timestamp is outside the accepted window (a replayed or badly clocked request). */
  SIGNATURE_EXPIRED: 'SIGNATURE_EXPIRED',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

export interface AuthErrorOptions {
  readonly cause?: unknown;
  /** For `RATE_LIMITED`: milliseconds until a retry can succeed. */
  readonly retryAfterMs?: number;
  /** Safe-to-show specifics, e.g. the broken password rules. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * A refusal with a stable code. Only `RATE_LIMITED` is `retryable` (after `retryAfterMs`);
 * every other refusal fails again until the request changes.
 */
export class AuthError extends Error {
  override name = 'AuthError';
  readonly code: AuthErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: AuthErrorCode, message: string, options: AuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = code === AuthErrorCode.RATE_LIMITED;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details;
  }
}

/** True when `error` is an `AuthError`, with `code` when given. */
export function isAuthError(error: unknown, code?: AuthErrorCode): error is AuthError {
  return error instanceof AuthError && (code === undefined || error.code === code);
}
