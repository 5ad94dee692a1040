import { afterEach, describe, expect, it } from 'vitest';
import { startExchange } from '../account/testing/exchange.ts';
import type { TestExchange } from '../account/testing/exchange.ts';
import { demoMarkets } from '../market/index.ts';
import type { Depth } from '../market/index.ts';
import { MarketMaker } from './market-maker.ts';

let exchange: TestExchange;
afterEach(async () => {
  await exchange.stop();
});

const spec = demoMarkets.find((m) => m.symbol === 'ETH-USDT')!;
const MAKER = 500;
const TAKER = 501;
const config = {
  spreadBps: 20,
  levels: 3,
  levelSpacingBps: 5,
  orderSize: 2_000, // 0.2 ETH
  minOrderSize: 20, // 0.002 ETH, above the 5 USDT minimum notional
  targetInventory: 20_000,
  minInventory: 10_000,
  maxInventory: 30_000,
  inventorySkew: 0.5,
};

describe('market maker', () => {
  it('mm - keeps a two-sided book while a taker pushes it around, and never leaves its inventory limits', async () => {
    // Stepped far faster than real time: lift the per-account order rate limit.
    exchange = await startExchange({
      account: { limits: { rateLimit: { burst: 10_000, perSecond: 10_000 } } },
    });
    await exchange.deposit(MAKER, 'ETH', '2'); // 20,000 lots: the target
    await exchange.deposit(MAKER, 'USDT', '20000');
    await exchange.deposit(TAKER, 'ETH', '100');
    await exchange.deposit(TAKER, 'USDT', '1000000');
    const maker = new MarketMaker(exchange.path, exchange.ask, {
      spec,
      account: MAKER,
      config,
      mid: () => 320_000,
      refreshMs: 3_600_000,
    });
    maker.start();
    let sawLimit = false;
    // The taker sweeps the maker's asks for 12 rounds (the maker sells down to its minimum), then
    // its bids for 24 rounds (it buys up to its maximum).
    for (let round = 0; round < 36; round++) {
      await maker.step();
      const inventory = await maker.inventory();
      expect(inventory).toBeGreaterThanOrEqual(config.minInventory);
      expect(inventory).toBeLessThanOrEqual(config.maxInventory);
      const depth = (await exchange.ask(`market/${spec.symbol}`, 'depth', { levels: 10 })) as Depth;
      // "At a limit": less room left than the smallest quote the market accepts.
      const atMin = inventory - config.minInventory < config.minOrderSize;
      const atMax = config.maxInventory - inventory < config.minOrderSize;
      sawLimit ||= atMin || atMax;
      expect(depth.bids.length > 0 || atMax, `round ${round}: bids`).toBe(true);
      expect(depth.asks.length > 0 || atMin, `round ${round}: asks`).toBe(true);
      const buy = round < 12;
      await exchange.path.placeOrder(TAKER, {
        clientOrderId: `t-${round}`,
        market: spec.symbol,
        side: buy ? 'BUY' : 'SELL',
        type: 'IOC',
        price: buy ? '3300' : '3100',
        size: '0.4',
      });
    }
    expect(sawLimit).toBe(true);
    await maker.stop();
    const depth = (await exchange.ask(`market/${spec.symbol}`, 'depth', { levels: 10 })) as Depth;
    expect(depth).toEqual({ bids: [], asks: [] });
    expect(maker.status).toMatchObject({ running: false, openQuotes: 0 });
  });
});
