/**
 * Per-actor measurements cheap enough for every message: a fixed-bucket latency histogram
 * (one array increment) and a per-second rate ring. Prometheus export aggregates them per kind.
 */

/** Upper bounds of the latency buckets, in microseconds (the last bucket is +Inf). */
export const LATENCY_BUCKETS_US = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
  1_000_000, 2_000_000, 5_000_000,
] as const;

export class LatencyHistogram {
  /** counts[i] = observations <= LATENCY_BUCKETS_US[i] and above the previous bound; last = +Inf. */
  readonly counts = new Array<number>(LATENCY_BUCKETS_US.length + 1).fill(0);
  count = 0;
  sumUs = 0;

  observe(us: number): void {
    let i = 0;
    while (i < LATENCY_BUCKETS_US.length && us > LATENCY_BUCKETS_US[i]!) i++;
    this.counts[i]!++;
    this.count++;
    this.sumUs += us;
  }

  /** Upper bound of the bucket holding the p-th quantile (0 < p <= 1); 0 when empty. */
  quantile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.ceil(p * this.count);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return LATENCY_BUCKETS_US[i] ?? Infinity;
    }
    return Infinity;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sumUs += other.sumUs;
  }
}

const WINDOW_SECONDS = 10;

/** Messages per second over the last ten whole seconds. */
export class RateMeter {
  private readonly slots = new Array<number>(WINDOW_SECONDS).fill(0);
  private readonly slotSecond = new Array<number>(WINDOW_SECONDS).fill(-1);

  mark(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    const i = second % WINDOW_SECONDS;
    if (this.slotSecond[i] !== second) {
      this.slotSecond[i] = second;
      this.slots[i] = 0;
    }
    this.slots[i]!++;
  }

  perSecond(nowMs: number): number {
    const current = Math.floor(nowMs / 1000);
    let total = 0;
    for (let i = 0; i < WINDOW_SECONDS; i++) {
      const s = this.slotSecond[i]!;
      // Whole seconds only: the current one is still filling.
      if (s < current && s >= current - WINDOW_SECONDS) total += this.slots[i]!;
    }
    return total / WINDOW_SECONDS;
  }
}
