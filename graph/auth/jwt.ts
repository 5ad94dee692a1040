/**
 * HS256 access tokens (RFC 7519) with node:crypto and no dependency: short-lived, stateless, and
 * checked on every request. The algorithm is pinned: a token whose header says anything but
 * `HS256` (`none`, `RS256` with the secret as a "public key"…) is refused before any signature work.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { AuthError, AuthErrorCode } from './errors.ts';

/** Who signs and who accepts: the same values on every gateway instance. */
export interface JwtConfig {
  /** HMAC key, at least 32 bytes (`jwtSecretFromText` reads it from configuration). */
  readonly secret: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
  /** Tolerated clock difference between gateway instances, in seconds. Default 5. */
  readonly clockSkewSeconds?: number;
}

/** What the gateway puts in an access token. */
export interface AccessTokenInput {
  /** The user id. */
  readonly sub: string;
  readonly roles: readonly string[];
  /** Whether this login passed a TOTP check (admin actions require it). */
  readonly mfa: boolean;
  /** The refresh-token family (session) this token came from, so logout can be checked. */
  readonly sid?: string;
}

/** The checked claims of a verified token. */
export interface AccessTokenClaims extends AccessTokenInput {
  readonly iss: string;
  readonly aud: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly jti: string;
}

export const MIN_JWT_SECRET_BYTES = 32;
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * The JWT secret from configuration text (`JWT_SECRET`), as UTF-8 bytes.
 *
 * @throws RangeError when it is shorter than 32 bytes: a short HMAC key can be brute-forced offline.
 */
export function jwtSecretFromText(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length < MIN_JWT_SECRET_BYTES) {
    throw new RangeError(`JWT secret must be at least ${MIN_JWT_SECRET_BYTES} bytes, got ${bytes.length}`);
  }
  return bytes;
}

/** Signs an access token valid for `ttlSeconds` from `nowMs`. */
export function signAccessToken(
  input: AccessTokenInput,
  config: JwtConfig,
  ttlSeconds: number,
  nowMs: number = Date.now(),
): string {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds ${ttlSeconds} must be a positive integer`);
  }
  checkSecret(config.secret);
  const now = Math.floor(nowMs / 1000);
  const claims: AccessTokenClaims = {
    sub: input.sub,
    roles: [...input.roles],
    mfa: input.mfa,
    ...(input.sid === undefined ? {} : { sid: input.sid }),
    iss: config.issuer,
    aud: config.audience,
    iat: now,
    nbf: now,
    exp: now + ttlSeconds,
    jti: randomUUID(),
  };
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${body}.${hmac(config.secret, body).toString('base64url')}`;
}

/**
 * Checks a token's form, algorithm, signature (constant time), issuer, audience and times, in that
 * order: nothing in the payload is trusted before the signature is.
 *
 * @throws AuthError `TOKEN_EXPIRED` when `exp` has passed (beyond the skew); `TOKEN_INVALID` for
 * everything else (malformed, other algorithm, bad signature, wrong issuer or audience, not yet
 * valid, issued in the future, missing or mistyped claims).
 */
export function verifyAccessToken(
  token: string,
  config: JwtConfig,
  nowMs: number = Date.now(),
): AccessTokenClaims {
  checkSecret(config.secret);
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) throw invalid('malformed token');
  const [header, payload, signature] = parts as [string, string, string];
  const head = parseJson(header);
  if (head === undefined || head.alg !== 'HS256' || (head.typ !== undefined && head.typ !== 'JWT')) {
    throw invalid('unsupported token header');
  }
  const expected = hmac(config.secret, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid('bad signature');

  const claims = parseJson(payload);
  if (claims === undefined || !hasClaims(claims)) throw invalid('missing or mistyped claims');
  if (claims.iss !== config.issuer) throw invalid('wrong issuer');
  const audiences: unknown[] = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(config.audience)) throw invalid('wrong audience');
  const now = nowMs / 1000;
  const skew = config.clockSkewSeconds ?? 5;
  if (claims.exp <= now - skew) throw new AuthError(AuthErrorCode.TOKEN_EXPIRED, 'access token expired');
  if (claims.nbf > now + skew) throw invalid('token not valid yet');
  if (claims.iat > now + skew) throw invalid('token issued in the future');
  return {
    sub: claims.sub,
    roles: claims.roles,
    mfa: claims.mfa,
    ...(typeof claims.sid === 'string' ? { sid: claims.sid } : {}),
    iss: claims.iss,
    aud: config.audience,
    iat: claims.iat,
    nbf: claims.nbf,
    exp: claims.exp,
    jti: claims.jti,
  };
}

interface RawClaims extends Record<string, unknown> {
  sub: string;
  roles: string[];
  mfa: boolean;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

function hasClaims(c: Record<string, unknown>): c is RawClaims {
  const times = [c.iat, c.nbf, c.exp].every((t) => typeof t === 'number' && Number.isFinite(t));
  return (
    times &&
    typeof c.sub === 'string' &&
    c.sub !== '' &&
    Array.isArray(c.roles) &&
    c.roles.every((role) => typeof role === 'string') &&
    typeof c.mfa === 'boolean' &&
    typeof c.iss === 'string' &&
    typeof c.jti === 'string' &&
    (c.sid === undefined || typeof c.sid === 'string')
  );
}

function parseJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function checkSecret(secret: Uint8Array): void {
  if (secret.length < MIN_JWT_SECRET_BYTES) {
    throw new RangeError(`JWT secret must be at least ${MIN_JWT_SECRET_BYTES} bytes`);
  }
}

function hmac(secret: Uint8Array, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function invalid(reason: string): AuthError {
  return new AuthError(AuthErrorCode.TOKEN_INVALID, `invalid access token: ${reason}`);
}
