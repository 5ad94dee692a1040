/**
 * The 24-hour rolling ticker of one market.
 *
 * The window is kept in 1,440 per-minute buckets (UTC minutes), so a trade costs O(1) and the
 * window is exact at minute granularity: at time `now` it holds the trades of the current minute
 * and of the 1,439 minutes before it. A trade therefore leaves the window at the start of the
 * minute 24 hours after its own minute, i.e. between 23h59m and 24h after it was made.
 * Totals (volume, quote volume, trades) are running sums: a bucket leaving the window is
 * subtracted. High and low are running too; when a leaving bucket held the high or the low, they
 * are recomputed from the buckets at the next query. Trades stamped earlier than the latest time
 * seen (a trade or a query) count in the latest minute.
 */

import { QuoteSum } from './quote-sum.ts';
import type { Ticker, Trade } from './types.ts';

const MINUTE = 60_000;
const WINDOW = 1_440;

const slotOf = (minute: number): number => ((minute % WINDOW) + WINDOW) % WINDOW;

export class TickerFolder {
  /** The latest minute seen (a trade's or a query's); the window ends with it. */
  private minute = -Infinity;
  private slot = 0;
  /** Per-minute buckets, indexed by minute modulo 1,440. */
  private readonly tradesAt = new Float64Array(WINDOW);
  private readonly openAt = new Float64Array(WINDOW);
  private readonly highAt = new Float64Array(WINDOW);
  private readonly lowAt = new Float64Array(WINDOW);
  private readonly volumeAt = new Float64Array(WINDOW);
  private readonly quoteAt = Array.from({ length: WINDOW }, () => new QuoteSum());

  private last: number | null = null;
  private trades = 0;
  private volume = 0;
  private readonly quote = new QuoteSum();
  private high = -Infinity;
  private low = Infinity;
  /** A bucket that held the high or the low left the window. */
  private extremesStale = false;
  /** No bucket before this minute holds a trade: where the search for the window's open starts. */
  private oldest = -Infinity;

  constructor(readonly symbol: string) {}

  add(trade: Trade): void {
    const minute = Math.floor(trade.time / MINUTE);
    if (minute > this.minute) this.advance(minute);
    const { price, size } = trade;
    const s = this.slot;
    if (this.tradesAt[s] === 0) {
      this.openAt[s] = price;
      this.highAt[s] = price;
      this.lowAt[s] = price;
    } else if (price > this.highAt[s]!) this.highAt[s] = price;
    else if (price < this.lowAt[s]!) this.lowAt[s] = price;
    this.tradesAt[s]!++;
    this.volumeAt[s]! += size;
    this.quoteAt[s]!.add(price, size);

    if (price > this.high) this.high = price;
    if (price < this.low) this.low = price;
    this.last = price;
    this.trades++;
    this.volume += size;
    this.quote.add(price, size);
  }

  /** The ticker at `now` (not before the last trade; an earlier `now` reads as the latest minute seen). */
  ticker(now: number, bestBid: number | null = null, bestAsk: number | null = null): Ticker {
    const minute = Math.floor(now / MINUTE);
    if (minute > this.minute) this.advance(minute);
    if (this.extremesStale) this.recomputeExtremes();
    const empty = this.trades === 0;
    const open = empty ? null : this.windowOpen();
    const last = this.last;
    const change = open === null || last === null ? 0 : last - open;
    return {
      symbol: this.symbol,
      time: now,
      last,
      open,
      change,
      // bigint division truncates toward zero and stays exact for any tick price.
      changeBps: open === null || change === 0 ? 0 : Number((BigInt(change) * 10_000n) / BigInt(open)),
      high: empty ? null : this.high,
      low: empty ? null : this.low,
      volume: this.volume,
      quoteVolume: this.quote.value(),
      trades: this.trades,
      bestBid,
      bestAsk,
    };
  }

  /** Moves the window's end to `minute`, dropping the buckets that fall out of it. */
  private advance(minute: number): void {
    if (this.minute !== -Infinity) {
      const steps = Math.min(minute - this.minute, WINDOW);
      for (let k = 1; k <= steps; k++) this.expire(slotOf(this.minute + k));
    }
    this.minute = minute;
    this.slot = slotOf(minute);
  }

  private expire(s: number): void {
    const n = this.tradesAt[s]!;
    if (n === 0) return;
    this.trades -= n;
    this.volume -= this.volumeAt[s]!;
    this.quote.subtractSum(this.quoteAt[s]!);
    if (this.highAt[s]! >= this.high || this.lowAt[s]! <= this.low) this.extremesStale = true;
    this.tradesAt[s] = 0;
    this.volumeAt[s] = 0;
    this.quoteAt[s]!.clear();
  }

  private recomputeExtremes(): void {
    let high = -Infinity;
    let low = Infinity;
    for (let s = 0; s < WINDOW; s++) {
      if (this.tradesAt[s] === 0) continue;
      if (this.highAt[s]! > high) high = this.highAt[s]!;
      if (this.lowAt[s]! < low) low = this.lowAt[s]!;
    }
    this.high = high;
    this.low = low;
    this.extremesStale = false;
  }

  /** Open of the oldest bucket with trades; the search only moves forward, so it is O(1) amortised. */
  private windowOpen(): number {
    let m = Math.max(this.oldest, this.minute - WINDOW + 1);
    while (this.tradesAt[slotOf(m)] === 0) m++;
    this.oldest = m;
    return this.openAt[slotOf(m)]!;
  }
}
