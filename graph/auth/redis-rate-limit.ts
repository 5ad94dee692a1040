/**
 * `RateLimiter` in Redis, shared by every gateway instance: INCR and, on a window's first hit,
 * PEXPIRE, in one Lua script so a crash between the two cannot leave a counter that never expires.
 * Windows run on the Redis server's clock.
 */
import type { Redis } from 'ioredis';
import {
  checkRule,
  decide,
  type RateLimiter,
  type RateLimitResult,
  type RateLimitRule,
} from './rate-limit.ts';
import { redisScript, runScript } from './redis-script.ts';

/** KEYS[1] counter; ARGV[1] window ms. Returns {count, ms left}. */
const HIT = redisScript(`
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`);

export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #rule: RateLimitRule;
  readonly #prefix: string;

  /** `prefix` names this limit (`qt:rl:ip`); the connection stays its creator's to close. */
  constructor(redis: Redis, rule: RateLimitRule, options: { readonly prefix: string }) {
    checkRule(rule);
    this.#redis = redis;
    this.#rule = rule;
    this.#prefix = options.prefix;
  }

  async consume(key: string): Promise<RateLimitResult> {
    const [count, ttl] = (await runScript(
      this.#redis,
      HIT,
      [`${this.#prefix}:${key}`],
      [this.#rule.windowMs],
    )) as [number, number];
    return decide(this.#rule, count, ttl);
  }
}
