import { CandleFolder } from '../actors/marketdata/candles.ts';
import { MarketDataRecorder } from '../actors/marketdata/recorder.ts';
import { sampleTrades } from '../actors/marketdata/recorder.testing.ts';
import { INTERVALS, type Candle, type Trade } from '../actors/marketdata/types.ts';
import { createPgDriver, migrate } from '../actors/store/index.ts';

/**
 * Recording throughput into local PostgreSQL: 200,000 trades, each also updating its candle of
 * every interval (as the live candle builder does), through `MarketDataRecorder` with its default
 * batching. Candle updates of one bucket coalesce in the buffer, so a batch writes each touched
 * candle once; rows/s counts every row written (trades + candle rows) over the wall time from the
 * first record to the final flush. Runs in a throwaway schema, dropped afterwards.
 */

const TRADES = 200_000;

export async function measureRecording(): Promise<{
  record_rows_per_s_pg: number;
  trades: number;
  candle_rows: number;
  batches: number;
  seconds: number;
}> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_md_${Date.now().toString(36)}`;
  const driver = await createPgDriver({ url, schema });
  try {
    await migrate(driver);
    // One trade every ~5 ms on average, so the candles of all intervals open and close as they would.
    const trades = sampleTrades('BTC-USDT', TRADES, Date.UTC(2024, 0, 1), 5);
    // The live candle builder's updates are computed up front: this measures recording, not building.
    const updates = candleUpdates(trades);
    const recorder = new MarketDataRecorder(driver);
    const t0 = performance.now();
    for (let i = 0; i < trades.length; i++) {
      recorder.recordTrade(trades[i]!);
      for (const candle of updates[i]!) recorder.recordCandle(candle);
      if (recorder.buffered >= 10_000) await recorder.drain();
    }
    await recorder.flush();
    const seconds = (performance.now() - t0) / 1_000;
    const { rowsWritten, batches } = recorder.stats;
    return {
      record_rows_per_s_pg: Math.round(rowsWritten / seconds),
      trades: TRADES,
      candle_rows: rowsWritten - TRADES,
      batches,
      seconds: Math.round(seconds * 1_000) / 1_000,
    };
  } finally {
    await driver.dropSchema().finally(() => driver.close());
  }
}

/** Each trade's candle of every interval after the trade, from the live candle builder. */
function candleUpdates(trades: readonly Trade[]): Candle[][] {
  const folder = new CandleFolder('BTC-USDT', { history: 1 });
  return trades.map((trade) => {
    folder.add(trade);
    return INTERVALS.map((interval) => folder.current(interval)!);
  });
}
