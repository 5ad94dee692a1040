import type { Clock, TimerHandle } from './clock.ts';

/** Something that must be told when its time is up. */
export interface Expirable {
  expire(): void;
}

/** Where an entry sits, so it can be cancelled in O(1). */
export interface DeadlineToken {
  readonly bucket: Set<Expirable>;
  readonly entry: Expirable;
}

/**
 * Ask timeouts without a timer per ask: deadlines are rounded up to `resolutionMs` and every
 * bucket shares one clock timer. An ask may thus time out up to `resolutionMs` late, never early.
 * Cancelling (the reply arrived) deletes from a set; an emptied bucket's timer is cleared.
 */
export class Deadlines {
  private readonly buckets = new Map<number, { entries: Set<Expirable>; timer: TimerHandle }>();

  constructor(
    private readonly clock: Clock,
    private readonly resolutionMs = 10,
  ) {}

  add(timeoutMs: number, entry: Expirable): DeadlineToken {
    const at = Math.ceil((this.clock.now() + timeoutMs) / this.resolutionMs) * this.resolutionMs;
    let bucket = this.buckets.get(at);
    if (!bucket) {
      const entries = new Set<Expirable>();
      const timer = this.clock.setTimeout(() => this.fire(at), at - this.clock.now());
      bucket = { entries, timer };
      this.buckets.set(at, bucket);
    }
    bucket.entries.add(entry);
    return { bucket: bucket.entries, entry };
  }

  cancel(token: DeadlineToken): void {
    token.bucket.delete(token.entry);
  }

  /** Pending deadlines (tests, leak checks). */
  get size(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.entries.size;
    return n;
  }

  /** Expires every deadline now (the system stops): no ask is left waiting forever. */
  expireAll(): void {
    const buckets = [...this.buckets.values()];
    this.buckets.clear();
    for (const b of buckets) {
      this.clock.clearTimeout(b.timer);
      for (const entry of b.entries) entry.expire();
    }
  }

  private fire(at: number): void {
    const bucket = this.buckets.get(at);
    if (!bucket) return;
    this.buckets.delete(at);
    for (const entry of bucket.entries) entry.expire();
  }
}
