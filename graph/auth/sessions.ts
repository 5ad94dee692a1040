/**
 * Refresh-token sessions. A login starts a session (a token *family*); each refresh trades the
 * presented token for a new one (rotation). A token that comes back after it was traded is a
 * sign it was stolen (OAuth 2.0 Security BCP §4.14): the whole family is revoked, so both the thief
 * and the victim must log in again. Tokens are opaque random strings; stores keep only their
 * SHA-256.
 *
 * Two implementations share `sessionStoreContract` (tests): `MemorySessionStore` for the embedded
 * single-process default, `RedisSessionStore` (`redis-sessions.ts`) when `REDIS_URL` is set.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuthError, AuthErrorCode } from './errors.ts';
import { Redacted } from './redacted.ts';

export interface SessionOptions {
  /** How long one refresh token stays usable if not traded. */
  readonly refreshTtlMs: number;
  /** How long a session lives from login, however often it refreshes. */
  readonly maxAgeMs: number;
  /** Milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
}

/** A refresh token as handed to the client, with the session it belongs to. */
export interface IssuedRefreshToken {
  readonly token: Redacted;
  readonly userId: string;
  /** The family id; access tokens carry it as `sid`. */
  readonly sessionId: string;
  /** Milliseconds since the epoch after which this token no longer refreshes. */
  readonly expiresAt: number;
}

export interface SessionStore {
  /** Starts a session for `userId` (a login). */
  create(userId: string): Promise<IssuedRefreshToken>;
  /**
   * Trades a refresh token for a new one in the same session; the presented one is spent.
   *
   * @throws AuthError `TOKEN_INVALID` (unknown token), `TOKEN_EXPIRED`, or `SESSION_REVOKED` (session
   * logged out, or this token was already traded: then the whole session is revoked now).
   */
  rotate(token: string): Promise<IssuedRefreshToken>;
  /** Logs out the session of `token`; an unknown token is ignored (logout is idempotent). */
  revoke(token: string): Promise<void>;
  /** Revokes one session by id (admin, or "log out that device"). */
  revokeSession(sessionId: string): Promise<void>;
  /** Revokes every session of a user (password change or reset, account frozen). */
  revokeUser(userId: string): Promise<void>;
  /** Whether a session exists, is not revoked and has not reached its maximum age. */
  isActive(sessionId: string): Promise<boolean>;
}

/** A new opaque token: 256 random bits. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What stores key a token by. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** @throws RangeError unless both durations are positive integers and the token TTL fits the session. */
export function checkSessionOptions(options: SessionOptions): void {
  const { refreshTtlMs, maxAgeMs } = options;
  if (
    !Number.isSafeInteger(refreshTtlMs) ||
    refreshTtlMs <= 0 ||
    !Number.isSafeInteger(maxAgeMs) ||
    maxAgeMs <= 0
  ) {
    throw new RangeError('refreshTtlMs and maxAgeMs must be positive integers');
  }
  if (refreshTtlMs > maxAgeMs) throw new RangeError('refreshTtlMs cannot exceed maxAgeMs');
}

export function sessionRevoked(): AuthError {
  return new AuthError(AuthErrorCode.SESSION_REVOKED, 'session was revoked; log in again');
}

export function refreshTokenInvalid(): AuthError {
  return new AuthError(AuthErrorCode.TOKEN_INVALID, 'unknown refresh token');
}

export function refreshTokenExpired(): AuthError {
  return new AuthError(AuthErrorCode.TOKEN_EXPIRED, 'refresh token expired');
}

interface Family {
  readonly userId: string;
  readonly expiresAt: number;
  revoked: boolean;
}

interface TokenEntry {
  readonly sessionId: string;
  readonly expiresAt: number;
  used: boolean;
}

/** Expired sessions are dropped every this many logins, so memory stays bounded by live sessions. */
const SWEEP_EVERY = 1_000;

/** Sessions in this process's memory: the embedded default, lost on restart (users log in again). */
export class MemorySessionStore implements SessionStore {
  readonly #options: SessionOptions;
  readonly #now: () => number;
  readonly #families = new Map<string, Family>();
  readonly #tokens = new Map<string, TokenEntry>();
  #createdSinceSweep = 0;

  constructor(options: SessionOptions) {
    checkSessionOptions(options);
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  async create(userId: string): Promise<IssuedRefreshToken> {
    const now = this.#now();
    if (++this.#createdSinceSweep >= SWEEP_EVERY) this.#sweep(now);
    const sessionId = randomUUID();
    const family: Family = { userId, expiresAt: now + this.#options.maxAgeMs, revoked: false };
    this.#families.set(sessionId, family);
    return this.#issue(sessionId, family, now);
  }

  async rotate(token: string): Promise<IssuedRefreshToken> {
    const now = this.#now();
    const entry = this.#tokens.get(hashRefreshToken(token));
    if (!entry) throw refreshTokenInvalid();
    const family = this.#families.get(entry.sessionId);
    if (!family || family.revoked) throw sessionRevoked();
    if (entry.used) {
      family.revoked = true;
      throw sessionRevoked();
    }
    if (entry.expiresAt <= now) throw refreshTokenExpired();
    entry.used = true;
    return this.#issue(entry.sessionId, family, now);
  }

  async revoke(token: string): Promise<void> {
    const entry = this.#tokens.get(hashRefreshToken(token));
    if (entry) await this.revokeSession(entry.sessionId);
  }

  async revokeSession(sessionId: string): Promise<void> {
    const family = this.#families.get(sessionId);
    if (family) family.revoked = true;
  }

  async revokeUser(userId: string): Promise<void> {
    for (const family of this.#families.values()) if (family.userId === userId) family.revoked = true;
  }

  async isActive(sessionId: string): Promise<boolean> {
    const family = this.#families.get(sessionId);
    return family !== undefined && !family.revoked && family.expiresAt > this.#now();
  }

  #issue(sessionId: string, family: Family, now: number): IssuedRefreshToken {
    const token = newRefreshToken();
    const expiresAt = Math.min(now + this.#options.refreshTtlMs, family.expiresAt);
    this.#tokens.set(hashRefreshToken(token), { sessionId, expiresAt, used: false });
    return { token: new Redacted(token), userId: family.userId, sessionId, expiresAt };
  }

  #sweep(now: number): void {
    this.#createdSinceSweep = 0;
    for (const [id, family] of this.#families) if (family.expiresAt <= now) this.#families.delete(id);
    for (const [hash, entry] of this.#tokens)
      if (!this.#families.has(entry.sessionId)) this.#tokens.delete(hash);
  }
}
