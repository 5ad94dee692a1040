import type { MarketSpec } from '../market/index.ts';
import { binanceFormat } from './import-binance.ts';
import { bybitFormat } from './import-bybit.ts';
import { csvSource } from './import-csv.ts';
import { ImportRejectedError, type ImportRowError } from './import-errors.ts';
import {
  isProblem,
  type RowProblem,
  type RowSource,
  type SourceRow,
  type TradeFormat,
} from './import-row.ts';
import { parquetSource } from './parquet.ts';
import type { MarketDataRecorder } from './recorder.ts';
import { INTERVALS, type Trade } from './types.ts';

export const IMPORT_FORMATS = { binance: binanceFormat, bybit: bybitFormat } as const;
export type ImportFormat = keyof typeof IMPORT_FORMATS;

export interface ImportOptions {
  /** The market the trades belong to: prices and sizes are converted with its tick and lot. */
  readonly market: MarketSpec;
  readonly format: ImportFormat;
  /** Default: `parquet` for a `.parquet` file, else `csv` (`.gz` is gunzipped). */
  readonly container?: 'csv' | 'parquet';
  /**
   * `reject` (default): any bad row fails the import before anything is written (the file is read
   * twice: checked, then recorded). `skip`: bad rows are reported and left out.
   */
  readonly onError?: 'skip' | 'reject';
  /** Bad rows listed in the report or error; all are counted. Default 100. */
  readonly maxReportedErrors?: number;
  /** Recompute the candles of every interval over the imported time range (in SQL). Default true. */
  readonly rebuildCandles?: boolean;
}

export interface ImportReport {
  /** Data rows read (blank lines and the header not counted). */
  readonly rows: number;
  /** Trades recorded; those already stored (same seq) were left as they were. */
  readonly imported: number;
  /** Bad rows left out (`skip`); 0 with `reject`. */
  readonly skipped: number;
  /** The first `maxReportedErrors` bad rows. */
  readonly errors: readonly ImportRowError[];
  /** Time range of the recorded trades, epoch ms, null when none. */
  readonly from: number | null;
  readonly to: number | null;
  /** Candle rows rebuilt over that range, all intervals. */
  readonly candles: number;
}

/** The rows of `path` in the given layout, as CSV or Parquet. */
export function openSource(path: string, format: TradeFormat, container?: 'csv' | 'parquet'): RowSource {
  const kind = container ?? (path.toLowerCase().endsWith('.parquet') ? 'parquet' : 'csv');
  return kind === 'parquet' ? parquetSource(path, format) : csvSource(path, format);
}

/**
 * Imports a historical trade dump into the recorder: Binance spot trades or Bybit public trades, as
 * CSV or Parquet, streamed and recorded in the recorder's batches. Imported trades get negative
 * seqs derived from the source (import-seq.ts), so importing a file again changes nothing and
 * history never collides with live trades. Bad rows are reported with their line (CSV) or row
 * index (Parquet). Afterwards the candles of the covered range are rebuilt from all stored trades.
 *
 * @throws ImportRejectedError with `onError: 'reject'` when a row is bad; nothing was written.
 * @throws ImportFileError when the file cannot be read as the format (missing columns, not Parquet).
 * @throws the recorder's errors when a write fails: what was flushed stays (re-importing is safe).
 */
export async function importTrades(
  recorder: MarketDataRecorder,
  path: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const format = IMPORT_FORMATS[options.format];
  const source = openSource(path, format, options.container);
  const maxReported = options.maxReportedErrors ?? 100;
  if ((options.onError ?? 'reject') === 'reject') {
    const check = await readTrades(source, format, options.market, maxReported, () => undefined);
    if (check.errorCount > 0) throw new ImportRejectedError(check.errors, check.errorCount);
  }
  const result = await readTrades(
    source,
    format,
    options.market,
    maxReported,
    (trade) => recorder.recordTrade(trade),
    () => recorder.drain(),
  );
  await recorder.flush();
  let candles = 0;
  if (options.rebuildCandles !== false && result.from !== null && result.to !== null) {
    for (const interval of INTERVALS) {
      candles += (await recorder.rebuildCandles(options.market.symbol, interval, result.from, result.to + 1))
        .upserted;
    }
  }
  return {
    rows: result.rows,
    imported: result.imported,
    skipped: result.errorCount,
    errors: result.errors,
    from: result.from,
    to: result.to,
    candles,
  };
}

interface Pass {
  rows: number;
  imported: number;
  errorCount: number;
  errors: ImportRowError[];
  from: number | null;
  to: number | null;
}

/** One pass over the file: each good trade goes to `accept`, bad rows are collected. */
async function readTrades(
  source: RowSource,
  format: TradeFormat,
  market: MarketSpec,
  maxReported: number,
  accept: (trade: Trade) => void,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<Pass> {
  const parse = format.parser(market);
  const pass: Pass = { rows: 0, imported: 0, errorCount: 0, errors: [], from: null, to: null };
  const report = (row: SourceRow, why: RowProblem): void => {
    pass.errorCount++;
    if (pass.errors.length < maxReported) {
      pass.errors.push({ [source.unit]: row.position, code: why.code, message: why.message });
    }
  };
  for await (const row of source.rows()) {
    pass.rows++;
    if (!row.values) {
      report(row, row.problem!);
      continue;
    }
    const trade = parse(row.values);
    if (isProblem(trade)) {
      report(row, trade);
      continue;
    }
    accept(trade);
    pass.imported++;
    pass.from = pass.from === null ? trade.time : Math.min(pass.from, trade.time);
    pass.to = pass.to === null ? trade.time : Math.max(pass.to, trade.time);
    if (pass.imported % 1_000 === 0) await pause();
  }
  return pass;
}
