import { afterEach, describe, expect, it } from 'vitest';
import type { AccountOrder, BalanceView } from './types.ts';
import { startExchange } from './testing/exchange.ts';
import type { TestExchange } from './testing/exchange.ts';

let exchange: TestExchange;
afterEach(async () => {
  await exchange.stop();
});

async function balances(account: number): Promise<Record<string, BalanceView>> {
  const list = (await exchange.ask(`account/${account}`, 'balances', {})) as BalanceView[];
  return Object.fromEntries(list.map((b) => [b.asset, b]));
}

async function placed(account: number, request: Parameters<TestExchange['path']['placeOrder']>[1]) {
  const result = await exchange.path.placeOrder(account, request);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.order;
}

describe('order path: place -> match -> settle', () => {
  it('settles both sides of a trade with fees in the asset received and frees the unused hold', async () => {
    exchange = await startExchange();
    await exchange.deposit(1, 'BTC', '1');
    await exchange.deposit(2, 'USDT', '100000');
    const sell = await placed(1, {
      clientOrderId: 's1',
      market: 'BTC-USDT',
      side: 'SELL',
      type: 'LIMIT',
      price: '65000',
      size: '0.5',
    });
    expect(sell.status).toBe('New');
    expect((await balances(1)).BTC).toEqual({ asset: 'BTC', available: '0.5', locked: '0.5' });

    const buy = await placed(2, {
      clientOrderId: 'b1',
      market: 'BTC-USDT',
      side: 'BUY',
      type: 'LIMIT',
      price: '65100',
      size: '0.2',
    });
    expect(buy.status).toBe('Filled');
    expect(buy.fees).toEqual({ BTC: 50_000n }); // 25 bps taker of 0.2 BTC, in BTC
    // 0.2 × 65,000 paid; the 20 USDT price improvement is back in available.
    expect(await balances(2)).toEqual({
      BTC: { asset: 'BTC', available: '0.1995', locked: '0' },
      USDT: { asset: 'USDT', available: '87000', locked: '0' },
    });
    // Maker: 15 bps of 13,000 USDT = 19.5 USDT; 0.3 BTC still offered.
    expect(await balances(1)).toEqual({
      BTC: { asset: 'BTC', available: '0.5', locked: '0.3' },
      USDT: { asset: 'USDT', available: '12980.5', locked: '0' },
    });
    const maker = (await exchange.ask('account/1', 'order', { orderId: sell.id })) as AccountOrder;
    expect(maker).toMatchObject({ status: 'PartiallyFilled', filledLots: 20_000, remaining: 30_000 });
  });

  it('returns the first result for a retried client order id and places nothing twice', async () => {
    exchange = await startExchange();
    await exchange.deposit(1, 'USDT', '1000');
    const request = {
      clientOrderId: 'same',
      market: 'ETH-USDT',
      side: 'BUY',
      type: 'LIMIT',
      price: '3000',
      size: '0.1',
    } as const;
    const first = await placed(1, request);
    const again = await placed(1, request);
    expect(again.id).toBe(first.id);
    expect((await balances(1)).USDT).toEqual({ asset: 'USDT', available: '700', locked: '300' });
    const open = (await exchange.ask('account/1', 'orders', { open: true })) as AccountOrder[];
    expect(open).toHaveLength(1);
  });

  it('cancel releases the hold; cancelAll cancels every market', async () => {
    exchange = await startExchange();
    await exchange.deposit(3, 'USDT', '10000');
    const a = await placed(3, {
      clientOrderId: 'a',
      market: 'BTC-USDT',
      side: 'BUY',
      type: 'LIMIT',
      price: '64000',
      size: '0.01',
    });
    await placed(3, {
      clientOrderId: 'b',
      market: 'ETH-USDT',
      side: 'BUY',
      type: 'LIMIT',
      price: '3100',
      size: '1',
    });
    const cancelled = await exchange.path.cancelOrder(3, a.id);
    expect(cancelled).toMatchObject({ ok: true, order: { status: 'Cancelled', held: 0n } });
    expect((await balances(3)).USDT).toEqual({ asset: 'USDT', available: '6900', locked: '3100' });
    expect(await exchange.path.cancelAll(3)).toBe(1);
    expect((await balances(3)).USDT).toEqual({ asset: 'USDT', available: '10000', locked: '0' });
  });

  it('refuses an order the balance cannot hold, changing nothing', async () => {
    exchange = await startExchange();
    await exchange.deposit(4, 'USDT', '100');
    const result = await exchange.path.placeOrder(4, {
      clientOrderId: 'x',
      market: 'BTC-USDT',
      side: 'BUY',
      type: 'LIMIT',
      price: '65000',
      size: '0.01',
    });
    expect(result).toMatchObject({ ok: false, code: 'INSUFFICIENT_BALANCE' });
    expect((await balances(4)).USDT).toEqual({ asset: 'USDT', available: '100', locked: '0' });
  });
});

describe('order path: recovery of orders the book never received', () => {
  it('resends an order left PendingNew (a crash between the hold and the book), once', async () => {
    exchange = await startExchange();
    await exchange.deposit(5, 'USDT', '10000');
    await exchange.deposit(6, 'ETH', '1');
    // The account step alone, as if the node died before sending the order to its market.
    const pending = (await exchange.ask(
      'account/5',
      'place',
      {
        request: {
          clientOrderId: 'lost',
          market: 'ETH-USDT',
          side: 'BUY',
          type: 'LIMIT',
          price: '3200',
          size: '0.5',
        },
        prices: {},
      },
      { id: 'place:lost' },
    )) as { ok: true; command: { orderId: number } };
    const held = (await exchange.ask('account/5', 'order', {
      orderId: pending.command.orderId,
    })) as AccountOrder;
    expect(held.status).toBe('PendingNew');
    expect((await balances(5)).USDT).toEqual({ asset: 'USDT', available: '8400', locked: '1600' });

    expect(await exchange.path.resumePending(5, 0)).toBe(1);
    const resumed = (await exchange.ask('account/5', 'order', {
      orderId: pending.command.orderId,
    })) as AccountOrder;
    expect(resumed.status).toBe('New');
    // A second sweep finds nothing; a client retry of the same client order id is the same order.
    expect(await exchange.path.resumePending(5, 0)).toBe(0);
    const retried = await placed5('lost');
    expect(retried.id).toBe(pending.command.orderId);
    // And it trades like any resting order.
    await placed(6, {
      clientOrderId: 'hit',
      market: 'ETH-USDT',
      side: 'SELL',
      type: 'IOC',
      price: '3200',
      size: '0.5',
    });
    expect((await balances(5)).USDT).toEqual({ asset: 'USDT', available: '8400', locked: '0' });
    // The resumed order rested, so it was the maker: 15 bps of 0.5 ETH.
    expect((await balances(5)).ETH).toEqual({ asset: 'ETH', available: '0.49925', locked: '0' });

    async function placed5(clientOrderId: string) {
      return placed(5, {
        clientOrderId,
        market: 'ETH-USDT',
        side: 'BUY',
        type: 'LIMIT',
        price: '3200',
        size: '0.5',
      });
    }
  });
});

describe('order path: a market added while it runs', () => {
  it('addMarket - accounts learn it, its book opens, settlement takes it up; a second add changes nothing', async () => {
    exchange = await startExchange();
    const spec = {
      symbol: 'ETH-BTC',
      base: 'ETH',
      quote: 'BTC',
      baseDecimals: 18,
      quoteDecimals: 8,
      tickSize: '0.00001',
      lotSize: '0.001',
      minSize: '0.001',
      maxSize: '1000',
      maxPrice: '10',
      minNotional: '0.0001',
      priceBandBps: 1_500,
    };
    await exchange.deposit(1, 'ETH', '2');
    await exchange.deposit(2, 'BTC', '1');
    const sell = {
      clientOrderId: 's1',
      market: 'ETH-BTC',
      side: 'SELL',
      type: 'LIMIT',
      price: '0.05',
      size: '2',
    } as const;
    expect(await exchange.path.placeOrder(1, { ...sell, clientOrderId: 's0' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_MARKET',
    });

    expect(await exchange.addMarket(spec)).toBe(true);
    expect(await exchange.addMarket({ ...spec, maxPrice: '20' })).toBe(false);
    expect(await exchange.path.addMarket(spec)).toBe(false);
    expect(exchange.markets.get('ETH-BTC')?.maxPrice).toBe('10');

    expect((await placed(1, sell)).status).toBe('New');
    const buy = await placed(2, { ...sell, clientOrderId: 'b1', side: 'BUY', type: 'IOC', size: '1' });
    expect(buy).toMatchObject({ status: 'Filled', filledLots: 1_000 });
    expect(await balances(2)).toEqual({
      BTC: { asset: 'BTC', available: '0.95', locked: '0' },
      ETH: { asset: 'ETH', available: '0.9975', locked: '0' },
    });
    expect(await balances(1)).toEqual({
      BTC: { asset: 'BTC', available: '0.049925', locked: '0' },
      ETH: { asset: 'ETH', available: '0', locked: '1' },
    });
  });
});
