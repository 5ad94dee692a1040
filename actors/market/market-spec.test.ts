import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarketSpec } from './market-spec.ts';
import {
  checkSpec,
  InvalidMarketSpecError,
  lotsToSize,
  priceToTicks,
  quoteToNotional,
  sizeToLots,
  ticksToPrice,
  toBookConfig,
} from './market-spec.ts';

const btc: MarketSpec = {
  symbol: 'BTC-USDT',
  base: 'BTC',
  quote: 'USDT',
  baseDecimals: 8,
  quoteDecimals: 6,
  tickSize: '0.01',
  lotSize: '0.00001',
  minSize: '0.00001',
  maxSize: '100',
  maxPrice: '1000000',
  minNotional: '5',
  priceBandBps: 1_000,
  referencePrice: '65000',
};

describe('market spec', () => {
  it('spec - prices and sizes convert to whole ticks and lots, or say why not', () => {
    expect(priceToTicks(btc, '65000.25')).toEqual({ ok: true, value: 6_500_025 });
    expect(priceToTicks(btc, '65000.255')).toEqual({ ok: false, code: 'PRICE_NOT_TICK_MULTIPLE' });
    expect(priceToTicks(btc, '1000000.01')).toEqual({ ok: false, code: 'PRICE_TOO_HIGH' });
    expect(sizeToLots(btc, '0.5')).toEqual({ ok: true, value: 50_000 });
    expect(sizeToLots(btc, '0.000015')).toEqual({ ok: false, code: 'SIZE_NOT_LOT_MULTIPLE' });
    expect(sizeToLots(btc, '100.00001')).toEqual({ ok: false, code: 'SIZE_TOO_LARGE' });
    for (const bad of ['-1', '1e3', '0', '', '01', '1.', ' 1', 'NaN', '1.0000000000000000001']) {
      expect(priceToTicks(btc, bad)).toEqual({ ok: false, code: 'INVALID_DECIMAL' });
    }
  });

  it('spec - a quote amount becomes tick-lots rounded down (the dust stays with the trader)', () => {
    // One tick-lot is 0.01 × 0.00001 = 0.0000001 USDT.
    expect(quoteToNotional(btc, '100')).toEqual({ ok: true, value: 1_000_000_000 });
    expect(quoteToNotional(btc, '0.00000019')).toEqual({ ok: true, value: 1 });
    expect(quoteToNotional(btc, '0.00000009')).toEqual({ ok: false, code: 'INVALID_DECIMAL' });
  });

  it('spec - back to decimal strings without trailing zeros', () => {
    expect(ticksToPrice(btc, 6_500_025)).toBe('65000.25');
    expect(ticksToPrice(btc, 6_500_000)).toBe('65000');
    expect(ticksToPrice(btc, 1)).toBe('0.01');
    expect(lotsToSize(btc, 50_000)).toBe('0.5');
  });

  it('spec - ticks -> price -> ticks and lots -> size -> lots round-trip exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (t, l) => {
          expect(priceToTicks(btc, ticksToPrice(btc, t))).toEqual({ ok: true, value: t });
          expect(sizeToLots(btc, lotsToSize(btc, l))).toEqual({ ok: true, value: l });
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('spec - the book config carries integer limits', () => {
    expect(toBookConfig(btc)).toEqual({
      symbol: 'BTC-USDT',
      minSize: 1,
      maxSize: 10_000_000,
      minNotional: 50_000_000,
      priceBandBps: 1_000,
      referencePrice: 6_500_000,
    });
  });

  it('spec - a spec whose notionals would not be exact, or whose steps do not divide, is refused', () => {
    expect(() => checkSpec({ ...btc, maxPrice: '100000000000', maxSize: '100000' })).toThrow(
      InvalidMarketSpecError,
    );
    expect(() => checkSpec({ ...btc, minSize: '0.000015' })).toThrow(/minSize and maxSize/);
    expect(() => checkSpec({ ...btc, tickSize: '0' })).toThrow(/tickSize/);
    expect(() => checkSpec({ ...btc, priceBandBps: 1.5 })).toThrow(/priceBandBps/);
    expect(() => checkSpec({ ...btc, referencePrice: '65000.001' })).toThrow(/referencePrice/);
  });
});
