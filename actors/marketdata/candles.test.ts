import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CandleFolder, candlesFromTrades, fillGaps } from './candles.ts';
import { bucketStart } from './intervals.ts';
import { INTERVALS } from './types.ts';
import type { Candle, Interval, Trade } from './types.ts';

let nextSeq = 1;
const trade = (time: number, price: number, size: number): Trade => ({
  symbol: 'T-USDT',
  seq: nextSeq++,
  time,
  price,
  size,
  takerSide: 'BUY',
});

const candle = (
  interval: Interval,
  openTime: number,
  [open, high, low, close]: [number, number, number, number],
  volume: number,
  quoteVolume: bigint,
  trades: number,
): Candle => ({ symbol: 'T-USDT', interval, openTime, open, high, low, close, volume, quoteVolume, trades });

const fold = (trades: readonly Trade[], options = {}): CandleFolder => {
  const folder = new CandleFolder('T-USDT', options);
  for (const t of trades) folder.add(t);
  return folder;
};

const MIN = 60_000;

/**
 * For each interval: a bucket start B (hand-picked UTC wall times) with its length and the start
 * of the bucket before it. Trades at B − 1 ms, B, mid-bucket, B + len − 1 ms and B + len.
 */
const edges: [Interval, start: number, len: number, prevStart: number][] = [
  ['1m', Date.UTC(2024, 0, 10, 13, 37), MIN, Date.UTC(2024, 0, 10, 13, 36)],
  ['5m', Date.UTC(2024, 0, 10, 13, 35), 5 * MIN, Date.UTC(2024, 0, 10, 13, 30)],
  ['15m', Date.UTC(2024, 0, 10, 13, 45), 15 * MIN, Date.UTC(2024, 0, 10, 13, 30)],
  ['1h', Date.UTC(2024, 0, 10, 14), 60 * MIN, Date.UTC(2024, 0, 10, 13)],
  ['4h', Date.UTC(2024, 0, 10, 20), 240 * MIN, Date.UTC(2024, 0, 10, 16)],
  // Thursday 2024-01-11 00:00: the day boundary from Wednesday.
  ['1d', Date.UTC(2024, 0, 11), 1_440 * MIN, Date.UTC(2024, 0, 10)],
  // Monday 2024-01-08 00:00: the week boundary from Sunday 2024-01-07 23:59:59.999.
  ['1w', Date.UTC(2024, 0, 8), 10_080 * MIN, Date.UTC(2024, 0, 1)],
];

describe('candles', () => {
  it.each(edges)(
    'candles - %s: trades at the bucket start, the last ms and the next bucket',
    (interval, b, len, prev) => {
      const trades = [
        trade(b - 1, 100, 2),
        trade(b, 105, 3),
        trade(b + len / 2, 110, 1),
        trade(b + len - 1, 95, 4),
        trade(b + len, 101, 5),
      ];
      const expected = [
        candle(interval, prev, [100, 100, 100, 100], 2, 200n, 1),
        // 105×3 + 110×1 + 95×4 = 805
        candle(interval, b, [105, 110, 95, 95], 8, 805n, 3),
        candle(interval, b + len, [101, 101, 101, 101], 5, 505n, 1),
      ];
      const folder = fold(trades);
      expect(folder.candles(interval)).toEqual(expected);
      expect(folder.closed(interval)).toEqual(expected.slice(0, 2));
      expect(folder.current(interval)).toEqual(expected[2]);
      expect(candlesFromTrades(trades, interval)).toEqual(expected);
    },
  );

  it('candles - Sunday 23:59:59.999 and Monday 00:00 UTC fall in different buckets of every interval', () => {
    const sunday = Date.UTC(2024, 0, 7, 23, 59, 59, 999);
    const monday = Date.UTC(2024, 0, 8);
    const folder = fold([trade(sunday, 100, 1), trade(monday, 200, 1)]);
    const sundayStarts: Record<Interval, number> = {
      '1m': Date.UTC(2024, 0, 7, 23, 59),
      '5m': Date.UTC(2024, 0, 7, 23, 55),
      '15m': Date.UTC(2024, 0, 7, 23, 45),
      '1h': Date.UTC(2024, 0, 7, 23),
      '4h': Date.UTC(2024, 0, 7, 20),
      '1d': Date.UTC(2024, 0, 7),
      '1w': Date.UTC(2024, 0, 1),
    };
    for (const interval of INTERVALS) {
      expect(folder.candles(interval).map((c) => [c.openTime, c.close])).toEqual([
        [sundayStarts[interval], 100],
        [monday, 200],
      ]);
    }
  });

  it('candles - a day boundary inside a week: Wednesday 23:59:59.999 and Thursday 00:00 share the week', () => {
    const folder = fold([
      trade(Date.UTC(2024, 0, 10, 23, 59, 59, 999), 100, 1),
      trade(Date.UTC(2024, 0, 11), 90, 2),
    ]);
    expect(folder.candles('1d').map((c) => c.openTime)).toEqual([
      Date.UTC(2024, 0, 10),
      Date.UTC(2024, 0, 11),
    ]);
    expect(folder.candles('1w')).toEqual([
      candle('1w', Date.UTC(2024, 0, 8), [100, 100, 90, 90], 3, 280n, 2),
    ]);
  });

  it('candles - buckets are UTC-aligned: 4h at 00/04/08/…, weeks on Monday', () => {
    const t = Date.UTC(2024, 1, 29, 5, 30, 12, 345); // Thursday 2024-02-29 05:30:12.345
    expect(bucketStart(t, '1m')).toBe(Date.UTC(2024, 1, 29, 5, 30));
    expect(bucketStart(t, '5m')).toBe(Date.UTC(2024, 1, 29, 5, 30));
    expect(bucketStart(t, '15m')).toBe(Date.UTC(2024, 1, 29, 5, 30));
    expect(bucketStart(t, '1h')).toBe(Date.UTC(2024, 1, 29, 5));
    expect(bucketStart(t, '4h')).toBe(Date.UTC(2024, 1, 29, 4));
    expect(bucketStart(t, '1d')).toBe(Date.UTC(2024, 1, 29));
    expect(bucketStart(t, '1w')).toBe(Date.UTC(2024, 1, 26));
    expect(bucketStart(0, '1w')).toBe(Date.UTC(1969, 11, 29)); // epoch 0 was a Thursday
  });

  it('candles - minutes without trades have no candle; fillGaps repeats the previous close with zero volume', () => {
    const t0 = Date.UTC(2024, 0, 10, 12);
    const trades = [trade(t0 + 5_000, 100, 1), trade(t0 + 20_000, 104, 1), trade(t0 + 3 * MIN, 99, 2)];
    const stored = fold(trades).candles('1m');
    expect(stored.map((c) => c.openTime)).toEqual([t0, t0 + 3 * MIN]);

    const gap = (openTime: number): Candle => candle('1m', openTime, [104, 104, 104, 104], 0, 0n, 0);
    expect(fillGaps(stored, '1m', t0, t0 + 4 * MIN + 59_999)).toEqual([
      stored[0],
      gap(t0 + MIN),
      gap(t0 + 2 * MIN),
      stored[1],
      candle('1m', t0 + 4 * MIN, [99, 99, 99, 99], 0, 0n, 0),
    ]);
    // A range starting in a gap takes its price from the candle before it; buckets before the
    // first candle of all are left out.
    expect(fillGaps(stored, '1m', t0 + MIN + 30_000, t0 + 2 * MIN)).toEqual([
      gap(t0 + MIN),
      gap(t0 + 2 * MIN),
    ]);
    expect(fillGaps(stored, '1m', t0 - 2 * MIN, t0)).toEqual([stored[0]]);
    expect(fillGaps(stored, '1m', t0 + MIN, t0)).toEqual([]);
  });

  it('candles - quote volume is exact past 2^53', () => {
    const t0 = Date.UTC(2024, 0, 10);
    const price = 2 ** 40 + 3;
    const size = 2 ** 20 - 1;
    const trades = Array.from({ length: 40 }, (_, i) => trade(t0 + i, price, size));
    trades.push(trade(t0 + 40, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
    const exact = 40n * BigInt(price) * BigInt(size) + BigInt(Number.MAX_SAFE_INTEGER) ** 2n;
    expect(fold(trades).current('1w')!.quoteVolume).toBe(exact);
    expect(candlesFromTrades(trades, '1m')[0]!.quoteVolume).toBe(exact);
  });

  it('candles - a trade stamped before the previous one joins the current candle', () => {
    const t0 = Date.UTC(2024, 0, 10, 12);
    const trades = [trade(t0 + MIN, 100, 1), trade(t0 + 59_000, 90, 1)];
    expect(fold(trades).candles('1m')).toEqual([candle('1m', t0 + MIN, [100, 100, 90, 90], 2, 190n, 2)]);
    expect(candlesFromTrades(trades, '1m')).toEqual(fold(trades).candles('1m'));
  });

  it('candles - history keeps the newest closed candles; limits count from the newest', () => {
    const t0 = Date.UTC(2024, 0, 10, 12);
    const folder = fold(
      Array.from({ length: 6 }, (_, i) => trade(t0 + i * MIN, 100 + i, 1)),
      { history: 3 },
    );
    expect(folder.closed('1m').map((c) => c.open)).toEqual([102, 103, 104]);
    expect(folder.candles('1m').map((c) => c.open)).toEqual([102, 103, 104, 105]);
    expect(folder.candles('1m', 2).map((c) => c.open)).toEqual([104, 105]);
    expect(folder.candles('1h').map((c) => c.trades)).toEqual([6]);
    expect(new CandleFolder('X').current('1m')).toBeNull();
    expect(candlesFromTrades([], '1m')).toEqual([]);
  });
});

/** A naive oracle: group by bucket with plain bigint sums, times clamped to never go back. */
function naiveCandles(trades: readonly Trade[], interval: Interval): Candle[] {
  const out: Candle[] = [];
  let time = -Infinity;
  for (const t of trades) {
    time = Math.max(time, t.time);
    const openTime = bucketStart(time, interval);
    const last = out[out.length - 1];
    if (last === undefined || last.openTime !== openTime) {
      out.push(
        candle(
          interval,
          openTime,
          [t.price, t.price, t.price, t.price],
          t.size,
          BigInt(t.price) * BigInt(t.size),
          1,
        ),
      );
    } else {
      out[out.length - 1] = {
        ...last,
        high: Math.max(last.high, t.price),
        low: Math.min(last.low, t.price),
        close: t.price,
        volume: last.volume + t.size,
        quoteVolume: last.quoteVolume + BigInt(t.price) * BigInt(t.size),
        trades: last.trades + 1,
      };
    }
  }
  return out;
}

const step = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 10 * MIN }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 * 1_440 * MIN }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20 * 1_440 * MIN }) },
  { weight: 1, arbitrary: fc.integer({ min: -10 * MIN, max: -1 }) },
);
const tradeStream = fc
  .array(
    fc.record({
      step,
      price: fc.oneof(
        { weight: 20, arbitrary: fc.integer({ min: 1, max: 1_000_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) },
      ),
      size: fc.oneof(
        { weight: 20, arbitrary: fc.integer({ min: 1, max: 1_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 40 }) },
      ),
    }),
    { maxLength: 300 },
  )
  .map((steps) => {
    let time = Date.UTC(2024, 0, 7, 22);
    return steps.map((s, i): Trade => {
      time += s.step;
      return { symbol: 'T-USDT', seq: i + 1, time, price: s.price, size: s.size, takerSide: 'SELL' };
    });
  });

describe('candles properties', () => {
  it('candles - rebuilt candles equal the live folder and a naive oracle, for every interval', () => {
    fc.assert(
      fc.property(tradeStream, fc.integer({ min: 1, max: 8 }), (trades, history) => {
        const big = fold(trades, { history: 100_000 });
        const small = fold(trades, { history });
        for (const interval of INTERVALS) {
          const rebuilt = candlesFromTrades(trades, interval);
          expect(big.candles(interval)).toEqual(rebuilt);
          expect(rebuilt).toEqual(naiveCandles(trades, interval));
          expect(small.candles(interval)).toEqual(rebuilt.slice(-(history + 1)));
        }
      }),
      { seed: 6_2026, numRuns: 200 },
    );
  });
});
