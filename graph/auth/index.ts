/**
 * Authentication and session building blocks of the GraphQL gateway: password hashing and policy,
 * HS256 access tokens, TOTP MFA, signed API keys, the user store (PostgreSQL/PGlite), refresh-token
 * sessions and rate limits (memory for the embedded default, Redis with `REDIS_URL`).
 *
 * Typical login: `credentialsByEmail` → `verifyPassword` (also for unknown emails: timing) →
 * `INVALID_CREDENTIALS` or, with MFA, `consumeTotp(secret, code, {lastUsedStep}, step =>
 * store.recordTotpStep(id, step))` → `sessions.create(id)` → `signAccessToken({sub, roles, mfa, sid})`.
 * Every refusal is an `AuthError` whose `code` goes into GraphQL `extensions.code`.
 */
export {
  ApiKeyScope,
  SIGNATURE_WINDOW_MS,
  authenticateApiKey,
  generateApiKeyId,
  generateApiKeySecret,
  isApiKeyId,
  parseScopes,
  signApiRequest,
  verifyApiKeyRequest,
} from './api-keys.ts';
export { AuthError, AuthErrorCode, isAuthError } from './errors.ts';
export { createIpAllowlist, parseIpEntry } from './ip-allowlist.ts';
export { jwtSecretFromText, signAccessToken, verifyAccessToken, MIN_JWT_SECRET_BYTES } from './jwt.ts';
export {
  DEFAULT_SCRYPT_PARAMS,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PasswordRule,
  TEST_SCRYPT_PARAMS,
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  passwordPolicyViolations,
  verifyPassword,
} from './passwords.ts';
export { MemoryRateLimiter } from './rate-limit.ts';
export { Redacted } from './redacted.ts';
export { RedisRateLimiter } from './redis-rate-limit.ts';
export { RedisSessionStore } from './redis-sessions.ts';
export { ServerKey } from './secret-box.ts';
export { MemorySessionStore } from './sessions.ts';
export {
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  base32Decode,
  base32Encode,
  consumeTotp,
  generateTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
  verifyTotp,
} from './totp.ts';
export { UserStore } from './user-store.ts';

export type { ApiKeyLookup, ApiKeyRecord, SignedRequest } from './api-keys.ts';
export type { AuthErrorOptions } from './errors.ts';
export type { IpAllowlist } from './ip-allowlist.ts';
export type { AccessTokenClaims, AccessTokenInput, JwtConfig } from './jwt.ts';
export type { ScryptParams } from './passwords.ts';
export type { RateLimiter, RateLimitResult, RateLimitRule } from './rate-limit.ts';
export type { RedisSessionOptions } from './redis-sessions.ts';
export type { IssuedRefreshToken, SessionOptions, SessionStore } from './sessions.ts';
export type { TotpOptions, VerifyTotpOptions } from './totp.ts';
export type { MfaState, NewApiKey, NewUser, User, UserStoreOptions } from './user-store.ts';
