import { bucketStart } from './intervals.ts';
import type { Candle, Interval, Trade } from './types.ts';

/**
 * The plain reference for candles in tests: folds trades, in the order they happened (time, then
 * seq), into one candle per bucket. Deliberately naive, to check the recorder's SQL against.
 */
export function referenceCandles(trades: readonly Trade[], interval: Interval): Candle[] {
  const sorted = [...trades].sort((a, b) => a.time - b.time || a.seq - b.seq);
  const byBucket = new Map<number, Candle>();
  for (const t of sorted) {
    const openTime = bucketStart(t.time, interval);
    const c = byBucket.get(openTime);
    byBucket.set(
      openTime,
      c
        ? {
            ...c,
            high: Math.max(c.high, t.price),
            low: Math.min(c.low, t.price),
            close: t.price,
            volume: c.volume + t.size,
            quoteVolume: c.quoteVolume + BigInt(t.price) * BigInt(t.size),
            trades: c.trades + 1,
          }
        : {
            symbol: t.symbol,
            interval,
            openTime,
            open: t.price,
            high: t.price,
            low: t.price,
            close: t.price,
            volume: t.size,
            quoteVolume: BigInt(t.price) * BigInt(t.size),
            trades: 1,
          },
    );
  }
  return [...byBucket.values()];
}

/** A deterministic stream of trades (seeded LCG), `gapMs` apart on average, starting at `start`. */
export function sampleTrades(symbol: string, count: number, start: number, gapMs: number, seed = 1): Trade[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const trades: Trade[] = [];
  let time = start;
  let price = 6_500_000;
  for (let i = 0; i < count; i++) {
    time += Math.floor(next() * 2 * gapMs);
    price = Math.max(1, price + Math.round((next() - 0.5) * 200));
    trades.push({
      symbol,
      seq: i + 1,
      time,
      price,
      size: 1 + Math.floor(next() * 10_000),
      takerSide: next() < 0.5 ? 'BUY' : 'SELL',
    });
  }
  return trades;
}
