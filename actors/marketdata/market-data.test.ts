import { afterEach, describe, expect, it } from 'vitest';
import { startExchange } from '../account/testing/exchange.ts';
import type { TestExchange } from '../account/testing/exchange.ts';
import type { CommandEvents, Depth } from '../market/index.ts';
import { createPgliteDriver, migrate } from '../store/index.ts';
import type { SqlDriver } from '../store/index.ts';
import { InProcessBus } from '../transport/index.ts';
import { L2Client } from './l2-client.ts';
import { MarketData, subjects } from './market-data.ts';
import { MarketDataRecorder } from './recorder.ts';
import type { BookDelta, Candle, Ticker, Trade } from './types.ts';

const SYMBOL = 'ETH-USDT';
let exchange: TestExchange;
let driver: SqlDriver;
let bus: InProcessBus;
let recorder: MarketDataRecorder;
let md: MarketData;

async function start(): Promise<void> {
  driver = await createPgliteDriver();
  await migrate(driver);
  bus = new InProcessBus();
  recorder = new MarketDataRecorder(driver);
  const ready: { md?: MarketData } = {};
  exchange = await startExchange({ onSettled: (market, commands) => void ready.md?.fold(commands) });
  md = await MarketData.start(SYMBOL, exchange.ask, { bus, recorder });
  ready.md = md;
  await exchange.deposit(1, 'ETH', '100');
  await exchange.deposit(2, 'USDT', '1000000');
}

afterEach(async () => {
  await exchange.stop();
  await recorder.close();
  await bus.close();
  await driver.close();
});

async function trade(i: number, side: 'BUY' | 'SELL', price: string, size: string, account: number) {
  const result = await exchange.path.placeOrder(account, {
    clientOrderId: `md-${i}`,
    market: SYMBOL,
    side,
    type: side === 'SELL' ? 'LIMIT' : 'IOC',
    price,
    size,
  });
  if (!result.ok) throw new Error(result.code);
}

/** Waits for folds and bus deliveries queued so far. */
async function settle(): Promise<void> {
  await exchange.path.settledAll();
  await md.fold([]);
  await bus.flush();
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('market data', () => {
  it('md - folds settled commands into book, trades, candles and ticker, publishes each, records them', async () => {
    await start();
    const deltas: BookDelta[] = [];
    const trades: Trade[] = [];
    const candles: Candle[] = [];
    const tickers: Ticker[] = [];
    bus.subscribe(subjects.orderbook(SYMBOL), (m) => void deltas.push(m.value as BookDelta));
    bus.subscribe(subjects.trade(SYMBOL), (m) => void trades.push(m.value as Trade));
    bus.subscribe(`marketdata.candle.*.${SYMBOL}`, (m) => void candles.push(m.value as Candle));
    bus.subscribe(subjects.ticker(SYMBOL), (m) => void tickers.push(m.value as Ticker));
    const client = new L2Client(md.snapshot());

    await trade(1, 'SELL', '3200', '1', 1);
    await trade(2, 'SELL', '3201', '1', 1);
    await trade(3, 'BUY', '3201', '1.5', 2);
    await trade(4, 'SELL', '3199.5', '0.25', 1);
    await settle();

    for (const delta of deltas) expect(client.apply(delta)).toBe('applied');
    const depth = (await exchange.ask(`market/${SYMBOL}`, 'depth', { levels: 100 })) as Depth;
    expect(client.snapshot().asks).toEqual(depth.asks.map(([p, s]) => [p, s]));
    expect(md.snapshot().asks).toEqual([
      [319_950, 2_500],
      [320_100, 5_000],
    ]);
    expect(trades.map((t) => [t.price, t.size, t.takerSide])).toEqual([
      [320_000, 10_000, 'BUY'],
      [320_100, 5_000, 'BUY'],
    ]);
    expect(md.recentTrades().map((t) => t.seq)).toEqual(trades.map((t) => t.seq).reverse());
    expect(new Set(candles.map((c) => c.interval)).size).toBe(7);
    expect(md.recentCandles('1m').at(-1)).toMatchObject({
      open: 320_000,
      close: 320_100,
      volume: 15_000,
      trades: 2,
    });
    expect(tickers.at(-1)).toMatchObject({
      last: 320_100,
      high: 320_100,
      low: 320_000,
      volume: 15_000,
      bestAsk: 320_100,
    });

    await recorder.flush();
    const recorded = await recorder.trades(SYMBOL, { limit: 10 });
    expect(recorded.map((t) => t.seq)).toEqual(md.recentTrades().map((t) => t.seq));
    const now = Date.now();
    const stored = await recorder.candles(SYMBOL, '1m', {
      from: now - 3_600_000,
      to: now + 60_000,
      limit: 10,
    });
    expect(stored.at(-1)).toMatchObject({ open: 320_000, close: 320_100, volume: 15_000 });
  });

  it('md - a gap in what it is fed makes it resync from the book, and it ends equal to the book', async () => {
    await start();
    await trade(1, 'SELL', '3200', '1', 1);
    await settle();
    // Commands it never saw: the market ran them, but they reach market data late and out of order.
    const missed: CommandEvents[] = [];
    const place = (orderId: number, price: number) =>
      exchange.ask(`market/${SYMBOL}`, 'place', {
        orderId,
        account: 77,
        side: 'SELL',
        orderType: 'LIMIT',
        price,
        size: 1_000,
      }) as Promise<CommandEvents>;
    missed.push(await place(9_000_001, 321_000));
    missed.push(await place(9_000_002, 322_000));
    await md.fold([missed[1]!]);
    expect(md.resyncs).toBe(1);
    const depth = (await exchange.ask(`market/${SYMBOL}`, 'depth', { levels: 100 })) as Depth;
    expect(md.snapshot().asks).toEqual(depth.asks.map(([p, s]) => [p, s]));
    await md.fold(missed);
    expect(md.resyncs).toBe(1);
  });
});
