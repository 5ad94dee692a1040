/**
 * OHLCV candles for the seven intervals, folded from trades.
 *
 * Empty intervals: a candle exists only for a bucket that had at least one trade, both live (the
 * folder) and rebuilt (`candlesFromTrades`), so the two are compared candle by candle. Gaps are
 * filled only when a query asks for a continuous range (`fillGaps`), Binance-style: OHLC = the
 * previous candle's close, zero volume, zero trades.
 *
 * Time order: trades are folded in the order given; a trade stamped earlier than the one before it
 * (a clock step back) counts at the previous trade's time, so it joins the current candle and
 * never reopens a closed one. Live and rebuilt candles apply the same rule, so they stay equal.
 */

import { bucketStart, INTERVAL_MS } from './intervals.ts';
import { QuoteSum } from './quote-sum.ts';
import { Ring } from './ring.ts';
import { INTERVALS } from './types.ts';
import type { Candle, Interval, Trade } from './types.ts';

/** The open candle of one interval, mutable so that the per-trade path allocates nothing. */
class CandleBuilder {
  private readonly ms: number;
  /** Time of the last trade folded (later trades that are stamped earlier count at this time). */
  private lastTime = -Infinity;
  private openTime = 0;
  /** First ms after the bucket: a trade at or past it closes the candle. */
  private end = -Infinity;
  private open = 0;
  private high = 0;
  private low = 0;
  private close = 0;
  private volume = 0;
  private readonly quote = new QuoteSum();
  trades = 0;

  constructor(
    private readonly symbol: string,
    private readonly interval: Interval,
  ) {
    this.ms = INTERVAL_MS[interval];
  }

  /** Folds one trade; returns the candle it closed, if it opened a new bucket after one with trades. */
  fold(time: number, price: number, size: number): Candle | null {
    let closed: Candle | null = null;
    if (time > this.lastTime) {
      this.lastTime = time;
      if (time >= this.end) {
        if (this.trades > 0) closed = this.toCandle();
        this.openTime = bucketStart(time, this.interval);
        this.end = this.openTime + this.ms;
        this.trades = 0;
        this.volume = 0;
        this.quote.clear();
      }
    }
    if (this.trades === 0) {
      this.open = price;
      this.high = price;
      this.low = price;
    } else if (price > this.high) this.high = price;
    else if (price < this.low) this.low = price;
    this.close = price;
    this.volume += size;
    this.quote.add(price, size);
    this.trades++;
    return closed;
  }

  toCandle(): Candle {
    return {
      symbol: this.symbol,
      interval: this.interval,
      openTime: this.openTime,
      open: this.open,
      high: this.high,
      low: this.low,
      close: this.close,
      volume: this.volume,
      quoteVolume: this.quote.value(),
      trades: this.trades,
    };
  }
}

export interface CandleFolderOptions {
  /** Closed candles kept per interval (default 1,000, Binance's largest page); older ones are dropped. */
  readonly history?: number;
}

/** Live candles of one market: the open candle of every interval plus a bounded history of closed ones. */
export class CandleFolder {
  private readonly builders: CandleBuilder[];
  private readonly history: Ring<Candle>[];

  constructor(
    readonly symbol: string,
    options: CandleFolderOptions = {},
  ) {
    const history = options.history ?? 1_000;
    this.builders = INTERVALS.map((interval) => new CandleBuilder(symbol, interval));
    this.history = INTERVALS.map(() => new Ring<Candle>(history));
  }

  /** Folds one trade into every interval. Trades come in market order (ascending seq). */
  add(trade: Trade): void {
    const { time, price, size } = trade;
    const builders = this.builders;
    for (let i = 0; i < builders.length; i++) {
      const closed = builders[i]!.fold(time, price, size);
      if (closed !== null) this.history[i]!.push(closed);
    }
  }

  /** The candle of the last trade's bucket (still open to more trades); null before the first trade. */
  current(interval: Interval): Candle | null {
    const builder = this.builders[INTERVALS.indexOf(interval)]!;
    return builder.trades === 0 ? null : builder.toCandle();
  }

  /** The newest `limit` closed candles (default: all kept), oldest first. */
  closed(interval: Interval, limit?: number): Candle[] {
    return this.history[INTERVALS.indexOf(interval)]!.oldestFirst(limit);
  }

  /** The newest `limit` candles, closed ones and then the current one, oldest first. */
  candles(interval: Interval, limit = Infinity): Candle[] {
    const current = this.current(interval);
    if (current === null) return [];
    if (limit < 1) return [];
    const out = this.closed(interval, limit - 1);
    out.push(current);
    return out;
  }
}

/**
 * Candles of one interval rebuilt from a trade list (in market order), oldest first, the last one
 * being the bucket of the last trade: what a `CandleFolder` fed the same trades returns from
 * `candles(interval)` (as far as its history reaches).
 */
export function candlesFromTrades(trades: readonly Trade[], interval: Interval): Candle[] {
  const first = trades[0];
  if (first === undefined) return [];
  const builder = new CandleBuilder(first.symbol, interval);
  const out: Candle[] = [];
  for (const trade of trades) {
    const closed = builder.fold(trade.time, trade.price, trade.size);
    if (closed !== null) out.push(closed);
  }
  out.push(builder.toCandle());
  return out;
}

/**
 * One candle for every bucket from the one containing `from` to the one containing `to`
 * (inclusive), given the stored candles of that interval in ascending `openTime` (candles before
 * `from` are only used for the price of a leading gap). A bucket without a candle repeats the
 * previous candle's close as its OHLC, with zero volume and trades; buckets before the first
 * candle of all are left out, since there was no price yet. The caller bounds the range.
 */
export function fillGaps(candles: readonly Candle[], interval: Interval, from: number, to: number): Candle[] {
  const ms = INTERVAL_MS[interval];
  const out: Candle[] = [];
  let prev: Candle | null = null;
  let i = 0;
  for (let t = bucketStart(from, interval); t <= to; t += ms) {
    while (i < candles.length && candles[i]!.openTime < t) prev = candles[i++]!;
    const candle = candles[i];
    if (candle !== undefined && candle.openTime === t) {
      out.push(candle);
      prev = candle;
      i++;
    } else if (prev !== null) {
      const p = prev.close;
      out.push({
        symbol: prev.symbol,
        interval,
        openTime: t,
        open: p,
        high: p,
        low: p,
        close: p,
        volume: 0,
        quoteVolume: 0n,
        trades: 0,
      });
    }
  }
  return out;
}
