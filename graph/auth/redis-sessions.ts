/**
 * `SessionStore` in Redis, for several gateway instances (or restarts) sharing sessions. Every
 * check-and-change is one Lua script, so two instances refreshing the same token at once cannot
 * both succeed: the second sees a spent token and revokes the family, as reuse detection demands.
 *
 * Keys under `prefix` (all expire with their session, so Redis never keeps stale ones):
 * `<prefix>:rt:<sha256>` token {s: session, exp, used}; `<prefix>:s:<session>` {u: user, exp,
 * revoked}; `<prefix>:u:<user>` the user's session ids. Scripts derive keys from the prefix, so
 * this needs a standalone Redis (or Sentinel), not Redis Cluster.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Redacted } from './redacted.ts';
import { redisScript, runScript } from './redis-script.ts';
import {
  checkSessionOptions,
  hashRefreshToken,
  newRefreshToken,
  refreshTokenExpired,
  refreshTokenInvalid,
  sessionRevoked,
  type IssuedRefreshToken,
  type SessionOptions,
  type SessionStore,
} from './sessions.ts';

export interface RedisSessionOptions extends SessionOptions {
  /** Key prefix, e.g. `qt:sess`; tests use a unique one per run. */
  readonly prefix: string;
}

/** ARGV: prefix, user, session, token hash, now, session exp, token exp. */
const CREATE = redisScript(`
local p, user, sid, hash = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local ttl = tonumber(ARGV[6]) - tonumber(ARGV[5])
redis.call('HSET', p .. ':s:' .. sid, 'u', user, 'exp', ARGV[6], 'revoked', '0')
redis.call('PEXPIRE', p .. ':s:' .. sid, ttl)
redis.call('HSET', p .. ':rt:' .. hash, 's', sid, 'exp', ARGV[7], 'used', '0')
redis.call('PEXPIRE', p .. ':rt:' .. hash, ttl)
redis.call('SADD', p .. ':u:' .. user, sid)
if redis.call('PTTL', p .. ':u:' .. user) < ttl then redis.call('PEXPIRE', p .. ':u:' .. user, ttl) end
return 'OK'
`);

/** ARGV: prefix, old hash, new hash, now, refresh TTL. Returns {status, user, session, token exp}. */
const ROTATE = redisScript(`
local p, old, new = ARGV[1], ARGV[2], ARGV[3]
local now, rttl = tonumber(ARGV[4]), tonumber(ARGV[5])
local tk = p .. ':rt:' .. old
local t = redis.call('HMGET', tk, 's', 'exp', 'used')
if not t[1] then return {'INVALID'} end
local sk = p .. ':s:' .. t[1]
local s = redis.call('HMGET', sk, 'u', 'exp', 'revoked')
if not s[1] or s[3] == '1' then return {'REVOKED'} end
if t[3] == '1' then
  redis.call('HSET', sk, 'revoked', '1')
  return {'REVOKED'}
end
if tonumber(t[2]) <= now then return {'EXPIRED'} end
redis.call('HSET', tk, 'used', '1')
local sexp = tonumber(s[2])
local texp = math.min(now + rttl, sexp)
local nk = p .. ':rt:' .. new
redis.call('HSET', nk, 's', t[1], 'exp', texp, 'used', '0')
redis.call('PEXPIRE', nk, math.max(sexp - now, 1))
return {'OK', s[1], t[1], tostring(texp)}
`);

/** ARGV: prefix, then session ids to revoke (those that still exist). */
const REVOKE_SESSIONS = redisScript(`
for i = 2, #ARGV do
  local sk = ARGV[1] .. ':s:' .. ARGV[i]
  if redis.call('EXISTS', sk) == 1 then redis.call('HSET', sk, 'revoked', '1') end
end
return 'OK'
`);

export class RedisSessionStore implements SessionStore {
  readonly #redis: Redis;
  readonly #options: RedisSessionOptions;
  readonly #now: () => number;

  /** The connection stays its creator's to close. */
  constructor(redis: Redis, options: RedisSessionOptions) {
    checkSessionOptions(options);
    this.#redis = redis;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  async create(userId: string): Promise<IssuedRefreshToken> {
    const now = this.#now();
    const sessionId = randomUUID();
    const token = newRefreshToken();
    const sessionExpiresAt = now + this.#options.maxAgeMs;
    const expiresAt = Math.min(now + this.#options.refreshTtlMs, sessionExpiresAt);
    await runScript(
      this.#redis,
      CREATE,
      [],
      [this.#options.prefix, userId, sessionId, hashRefreshToken(token), now, sessionExpiresAt, expiresAt],
    );
    return { token: new Redacted(token), userId, sessionId, expiresAt };
  }

  async rotate(token: string): Promise<IssuedRefreshToken> {
    const next = newRefreshToken();
    const reply = (await runScript(
      this.#redis,
      ROTATE,
      [],
      [
        this.#options.prefix,
        hashRefreshToken(token),
        hashRefreshToken(next),
        this.#now(),
        this.#options.refreshTtlMs,
      ],
    )) as string[];
    const [status, userId, sessionId, expiresAt] = reply;
    if (status === 'INVALID') throw refreshTokenInvalid();
    if (status === 'REVOKED') throw sessionRevoked();
    if (status === 'EXPIRED') throw refreshTokenExpired();
    return {
      token: new Redacted(next),
      userId: userId!,
      sessionId: sessionId!,
      expiresAt: Number(expiresAt),
    };
  }

  async revoke(token: string): Promise<void> {
    const sessionId = await this.#redis.hget(this.#key('rt', hashRefreshToken(token)), 's');
    if (sessionId !== null) await this.revokeSession(sessionId);
  }

  async revokeSession(sessionId: string): Promise<void> {
    await runScript(this.#redis, REVOKE_SESSIONS, [], [this.#options.prefix, sessionId]);
  }

  async revokeUser(userId: string): Promise<void> {
    const sessionIds = await this.#redis.smembers(this.#key('u', userId));
    if (sessionIds.length > 0)
      await runScript(this.#redis, REVOKE_SESSIONS, [], [this.#options.prefix, ...sessionIds]);
  }

  async isActive(sessionId: string): Promise<boolean> {
    const [expiresAt, revoked] = await this.#redis.hmget(this.#key('s', sessionId), 'exp', 'revoked');
    return expiresAt !== null && revoked !== '1' && Number(expiresAt) > this.#now();
  }

  #key(kind: 'rt' | 's' | 'u', id: string): string {
    return `${this.#options.prefix}:${kind}:${id}`;
  }
}
