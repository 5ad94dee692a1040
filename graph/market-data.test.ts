import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from './context.ts';
import { codes, gql } from './testing/client.ts';
import { startTestGateway } from './testing/harness.ts';
import type { TestGateway } from './testing/harness.ts';

/** TEST ONLY: anonymous, or `x-test-user: <account>` as a full-scope user. */
const testAuthenticate = async ({
  headers,
}: {
  headers: Record<string, unknown>;
}): Promise<Principal | null> => {
  const account = Number(headers['x-test-user']);
  return Number.isSafeInteger(account) && account > 0
    ? { userId: `u${account}`, account, roles: ['user'], scopes: ['read', 'trade'], mfa: false }
    : null;
};

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway(testAuthenticate);
  await t.exchange.deposit(1, 'BTC', '2');
  await t.exchange.deposit(2, 'USDT', '200000');
  const place = (account: number, clientOrderId: string, side: 'BUY' | 'SELL', price: string, size: string) =>
    t.exchange.path.placeOrder(account, {
      clientOrderId,
      market: 'BTC-USDT',
      side,
      type: side === 'SELL' ? 'LIMIT' : 'IOC',
      price,
      size,
    });
  await place(1, 's1', 'SELL', '65000', '0.5');
  await place(1, 's2', 'SELL', '65100.5', '0.25');
  await place(2, 'b1', 'BUY', '65000', '0.2');
  await t.settle();
});

afterAll(async () => {
  await t.stop();
});

describe('gateway market data', () => {
  it('markets - lists every market with decimal steps', async () => {
    const r = await gql(t.url, '{ markets { symbol base quote tickSize lotSize minNotional } }');
    expect(r.errors).toBeUndefined();
    expect(r.data!.markets).toContainEqual({
      symbol: 'BTC-USDT',
      base: 'BTC',
      quote: 'USDT',
      tickSize: '0.01',
      lotSize: '0.00001',
      minNotional: '5',
    });
    const one = await gql(
      t.url,
      '{ market(symbol: "ETH-USDT") { symbol } none: market(symbol: "NOPE-USDT") { symbol } }',
    );
    expect(one.data).toEqual({ market: { symbol: 'ETH-USDT' }, none: null });
  });

  it('ticker - last trade, 24h volume and best prices as decimal strings', async () => {
    const r = await gql(
      t.url,
      '{ ticker(symbol: "BTC-USDT") { last volume quoteVolume trades bestAsk bestBid change } }',
    );
    expect(r.data!.ticker).toEqual({
      last: '65000',
      volume: '0.2',
      quoteVolume: '13000',
      trades: 1,
      bestAsk: '65000',
      bestBid: null,
      change: '0',
    });
    const all = await gql(t.url, '{ tickers { symbol } }');
    expect((all.data!.tickers as unknown[]).length).toBe(3);
  });

  it('orderBook - levels best first at a seq', async () => {
    const r = await gql(
      t.url,
      '{ orderBook(symbol: "BTC-USDT", depth: 5) { seq asks { price size } bids { price size } } }',
    );
    expect(r.data!.orderBook).toMatchObject({
      asks: [
        { price: '65000', size: '0.3' },
        { price: '65100.5', size: '0.25' },
      ],
      bids: [],
    });
    expect(Number((r.data!.orderBook as { seq: string }).seq)).toBeGreaterThan(0);
  });

  it('trades and candles - the tape and the live 1m candle', async () => {
    const r = await gql(
      t.url,
      `{ trades(symbol: "BTC-USDT", first: 10) { edges { cursor node { price size takerSide } } pageInfo { hasNextPage } }
         candles(symbol: "BTC-USDT", interval: M1) { interval open close volume quoteVolume trades } }`,
    );
    expect(r.errors).toBeUndefined();
    const trades = r.data!.trades as { edges: { node: unknown }[]; pageInfo: { hasNextPage: boolean } };
    expect(trades.edges.map((e) => e.node)).toEqual([{ price: '65000', size: '0.2', takerSide: 'BUY' }]);
    expect(trades.pageInfo.hasNextPage).toBe(false);
    expect(r.data!.candles).toEqual([
      { interval: 'M1', open: '65000', close: '65000', volume: '0.2', quoteVolume: '13000', trades: 1 },
    ]);
  });

  it('candles - history without a recorder is UNAVAILABLE, a reversed range BAD_USER_INPUT', async () => {
    const history = await gql(
      t.url,
      '{ candles(symbol: "BTC-USDT", interval: H1, from: "2024-01-01T00:00:00Z") { open } }',
    );
    expect(codes(history)).toEqual(['UNAVAILABLE']);
    const reversed = await gql(
      t.url,
      '{ candles(symbol: "BTC-USDT", interval: H1, from: "2024-01-02T00:00:00Z", to: "2024-01-01T00:00:00Z") { open } }',
    );
    expect(codes(reversed)).toEqual(['BAD_USER_INPUT']);
  });

  it('feeSchedule - seven tiers and the QTRA caps', async () => {
    const r = await gql(
      t.url,
      '{ feeSchedule { tiers { name minVolumeUsd makerBps takerBps } qtraTiers { makerBps takerBps } qtraHolderThreshold } }',
    );
    const schedule = r.data!.feeSchedule as {
      tiers: unknown[];
      qtraTiers: { makerBps: number }[];
      qtraHolderThreshold: string;
    };
    expect(schedule.tiers).toHaveLength(7);
    expect(schedule.tiers[0]).toEqual({ name: 'Base', minVolumeUsd: '0', makerBps: 15, takerBps: 25 });
    expect(schedule.tiers[6]).toEqual({ name: 'VIP', minVolumeUsd: '100000000', makerBps: -2, takerBps: 10 });
    expect(schedule.qtraTiers[0]).toEqual({ makerBps: 3, takerBps: 6 });
    expect(schedule.qtraHolderThreshold).toBe('10000');
  });

  it('unknown market and out-of-range depth - coded errors', async () => {
    expect(codes(await gql(t.url, '{ ticker(symbol: "NOPE-USDT") { last } }'))).toEqual(['UNKNOWN_MARKET']);
    expect(codes(await gql(t.url, '{ orderBook(symbol: "BTC-USDT", depth: 100000) { seq } }'))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
