/** Market data's public surface: candles, the 24h ticker, the trade tape and the L2 book stream. */
export { CandleFolder, candlesFromTrades, fillGaps } from './candles.ts';
export { MarketDataError, MarketDataErrorCode } from './errors.ts';
export { bucketStart, INTERVAL_MS } from './intervals.ts';
export { L2Book } from './l2-book.ts';
export { L2Client } from './l2-client.ts';
export { TradeTape } from './tape.ts';
export { TickerFolder } from './ticker.ts';
export { INTERVALS } from './types.ts';

export type { CandleFolderOptions } from './candles.ts';
export type { L2Start } from './l2-book.ts';
export type { DeltaOutcome } from './l2-client.ts';
export type { BookDelta, BookSnapshotL2, Candle, Interval, PriceLevel, Ticker, Trade } from './types.ts';
export { MarketData, subjects } from './market-data.ts';
export type { MarketDataOptions } from './market-data.ts';
export { MarketDataRecorder, MAX_QUERY_LIMIT, RecorderOverflowError, spreadBps } from './recorder.ts';
export type { RangeQuery, RecordedBookSnapshot, RecorderOptions, RecorderStats } from './recorder.ts';
export { IMPORT_FORMATS, importTrades } from './import.ts';
export type { ImportFormat, ImportOptions, ImportReport } from './import.ts';
export { ImportFileError, ImportRejectedError, ImportRowCode } from './import-errors.ts';
export type { ImportRowError } from './import-errors.ts';
export { binanceSeq, binanceTradeId, bybitSeq, tradeSource } from './import-seq.ts';
export type { TradeSource } from './import-seq.ts';
