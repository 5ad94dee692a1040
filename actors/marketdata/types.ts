import type { Side } from '../market/index.ts';

/**
 * Market data's language. Prices are the market's integer ticks and sizes its integer lots (as in
 * the book); quote amounts (price × size) are tick-lots as bigint, since a week of volume passes
 * 2^53. Times are UTC epoch milliseconds, stamped by the MarketActor when it ran the command.
 */

export const INTERVALS = ['1m', '5m', '15m', '1h', '4h', '1d', '1w'] as const;
export type Interval = (typeof INTERVALS)[number];

/** One trade (a book `Fill`), as the tape, the recorder and the candles see it. */
export interface Trade {
  readonly symbol: string;
  /** The Fill event's market sequence number: unique and increasing per market. */
  readonly seq: number;
  readonly time: number;
  readonly price: number;
  readonly size: number;
  /** The taker's side: BUY when the trade lifted an offer. */
  readonly takerSide: Side;
}

export interface Candle {
  readonly symbol: string;
  readonly interval: Interval;
  /** Start of the UTC-aligned bucket (weeks start Monday 00:00 UTC). */
  readonly openTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Lots traded. */
  readonly volume: number;
  /** Tick-lots traded (Σ price × size). */
  readonly quoteVolume: bigint;
  readonly trades: number;
}

/** 24-hour rolling statistics of one market. */
export interface Ticker {
  readonly symbol: string;
  readonly time: number;
  /** Last trade price, null before the first trade. */
  readonly last: number | null;
  /** Price of the first trade of the window (null when the window has none). */
  readonly open: number | null;
  /** last − open, in ticks (0 when either is missing). */
  readonly change: number;
  /** change / open in basis points, rounded toward zero. */
  readonly changeBps: number;
  readonly high: number | null;
  readonly low: number | null;
  readonly volume: number;
  readonly quoteVolume: bigint;
  readonly trades: number;
  readonly bestBid: number | null;
  readonly bestAsk: number | null;
}

/** One aggregated price level: price and total open lots. */
export type PriceLevel = readonly [price: number, size: number];

export interface BookSnapshotL2 {
  readonly symbol: string;
  /** The market sequence number the snapshot is exact at. */
  readonly seq: number;
  /** Best first. */
  readonly bids: readonly PriceLevel[];
  readonly asks: readonly PriceLevel[];
}

/** Level changes of one market command. `size` 0 removes the level. */
export interface BookDelta {
  readonly symbol: string;
  /** Sequence of the last event the delta covers; the next delta's `prevSeq` equals it. */
  readonly seq: number;
  /** Sequence the book was at before this delta: a client whose book is not at `prevSeq` missed something. */
  readonly prevSeq: number;
  readonly changes: readonly { readonly side: Side; readonly price: number; readonly size: number }[];
}
