import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { createPgDriver, createPgliteDriver, migrate } from '../store/index.ts';
import type { SqlDriver } from '../store/index.ts';
import { candlesFromTrades } from './candles.ts';
import { MarketDataRecorder, RecorderOverflowError } from './recorder.ts';
import { referenceCandles, sampleTrades } from './recorder.testing.ts';
import { INTERVALS } from './types.ts';
import type { Candle, Trade } from './types.ts';

const withPostgres = await requirePostgres();

/** 2024-01-06 23:00 UTC, a Saturday: sample streams cross a Monday 00:00 week boundary. */
const SATURDAY = Date.UTC(2024, 0, 6, 23);

function trade(symbol: string, seq: number, time: number, price = 100, size = 1): Trade {
  return { symbol, seq, time, price, size, takerSide: seq % 2 === 0 ? 'BUY' : 'SELL' };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function recorderContract(
  name: string,
  open: () => Promise<{ driver: SqlDriver; cleanup: () => Promise<void> }>,
) {
  describe(name, () => {
    let driver: SqlDriver;
    let cleanup: () => Promise<void>;
    let symbols = 0;
    /** A symbol no other test uses, so the tests share one database. */
    const fresh = (): string => `T${++symbols}-USDT`;

    beforeAll(async () => {
      ({ driver, cleanup } = await open());
      await migrate(driver);
    });
    afterAll(async () => cleanup());

    test('recorder - rows wait for a full batch or the timer, and flush() writes the rest', async () => {
      const symbol = fresh();
      const bySize = new MarketDataRecorder(driver, { batchSize: 3, flushIntervalMs: 60_000 });
      bySize.recordTrade(trade(symbol, 1, SATURDAY));
      bySize.recordTrade(trade(symbol, 2, SATURDAY));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await bySize.trades(symbol, { limit: 10 })).toHaveLength(0);
      bySize.recordTrade(trade(symbol, 3, SATURDAY));
      await waitFor(async () => (await bySize.trades(symbol, { limit: 10 })).length === 3);
      expect(bySize.stats).toEqual({ rowsWritten: 3, batches: 1 });

      const byTime = new MarketDataRecorder(driver, { batchSize: 1_000, flushIntervalMs: 20 });
      byTime.recordTrade(trade(symbol, 4, SATURDAY));
      await waitFor(async () => (await byTime.trades(symbol, { limit: 10 })).length === 4);

      bySize.recordTrade(trade(symbol, 5, SATURDAY));
      await bySize.flush();
      expect(bySize.buffered).toBe(0);
      expect(await bySize.trades(symbol, { limit: 10 })).toHaveLength(5);
      await bySize.close();
      await byTime.close();
    });

    test('recorder - a batch is one statement per table (with tradeStatements: 1)', async () => {
      const symbol = fresh();
      const spy = { ...driver, query: vi.fn(driver.query.bind(driver)) } as SqlDriver;
      const recorder = new MarketDataRecorder(spy, { batchSize: 10_000, tradeStatements: 1 });
      for (let i = 1; i <= 2_000; i++) recorder.recordTrade(trade(symbol, i, SATURDAY + i));
      for (const c of referenceCandles(sampleTrades(symbol, 100, SATURDAY, 1_000), '1m'))
        recorder.recordCandle(c);
      recorder.recordBookSnapshot({ symbol, seq: 1, bids: [[99, 1]], asks: [[101, 2]] }, SATURDAY);
      await recorder.flush();
      expect(spy.query).toHaveBeenCalledTimes(3);
      expect(recorder.stats.batches).toBe(1);
    });

    test('recorder - recording a trade again (same symbol and seq) changes nothing', async () => {
      const symbol = fresh();
      const recorder = new MarketDataRecorder(driver);
      recorder.recordTrade(trade(symbol, 1, SATURDAY, 100));
      recorder.recordTrade(trade(symbol, 1, SATURDAY, 100));
      await recorder.flush();
      recorder.recordTrade(trade(symbol, 1, SATURDAY + 5, 999));
      recorder.recordTrade(trade(symbol, 2, SATURDAY + 5, 101));
      await recorder.flush();
      expect(await recorder.trades(symbol, { limit: 10 })).toEqual([
        trade(symbol, 2, SATURDAY + 5, 101),
        trade(symbol, 1, SATURDAY, 100),
      ]);
    });

    test('recorder - a candle row is upserted with its latest values', async () => {
      const symbol = fresh();
      const recorder = new MarketDataRecorder(driver);
      const base: Candle = {
        symbol,
        interval: '1m',
        openTime: SATURDAY,
        open: 100,
        high: 100,
        low: 100,
        close: 100,
        volume: 1,
        quoteVolume: 100n,
        trades: 1,
      };
      recorder.recordCandle(base);
      await recorder.flush();
      const second = { ...base, high: 105, close: 105, volume: 2, quoteVolume: 205n, trades: 2 };
      // Two updates of one bucket in one batch: the later one is written.
      recorder.recordCandle(second);
      const huge = { ...second, low: 90, close: 90, volume: 3, quoteVolume: 2n ** 80n, trades: 3 };
      recorder.recordCandle(huge);
      recorder.recordCandle({ ...base, interval: '5m' });
      await recorder.flush();
      expect(await recorder.candles(symbol, '1m', { limit: 10 })).toEqual([huge]);
      expect(await recorder.candles(symbol, '5m', { limit: 10 })).toEqual([{ ...base, interval: '5m' }]);
    });

    test('recorder - queries honour [from, to), limit and their order', async () => {
      const symbol = fresh();
      const recorder = new MarketDataRecorder(driver);
      const trades = Array.from({ length: 10 }, (_, i) => trade(symbol, i + 1, SATURDAY + i * 1_000));
      trades.forEach((t) => recorder.recordTrade(t));
      const candles = referenceCandles(sampleTrades(symbol, 300, SATURDAY, 30_000), '1m');
      candles.forEach((c) => recorder.recordCandle(c));
      for (let i = 0; i < 5; i++) {
        recorder.recordBookSnapshot(
          { symbol, seq: i, bids: [[100 - i, 3]], asks: i === 4 ? [] : [[101 + i, 2]] },
          SATURDAY + i * 1_000,
        );
      }
      recorder.recordTrade(trade(`${symbol}X`, 1, SATURDAY + 2_000));
      await recorder.flush();

      const newest = await recorder.trades(symbol, {
        from: SATURDAY + 2_000,
        to: SATURDAY + 8_000,
        limit: 4,
      });
      expect(newest.map((t) => t.seq)).toEqual([8, 7, 6, 5]);
      expect(await recorder.trades(symbol, { from: SATURDAY + 9_000, limit: 5 })).toEqual([trades[9]]);
      expect(await recorder.trades(symbol, { to: SATURDAY + 1_000, limit: 5 })).toEqual([trades[0]]);

      const from = candles[2]!.openTime;
      const to = candles[7]!.openTime;
      expect(await recorder.candles(symbol, '1m', { from, to, limit: 100 })).toEqual(candles.slice(2, 7));
      expect(await recorder.candles(symbol, '1m', { from, limit: 3 })).toEqual(candles.slice(2, 5));

      const snapshots = await recorder.bookSnapshots(symbol, { from: SATURDAY + 1_000, limit: 10 });
      expect(snapshots.map((s) => s.seq)).toEqual([4, 3, 2, 1]);
      expect(snapshots[0]).toEqual({
        symbol,
        seq: 4,
        time: SATURDAY + 4_000,
        bids: [[96, 3]],
        asks: [],
        spreadBps: null,
      });
      // (102 − 99) / 100.5 = 298.5 bps, rounded.
      expect(snapshots[3]).toMatchObject({ seq: 1, bids: [[99, 3]], asks: [[102, 2]], spreadBps: 299 });
      expect(await recorder.bookSnapshots(symbol, { limit: 2 })).toHaveLength(2);
      await expect(recorder.trades(symbol, { limit: 0 })).rejects.toThrow(RangeError);
    });

    test('recorder - candles rebuilt in SQL from stored trades equal the live ones, for every interval', async () => {
      const symbol = fresh();
      const recorder = new MarketDataRecorder(driver, { batchSize: 500 });
      // ~3 days around a Monday, with several trades in the same millisecond now and then.
      const trades = sampleTrades(symbol, 3_000, SATURDAY - 36 * 3_600_000, 90_000, 7);
      for (const t of trades) recorder.recordTrade(t);
      for (const interval of INTERVALS) {
        for (const c of referenceCandles(trades, interval)) recorder.recordCandle(c);
      }
      await recorder.flush();
      const first = trades[0]!.time;
      const last = trades.at(-1)!.time;
      for (const interval of INTERVALS) {
        const expected = referenceCandles(trades, interval);
        // The live candle builder agrees with the naive reference on the same trades.
        expect(candlesFromTrades(trades, interval)).toEqual(expected);
        // Spoil the stored candles: one wrong, one that should not exist.
        recorder.recordCandle({ ...expected[0]!, close: 1, trades: 99 });
        recorder.recordCandle({ ...expected[0]!, openTime: expected.at(-1)!.openTime + 7 * 86_400_000 * 4 });
        await recorder.flush();
        const result = await recorder.rebuildCandles(symbol, interval, first, last + 7 * 86_400_000 * 5);
        expect(result).toEqual({ upserted: expected.length, removed: 1 });
        expect(await recorder.candles(symbol, interval, { limit: 10_000 })).toEqual(expected);
      }
      // Monday 00:00 UTC starts a week.
      const weeks = await recorder.candles(symbol, '1w', { limit: 10 });
      expect(weeks.map((w) => new Date(w.openTime).toISOString())).toEqual([
        '2024-01-01T00:00:00.000Z',
        '2024-01-08T00:00:00.000Z',
      ]);
    });

    test('recorder - a partial range is widened to whole buckets', async () => {
      const symbol = fresh();
      const recorder = new MarketDataRecorder(driver);
      const trades = sampleTrades(symbol, 200, SATURDAY, 3_000, 3);
      trades.forEach((t) => recorder.recordTrade(t));
      await recorder.flush();
      await recorder.rebuildCandles(symbol, '5m', SATURDAY + 61_000, SATURDAY + 62_000);
      expect(await recorder.candles(symbol, '5m', { limit: 10 })).toEqual(
        referenceCandles(trades, '5m').slice(0, 1),
      );
    });

    test('recorder - a failed flush keeps its rows and the next flush writes them', async () => {
      const symbol = fresh();
      let failures = 1;
      const flaky: SqlDriver = {
        ...driver,
        query: <R>(sql: string, params?: readonly unknown[]): Promise<R[]> =>
          failures-- > 0 ? Promise.reject(new Error('connection lost')) : driver.query<R>(sql, params),
      };
      const errors: unknown[] = [];
      const recorder = new MarketDataRecorder(flaky, {
        batchSize: 2,
        flushIntervalMs: 60_000,
        maxBuffered: 4,
        onError: (e) => errors.push(e),
      });
      recorder.recordTrade(trade(symbol, 1, SATURDAY));
      recorder.recordTrade(trade(symbol, 2, SATURDAY));
      await waitFor(async () => errors.length === 1);
      expect(recorder.buffered).toBe(2);
      recorder.recordTrade(trade(symbol, 3, SATURDAY));
      await recorder.flush();
      expect((await recorder.trades(symbol, { limit: 10 })).map((t) => t.seq)).toEqual([3, 2, 1]);

      failures = 100;
      for (let i = 4; i <= 7; i++) recorder.recordTrade(trade(symbol, i, SATURDAY));
      await expect(recorder.flush()).rejects.toThrow('connection lost');
      expect(() => recorder.recordTrade(trade(symbol, 8, SATURDAY))).toThrow(RecorderOverflowError);
      failures = 0;
      await recorder.flush();
      expect(await recorder.trades(symbol, { limit: 10 })).toHaveLength(7);
    });
  });
}

recorderContract('MarketDataRecorder on PGlite', async () => {
  const driver = await createPgliteDriver();
  return { driver, cleanup: () => driver.close() };
});

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  recorderContract('MarketDataRecorder on PostgreSQL in a random schema', async () => {
    const driver = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('marketdata') });
    return { driver, cleanup: () => driver.dropSchema().finally(() => driver.close()) };
  });
});
