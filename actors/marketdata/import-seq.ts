/**
 * Sequence numbers of imported trades. `md_trades` is keyed by (symbol, seq), and live trades use
 * the market's Fill seq, which is positive. Imported history gets negative seqs, in two disjoint
 * ranges, so it never collides with live trades nor one source with the other; each is derived
 * from the source row alone, so importing the same file again (or an overlapping one) writes
 * nothing new. Within a source, seqs increase in the source's trade order, which candle rebuilds
 * use to find the open and close of a bucket when trades share a millisecond.
 *
 * - Binance: `seq = -(2^53 − 1) + trade_id`, for trade ids 0 … 2^52 − 1 (Binance's ids are
 *   per-symbol and increasing), so seq ∈ [−(2^53 − 1), −2^52].
 * - Bybit: the dumps' trade ids (`trdMatchID`) are UUIDs, too wide for a bigint without collisions,
 *   so the seq comes from the trade's time and its place among the trades of the same millisecond
 *   in the file: `seq = −2^52 + 1 + time_ms × 1024 + k`, k < 1024 (a busier millisecond is
 *   refused as a row error), so seq ∈ [−2^52 + 1, −1] for times before the year 2109.
 */

const SPAN = 2 ** 52;
const BINANCE_BASE = Number.MIN_SAFE_INTEGER;
const BYBIT_BASE = -SPAN + 1;
/** Trades of one millisecond a Bybit import can number. */
export const BYBIT_TRADES_PER_MS = 1_024;

export type TradeSource = 'live' | 'binance' | 'bybit';

/** Seq of a Binance trade id, or undefined when the id is out of range. */
export function binanceSeq(tradeId: number): number | undefined {
  if (!Number.isSafeInteger(tradeId) || tradeId < 0 || tradeId >= SPAN) return undefined;
  return BINANCE_BASE + tradeId;
}

/** Seq of the `k`-th Bybit trade (from 0) of millisecond `timeMs`, or undefined when out of range. */
export function bybitSeq(timeMs: number, k: number): number | undefined {
  if (!Number.isSafeInteger(timeMs) || timeMs < 0 || k < 0 || k >= BYBIT_TRADES_PER_MS) return undefined;
  const offset = timeMs * BYBIT_TRADES_PER_MS + k;
  return offset < SPAN - 1 ? BYBIT_BASE + offset : undefined;
}

/** Where a stored trade came from, by its seq. */
export function tradeSource(seq: number): TradeSource {
  if (seq > 0) return 'live';
  return seq <= -SPAN ? 'binance' : 'bybit';
}

/** The Binance trade id of a seq from `binanceSeq`. */
export function binanceTradeId(seq: number): number {
  return seq - BINANCE_BASE;
}
