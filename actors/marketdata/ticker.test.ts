import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { TickerFolder } from './ticker.ts';
import type { Trade } from './types.ts';

const trade = (time: number, price: number, size: number): Trade => ({
  symbol: 'T-USDT',
  seq: 0,
  time,
  price,
  size,
  takerSide: 'BUY',
});

const H = 3_600_000;
const DAY = 24 * H;
/** Wednesday 2024-01-10 10:00:30 UTC: 30 s into its minute. */
const T0 = Date.UTC(2024, 0, 10, 10, 0, 30);

const folded = (trades: readonly Trade[]): TickerFolder => {
  const ticker = new TickerFolder('T-USDT');
  for (const t of trades) ticker.add(t);
  return ticker;
};

describe('ticker', () => {
  const day = [trade(T0, 100, 1), trade(T0 + H, 120, 2), trade(T0 + 2 * H, 90, 3), trade(T0 + 3 * H, 110, 4)];

  it('ticker - open, last, change, high, low and totals over the window', () => {
    expect(folded(day).ticker(T0 + 3 * H, 109, 111)).toEqual({
      symbol: 'T-USDT',
      time: T0 + 3 * H,
      last: 110,
      open: 100,
      change: 10,
      changeBps: 1_000,
      high: 120,
      low: 90,
      volume: 10,
      quoteVolume: 100n + 240n + 270n + 440n,
      trades: 4,
      bestBid: 109,
      bestAsk: 111,
    });
  });

  it('ticker - a trade leaves the window at the start of the minute 24 h after its own minute', () => {
    const ticker = folded(day);
    // 23:59:59.999 after the start of the trade's minute: still in.
    const stillIn = ticker.ticker(Date.UTC(2024, 0, 11, 9, 59, 59, 999));
    expect([stillIn.open, stillIn.trades, stillIn.volume]).toEqual([100, 4, 10]);
    // 10:00:00.000 the next day (23h59m30s after the trade): out, at minute granularity.
    const out = ticker.ticker(Date.UTC(2024, 0, 11, 10));
    expect([out.open, out.trades, out.volume, out.quoteVolume]).toEqual([120, 3, 9, 950n]);
    expect([out.change, out.changeBps, out.high, out.low]).toEqual([-10, -833, 120, 90]);
  });

  it('ticker - high and low are recomputed when the extreme drops out', () => {
    const ticker = folded(day);
    const noHigh = ticker.ticker(T0 + H + DAY);
    expect([noHigh.open, noHigh.high, noHigh.low, noHigh.trades]).toEqual([90, 110, 90, 2]);
    const noLow = ticker.ticker(T0 + 2 * H + DAY);
    expect([noLow.open, noLow.high, noLow.low, noLow.trades]).toEqual([110, 110, 110, 1]);
    // a new trade after the recompute takes part in the extremes again
    ticker.add(trade(T0 + 2 * H + DAY + 1, 130, 1));
    const again = ticker.ticker(T0 + 2 * H + DAY + 2);
    expect([again.open, again.last, again.high, again.low, again.change, again.changeBps]).toEqual([
      110, 130, 130, 110, 20, 1_818,
    ]);
  });

  it('ticker - an empty window keeps the last price and shows no open, no change, zero totals', () => {
    const ticker = folded(day);
    expect(ticker.ticker(T0 + 30 * DAY)).toEqual({
      symbol: 'T-USDT',
      time: T0 + 30 * DAY,
      last: 110,
      open: null,
      change: 0,
      changeBps: 0,
      high: null,
      low: null,
      volume: 0,
      quoteVolume: 0n,
      trades: 0,
      bestBid: null,
      bestAsk: null,
    });
    expect(new TickerFolder('T-USDT').ticker(T0).last).toBeNull();
  });

  it('ticker - changeBps is rounded toward zero, both ways', () => {
    expect(folded([trade(T0, 300, 1), trade(T0 + 1, 299, 1)]).ticker(T0 + 1).changeBps).toBe(-33);
    expect(folded([trade(T0, 300, 1), trade(T0 + 1, 301, 1)]).ticker(T0 + 1).changeBps).toBe(33);
    const huge = Number.MAX_SAFE_INTEGER;
    expect(folded([trade(T0, 1, 1), trade(T0 + 1, huge, 1)]).ticker(T0 + 1).changeBps).toBe(
      Number(BigInt(huge - 1) * 10_000n),
    );
  });
});

describe('ticker properties', () => {
  it('ticker - equals a naive recount of the trades in the last 1,440 minutes at random query times', () => {
    const MIN = 60_000;
    const events = fc.array(
      fc.record({
        step: fc.oneof(
          { weight: 10, arbitrary: fc.integer({ min: 0, max: 10 * MIN }) },
          { weight: 3, arbitrary: fc.integer({ min: 0, max: 6 * H }) },
          { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * DAY }) },
        ),
        query: fc.boolean(),
        price: fc.integer({ min: 1, max: 1_000 }),
        size: fc.integer({ min: 1, max: 100 }),
      }),
      { maxLength: 300 },
    );
    fc.assert(
      fc.property(events, (steps) => {
        const ticker = new TickerFolder('T-USDT');
        const seen: Trade[] = [];
        let time = T0;
        for (const s of steps) {
          time += s.step;
          if (!s.query) {
            const t = trade(time, s.price, s.size);
            ticker.add(t);
            seen.push(t);
            continue;
          }
          const minute = Math.floor(time / MIN);
          const inWindow = seen.filter((t) => Math.floor(t.time / MIN) > minute - 1_440);
          const got = ticker.ticker(time);
          expect(got.trades).toBe(inWindow.length);
          expect(got.volume).toBe(inWindow.reduce((a, t) => a + t.size, 0));
          expect(got.quoteVolume).toBe(inWindow.reduce((a, t) => a + BigInt(t.price * t.size), 0n));
          expect(got.open).toBe(inWindow[0]?.price ?? null);
          expect(got.high).toBe(inWindow.length === 0 ? null : Math.max(...inWindow.map((t) => t.price)));
          expect(got.low).toBe(inWindow.length === 0 ? null : Math.min(...inWindow.map((t) => t.price)));
          expect(got.last).toBe(seen[seen.length - 1]?.price ?? null);
        }
      }),
      { seed: 24_2026, numRuns: 200 },
    );
  });
});
