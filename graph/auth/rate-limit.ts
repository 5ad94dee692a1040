/**
 * Fixed-window rate limits per key (an IP, a user id, an API key id): at most `limit` hits in a
 * window of `windowMs` that starts at the key's first hit. A refused hit is `RATE_LIMITED` with the
 * time until the window ends. Fixed windows can let up to twice the limit through around a window
 * edge; that is fine for abuse protection, and per-account order flow has its own token bucket.
 *
 * `MemoryRateLimiter` counts in this process (embedded default); `RedisRateLimiter`
 * (`redis-rate-limit.ts`) counts across gateway instances.
 */
import { AuthError, AuthErrorCode } from './errors.ts';

export interface RateLimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitResult {
  /** Hits left in this window after this one. */
  readonly remaining: number;
  /** Milliseconds until the window ends and the count starts again. */
  readonly resetMs: number;
}

export interface RateLimiter {
  /**
   * Counts one hit for `key`.
   *
   * @throws AuthError `RATE_LIMITED` with `retryAfterMs` when the window's limit is used up.
   */
  consume(key: string): Promise<RateLimitResult>;
}

/** @throws RangeError unless limit and windowMs are positive integers. */
export function checkRule(rule: RateLimitRule): void {
  if (
    !Number.isSafeInteger(rule.limit) ||
    rule.limit < 1 ||
    !Number.isSafeInteger(rule.windowMs) ||
    rule.windowMs < 1
  ) {
    throw new RangeError('rate limit and window must be positive integers');
  }
}

/** The result of the `count`-th hit in a window ending in `resetMs`, or the refusal. */
export function decide(rule: RateLimitRule, count: number, resetMs: number): RateLimitResult {
  if (count > rule.limit) {
    throw new AuthError(
      AuthErrorCode.RATE_LIMITED,
      `rate limit of ${rule.limit} per ${rule.windowMs} ms reached`,
      {
        retryAfterMs: resetMs,
      },
    );
  }
  return { remaining: rule.limit - count, resetMs };
}

/** Windows that ended are dropped every this many hits, so memory stays bounded by active keys. */
const SWEEP_EVERY = 10_000;

export class MemoryRateLimiter implements RateLimiter {
  readonly #rule: RateLimitRule;
  readonly #now: () => number;
  readonly #windows = new Map<string, { endsAt: number; count: number }>();
  #hitsSinceSweep = 0;

  constructor(rule: RateLimitRule, options: { readonly now?: () => number } = {}) {
    checkRule(rule);
    this.#rule = rule;
    this.#now = options.now ?? Date.now;
  }

  async consume(key: string): Promise<RateLimitResult> {
    const now = this.#now();
    if (++this.#hitsSinceSweep >= SWEEP_EVERY) this.#sweep(now);
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { endsAt: now + this.#rule.windowMs, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return decide(this.#rule, window.count, window.endsAt - now);
  }

  #sweep(now: number): void {
    this.#hitsSinceSweep = 0;
    for (const [key, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(key);
  }
}
