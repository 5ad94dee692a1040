import { measureFold } from './marketdata-fold.ts';
import { measureRecording } from './marketdata-record.ts';

/**
 * Market data: folding trades in memory into all seven candle intervals, the L2 view, the ticker
 * and the tape (`marketdata-fold.ts`), and recording trades and candles to local PostgreSQL
 * (`marketdata-record.ts`). No peer library folds our events, so there is no ratio.
 */
export async function run(): Promise<Record<string, unknown>> {
  const fold = await measureFold();
  console.error(`marketdata: fold ${Math.round(fold.trades_per_s)} trades/s`);
  const record = await measureRecording();
  console.error(`marketdata: record ${Math.round(record.record_rows_per_s_pg)} rows/s`);
  return {
    name: 'marketdata',
    trades_per_s: Math.round(fold.trades_per_s),
    record_rows_per_s_pg: Math.round(record.record_rows_per_s_pg),
  };
}
