import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPmmConfig, InvalidPmmConfigError, quotes } from './pmm.ts';
import type { PmmConfig } from './pmm.ts';

const config: PmmConfig = {
  spreadBps: 20,
  levels: 3,
  levelSpacingBps: 10,
  orderSize: 100,
  minOrderSize: 1,
  targetInventory: 1_000,
  minInventory: 0,
  maxInventory: 2_000,
  inventorySkew: 0.5,
};

describe('pmm', () => {
  it('pmm - at target: symmetric levels around mid, equal sizes', () => {
    expect(quotes(config, 100_000, 1_000)).toEqual([
      { side: 'BUY', price: 99_900, size: 100 },
      { side: 'BUY', price: 99_800, size: 100 },
      { side: 'BUY', price: 99_700, size: 100 },
      { side: 'SELL', price: 100_100, size: 100 },
      { side: 'SELL', price: 100_200, size: 100 },
      { side: 'SELL', price: 100_300, size: 100 },
    ]);
  });

  it('pmm - long inventory shrinks bids; at the limit there are no bids at all', () => {
    const long = quotes(config, 100_000, 1_500);
    expect(long.filter((q) => q.side === 'BUY').map((q) => q.size)).toEqual([75, 75, 75]);
    expect(long.filter((q) => q.side === 'SELL').map((q) => q.size)).toEqual([100, 100, 100]);
    expect(quotes(config, 100_000, 2_000).filter((q) => q.side === 'BUY')).toEqual([]);
    expect(quotes(config, 100_000, 0).filter((q) => q.side === 'SELL')).toEqual([]);
  });

  it('pmm - even if every quote fills, inventory stays within its limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 900 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (mid, inventory, levels, orderSize, inventorySkew, minOrderSize) => {
          const c = {
            ...config,
            levels,
            orderSize,
            inventorySkew,
            minOrderSize: Math.min(minOrderSize, orderSize),
          };
          const list = quotes(c, mid, inventory);
          const bought = list.filter((q) => q.side === 'BUY').reduce((n, q) => n + q.size, 0);
          const sold = list.filter((q) => q.side === 'SELL').reduce((n, q) => n + q.size, 0);
          expect(inventory + bought).toBeLessThanOrEqual(Math.max(inventory, c.maxInventory));
          expect(inventory - sold).toBeGreaterThanOrEqual(Math.min(inventory, c.minInventory));
          for (const q of list) {
            expect(q.size).toBeGreaterThanOrEqual(c.minOrderSize);
            expect(q.price).toBeGreaterThan(0);
            expect(q.side === 'BUY' ? q.price < mid : q.price > mid).toBe(true);
          }
        },
      ),
    );
  });

  it('pmm - quotes smaller than the market takes are not placed', () => {
    // 1,990 of 2,000 held: only 10 lots of room for bids, below a 20-lot minimum.
    expect(quotes({ ...config, minOrderSize: 20 }, 100_000, 1_990).filter((q) => q.side === 'BUY')).toEqual(
      [],
    );
  });

  it('pmm - a bad configuration is a typed error', () => {
    expect(() => checkPmmConfig({ ...config, spreadBps: 0 })).toThrow(InvalidPmmConfigError);
    expect(() => checkPmmConfig({ ...config, minInventory: 3_000 })).toThrow(
      /minInventory <= targetInventory/,
    );
    expect(() => checkPmmConfig({ ...config, inventorySkew: 2 })).toThrow(InvalidPmmConfigError);
  });
});
