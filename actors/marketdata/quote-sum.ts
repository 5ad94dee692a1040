const MAX = Number.MAX_SAFE_INTEGER;

/**
 * An exact sum of tick-lot notionals that stays a plain number while it is safe: bigint arithmetic
 * costs far more than float adds on the per-trade path, and a sum only passes 2^53 after a lot of
 * volume. The value is `big + small`; `small` moves into `big` before it would lose precision.
 * (A float add of integers is exact whenever its exact result is a safe integer, and a result
 * beyond the safe range rounds to >= 2^53, so the range checks below never misjudge.)
 */
export class QuoteSum {
  small = 0;
  big = 0n;

  /** Adds price × size (both non-negative safe integers). */
  add(price: number, size: number): void {
    const n = price * size;
    const s = this.small + n;
    if (n <= MAX && s <= MAX && s >= -MAX) this.small = s;
    else {
      this.big += BigInt(this.small) + BigInt(price) * BigInt(size);
      this.small = 0;
    }
  }

  addSum(other: QuoteSum): void {
    this.big += other.big;
    this.addSmall(other.small);
  }

  subtractSum(other: QuoteSum): void {
    this.big -= other.big;
    this.addSmall(-other.small);
  }

  clear(): void {
    this.small = 0;
    this.big = 0n;
  }

  value(): bigint {
    return this.small === 0 ? this.big : this.big + BigInt(this.small);
  }

  private addSmall(n: number): void {
    const s = this.small + n;
    if (s <= MAX && s >= -MAX) this.small = s;
    else {
      this.big += BigInt(this.small) + BigInt(n);
      this.small = 0;
    }
  }
}
