import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { requireRedis } from '../../test/services.ts';
import { AuthError, AuthErrorCode } from './errors.ts';
import { MemoryRateLimiter, type RateLimiter, type RateLimitRule } from './rate-limit.ts';
import { RedisRateLimiter } from './redis-rate-limit.ts';
import { redisScript, runScript } from './redis-script.ts';
import { testRedis, type TestRedis } from './redis-test-helpers.ts';

const withRedis = await requireRedis();

async function refusal(fn: () => Promise<unknown>): Promise<AuthError | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return error as AuthError;
  }
}

/**
 * One suite for both limiters. `advance` moves time past `ms`: a simulated clock for memory, a real
 * wait for Redis (whose windows run on the server clock), so Redis windows are kept short.
 */
function rateLimiterContract(
  name: string,
  make: (rule: RateLimitRule) => RateLimiter,
  advance: (ms: number) => Promise<void>,
  windowMs: number,
) {
  describe(`rate-limit - ${name}`, () => {
    test('up to the limit passes with the remaining count; the next hit is RATE_LIMITED with retry-after', async () => {
      const limiter = make({ limit: 3, windowMs });
      expect((await limiter.consume('ip:1')).remaining).toBe(2);
      expect((await limiter.consume('ip:1')).remaining).toBe(1);
      const last = await limiter.consume('ip:1');
      expect(last.remaining).toBe(0);
      expect(last.resetMs).toBeGreaterThan(0);
      expect(last.resetMs).toBeLessThanOrEqual(windowMs);
      const error = await refusal(() => limiter.consume('ip:1'));
      expect(error).toBeInstanceOf(AuthError);
      expect(error?.code).toBe(AuthErrorCode.RATE_LIMITED);
      expect(error?.retryable).toBe(true);
      expect(error?.retryAfterMs).toBeGreaterThan(0);
      expect(error?.retryAfterMs).toBeLessThanOrEqual(windowMs);
    });

    test('keys are counted apart: one IP at its limit does not limit another, or a user', async () => {
      const limiter = make({ limit: 1, windowMs });
      await limiter.consume('ip:1');
      expect((await refusal(() => limiter.consume('ip:1')))?.code).toBe(AuthErrorCode.RATE_LIMITED);
      expect((await limiter.consume('ip:2')).remaining).toBe(0);
      expect((await limiter.consume('user:1')).remaining).toBe(0);
    });

    test('a new window starts after the old one ends', async () => {
      const limiter = make({ limit: 2, windowMs });
      await limiter.consume('key:a');
      await limiter.consume('key:a');
      const error = await refusal(() => limiter.consume('key:a'));
      await advance(error!.retryAfterMs! + 1);
      expect((await limiter.consume('key:a')).remaining).toBe(1);
    });

    test('concurrent hits never let more than the limit through', async () => {
      const limiter = make({ limit: 10, windowMs: windowMs * 50 });
      const results = await Promise.allSettled(Array.from({ length: 40 }, () => limiter.consume('burst')));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    });

    test('a limit or window that is not a positive integer is refused', () => {
      expect(() => make({ limit: 0, windowMs: 1_000 })).toThrow(RangeError);
      expect(() => make({ limit: 1, windowMs: 0.5 })).toThrow(RangeError);
    });
  });
}

let now = 1_700_000_000_000;
rateLimiterContract(
  'memory',
  (rule) => new MemoryRateLimiter(rule, { now: () => now }),
  async (ms) => {
    now += ms;
  },
  60_000,
);

describe.skipIf(!withRedis)('Redis', () => {
  let redis: TestRedis | undefined;
  const connection = (): TestRedis => (redis ??= testRedis('ratelimit'));
  let limiters = 0;

  afterAll(async () => {
    await redis?.cleanup();
  });

  rateLimiterContract(
    'Redis',
    (rule) =>
      new RedisRateLimiter(connection().redis, rule, { prefix: `${connection().prefix}:${++limiters}` }),
    (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    300,
  );

  test('rate-limit - Redis: counters expire with their window, so idle keys leave nothing behind', async () => {
    const { redis: client, prefix } = connection();
    const limiter = new RedisRateLimiter(client, { limit: 5, windowMs: 10_000 }, { prefix: `${prefix}:ttl` });
    await limiter.consume('ip:9');
    const ttl = await client.pttl(`${prefix}:ttl:ip:9`);
    expect(ttl).toBeGreaterThan(9_000);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  test('rate-limit - Redis: two limiters on one prefix (two gateway instances) share the count', async () => {
    const { redis: client, prefix } = connection();
    const rule = { limit: 2, windowMs: 10_000 };
    const a = new RedisRateLimiter(client, rule, { prefix: `${prefix}:shared` });
    const b = new RedisRateLimiter(client, rule, { prefix: `${prefix}:shared` });
    await a.consume('user:1');
    await b.consume('user:1');
    expect((await refusal(() => a.consume('user:1')))?.code).toBe(AuthErrorCode.RATE_LIMITED);
  });

  test('redis-script: a script the server has never seen is loaded on first use, then run by digest', async () => {
    const { redis: client } = connection();
    const script = redisScript(`return ARGV[1] .. '-${randomBytes(8).toString('hex')}'`);
    expect(await client.script('EXISTS', script.sha)).toEqual([0]);
    expect(String(await runScript(client, script, [], ['a']))).toMatch(/^a-/);
    expect(await client.script('EXISTS', script.sha)).toEqual([1]);
  });
});
