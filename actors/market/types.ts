/**
 * The matching engine's language: commands in, events out. The book (`book.ts`) is pure and
 * deterministic: no I/O, no clock, no randomness; the same command stream always produces the
 * same events and the same state hash.
 *
 * Units. Prices are integer **ticks** (a price of 101 means 101 × tickSize), sizes integer
 * **lots**, both positive safe integers. A notional (price × size) is in tick-lots. Budgets and
 * quote amounts (FOK_BUDGET, MARKET buy by quote) are notionals in tick-lots. Converting decimal
 * amounts to ticks/lots (and rejecting amounts that are not exact multiples) is the market
 * layer's job (`market-spec.ts`), not the book's.
 *
 * ## Semantics (the conformance table and the reference book test exactly this)
 *
 * Priority: price, then time (the order of acceptance; an amend that loses priority goes to the
 * back of its new level).
 *
 * Every event carries the book's `seq`, increasing by exactly 1 per event across the whole
 * market, starting at 1. Events of one command are contiguous.
 *
 * **Validation** (in this order; the first failure is a single `Rejected` event and nothing
 * changes): market status; order id (positive safe integer, not in use: `DUPLICATE_ORDER_ID`;
 * ids stay "in use" for as long as the order rests or waits as a stop); fields required by the
 * order type present and valid (`INVALID_PRICE`, `INVALID_SIZE`, `INVALID_QUOTE`,
 * `INVALID_STOP_PRICE`, and `INVALID_ORDER` for fields the type does not take, e.g. postOnly
 * on IOC); size limits (`SIZE_TOO_SMALL`, `SIZE_TOO_LARGE`); min notional
 * (`NOTIONAL_TOO_SMALL`, for orders with a limit price: price × size; MARKET by quote and
 * FOK_BUDGET: the quote/budget; MARKET by size and STOP_MARKET: not checked); price band
 * (`PRICE_BAND`: a limit price must satisfy |price − ref| × 10,000 <= ref × priceBandBps, where
 * ref = last trade price, else `referencePrice` from the config, else no check; the stop price
 * of stop orders is not banded, their limit price is checked when they trigger and a triggered
 * STOP_LIMIT outside the band is then `Rejected` with `PRICE_BAND`).
 *
 * **Order types** (`side` BUY or SELL):
 * - `LIMIT`: good till cancelled. Matches what it crosses, rests the rest. With `postOnly` it
 *   must not match anything: if it would cross the opposite best price it is `Rejected`
 *   (`POST_ONLY_WOULD_TAKE`) and nothing changes (LIMIT_MAKER).
 * - `IOC`: matches up to its limit price; the unfilled rest is `Expired` (reason `IOC`).
 * - `FOK`: fills its whole size at once within its limit price, or is `Rejected`
 *   (`FOK_UNFILLABLE`) with no fill and no other change. Feasibility is decided by a dry run of
 *   the same matching, self-trade prevention included.
 * - `FOK_BUDGET`: `size` lots and a `quote` budget (no price). A BUY fills all `size` lots only
 *   if their total cost <= quote; a SELL only if total proceeds >= quote; walking the book from
 *   the best price. Otherwise `Rejected` (`FOK_UNFILLABLE`), nothing changes.
 * - `MARKET`: either `size` lots, or (BUY only) `quote`: buy as many whole lots as the quote
 *   pays for, level by level from the best ask (at each level the lots taken = min(level lots,
 *   floor(remaining quote / price))); stops at the first level where not even one lot is
 *   affordable. Any rest is `Expired` (reason `NO_LIQUIDITY`); when nothing at all filled the
 *   only events are `Accepted` then `Expired`.
 * - `STOP_LIMIT` (`stopPrice`, `price`, `size`) and `STOP_MARKET` (`stopPrice`, `size`): wait,
 *   not in the book, until the last trade price reaches the stop: BUY when last >= stopPrice,
 *   SELL when last <= stopPrice. Placing one whose condition already holds (a last price exists
 *   and satisfies it) is `Rejected` (`STOP_WOULD_TRIGGER`). When triggered it becomes a
 *   `LIMIT` (GTC, not post-only) or a `MARKET` (by size) order with the same id, account and
 *   STP settings: `Triggered`, then its matching events (no second `Accepted`).
 *
 * **Events of a placed order**: `Accepted` first (except for validation and FOK rejections,
 * which emit only `Rejected`), then `Fill`s in matching order, then at most one of: nothing
 * (LIMIT rests; the rest is implied by `Accepted.size` minus fills), `Expired`, `Cancelled`
 * (STP).
 *
 * **Stops after a command**: once a command's own events are done, if it traded, triggered
 * stops run one at a time: candidates are the waiting stops whose condition holds for the
 * current last price; the first to run is, for BUY stops, the lowest stopPrice, for SELL stops
 * the highest stopPrice, BUY stops before SELL stops, ties by placement order. Each triggered
 * order may trade and move the last price; the candidates are recomputed after each one, until
 * none is left (cascades).
 *
 * **Self-trade prevention** (decided by the incoming order's `stp` mode, default `NONE`;
 * orders of the same `stpGroup`, which defaults to the account, are "own"): when matching
 * meets an own resting order:
 * - `NONE`: they trade.
 * - `CANCEL_RESTING`: the resting order is `Cancelled` (reason `STP`); matching goes on.
 * - `CANCEL_INCOMING`: the incoming order's rest is `Cancelled` (`STP`); matching stops.
 * - `CANCEL_BOTH`: the resting order is `Cancelled`, then the incoming rest; matching stops.
 * - `DECREMENT_AND_CANCEL`: with q = min(incoming rest, resting rest), both are reduced by q
 *   without a trade: the smaller side is `Cancelled` entirely, the larger gets a partial
 *   `Cancelled` of q (its `remaining` > 0) and keeps its priority; when equal, both are fully
 *   cancelled, resting first. If the incoming order still has a rest, matching goes on.
 *   Resting side events come before incoming side events.
 *
 * **Cancel** (`orderId`, `account`): a resting order or a waiting stop. `UNKNOWN_ORDER` when no
 * such live order, `NOT_ORDER_OWNER` when it belongs to another account. Event `Cancelled`
 * (reason `USER`).
 *
 * **Amend** (`orderId`, `account`, new `price` and/or new `size`, the size being the new open
 * quantity): only resting LIMIT orders (a waiting stop: `NOT_AMENDABLE`). Same price and a
 * smaller size keeps priority; any price change or a larger size loses it (back of the queue at
 * its price). Validation as for a new LIMIT order (size limits, notional, band; the same price
 * and size as now: `INVALID_ORDER`). A new price that crosses: a post-only order is `Rejected`
 * (`POST_ONLY_WOULD_TAKE`) and stays as it was; any other order gets `Amended`, then matches as
 * an incoming order (its own STP mode) and rests the rest.
 *
 * **CancelAll** (`account`): every resting order and waiting stop of the account is `Cancelled`
 * (`USER`), in placement order: ascending `acceptedSeq` (the seq of the order's `Accepted` event;
 * an amend or a trigger does not change it), across bids, asks and stops alike; with none, no
 * events.
 *
 * **Snapshots**: `snapshot()` carries everything the book's future depends on, including each
 * order's `acceptedSeq` and each resting order's `postOnly` flag. A book restored from a
 * snapshot behaves exactly like the book it was taken from: for every future command stream it
 * emits the same events and reaches the same `stateHash()`s.
 *
 * **Market status** (`setStatus`, admin): `OPEN`; `HALTED` (every command but setStatus is
 * `Rejected` with `MARKET_HALTED`); `CANCEL_ONLY` (only cancel and cancelAll, others
 * `MARKET_CANCEL_ONLY`); `POST_ONLY` (only post-only LIMIT orders, amends that do not cross,
 * cancels; others `MARKET_POST_ONLY`). setStatus emits `StatusChanged`.
 */

import type { EventBuffer } from './event-buffer.ts';

export type Side = 'BUY' | 'SELL';

export const OrderType = {
  LIMIT: 'LIMIT',
  IOC: 'IOC',
  FOK: 'FOK',
  FOK_BUDGET: 'FOK_BUDGET',
  MARKET: 'MARKET',
  STOP_LIMIT: 'STOP_LIMIT',
  STOP_MARKET: 'STOP_MARKET',
} as const;
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

export const StpMode = {
  NONE: 'NONE',
  CANCEL_RESTING: 'CANCEL_RESTING',
  CANCEL_INCOMING: 'CANCEL_INCOMING',
  CANCEL_BOTH: 'CANCEL_BOTH',
  DECREMENT_AND_CANCEL: 'DECREMENT_AND_CANCEL',
} as const;
export type StpMode = (typeof StpMode)[keyof typeof StpMode];

export const MarketStatus = {
  OPEN: 'OPEN',
  HALTED: 'HALTED',
  CANCEL_ONLY: 'CANCEL_ONLY',
  POST_ONLY: 'POST_ONLY',
} as const;
export type MarketStatus = (typeof MarketStatus)[keyof typeof MarketStatus];

/** Why a command was refused. Grouped by stage, like exchange-core's result codes. */
export const RejectCode = {
  // market state
  MARKET_HALTED: 'MARKET_HALTED',
  MARKET_CANCEL_ONLY: 'MARKET_CANCEL_ONLY',
  MARKET_POST_ONLY: 'MARKET_POST_ONLY',
  // shape of the command
  DUPLICATE_ORDER_ID: 'DUPLICATE_ORDER_ID',
  INVALID_ORDER: 'INVALID_ORDER',
  INVALID_PRICE: 'INVALID_PRICE',
  INVALID_SIZE: 'INVALID_SIZE',
  INVALID_QUOTE: 'INVALID_QUOTE',
  INVALID_STOP_PRICE: 'INVALID_STOP_PRICE',
  // limits
  SIZE_TOO_SMALL: 'SIZE_TOO_SMALL',
  SIZE_TOO_LARGE: 'SIZE_TOO_LARGE',
  NOTIONAL_TOO_SMALL: 'NOTIONAL_TOO_SMALL',
  PRICE_BAND: 'PRICE_BAND',
  // matching
  POST_ONLY_WOULD_TAKE: 'POST_ONLY_WOULD_TAKE',
  FOK_UNFILLABLE: 'FOK_UNFILLABLE',
  STOP_WOULD_TRIGGER: 'STOP_WOULD_TRIGGER',
  // cancel / amend
  UNKNOWN_ORDER: 'UNKNOWN_ORDER',
  NOT_ORDER_OWNER: 'NOT_ORDER_OWNER',
  NOT_AMENDABLE: 'NOT_AMENDABLE',
} as const;
export type RejectCode = (typeof RejectCode)[keyof typeof RejectCode];

export const CancelReason = { USER: 'USER', STP: 'STP' } as const;
export type CancelReason = (typeof CancelReason)[keyof typeof CancelReason];

export const ExpireReason = { IOC: 'IOC', NO_LIQUIDITY: 'NO_LIQUIDITY' } as const;
export type ExpireReason = (typeof ExpireReason)[keyof typeof ExpireReason];

export interface BookConfig {
  readonly symbol: string;
  /** Size limits in lots (inclusive). */
  readonly minSize: number;
  readonly maxSize: number;
  /** Smallest notional in tick-lots (0: no check). */
  readonly minNotional: number;
  /** Fat-finger band in basis points around the reference price (0: no check). */
  readonly priceBandBps: number;
  /** Reference price in ticks until the first trade (absent: no band before the first trade). */
  readonly referencePrice?: number;
}

// --- commands -----------------------------------------------------------------------------------

export interface PlaceOrder {
  readonly type: 'place';
  readonly orderId: number;
  readonly account: number;
  /** Orders of one STP group never trade with each other under an STP mode; default: the account. */
  readonly stpGroup?: number;
  readonly side: Side;
  readonly orderType: OrderType;
  /** Limit price in ticks: LIMIT, IOC, FOK, STOP_LIMIT. */
  readonly price?: number;
  /** Lots: every type but MARKET-by-quote. */
  readonly size?: number;
  /** Notional in tick-lots: FOK_BUDGET's budget; MARKET BUY by quote (then no size). */
  readonly quote?: number;
  /** STOP_LIMIT, STOP_MARKET. */
  readonly stopPrice?: number;
  /** LIMIT only. */
  readonly postOnly?: boolean;
  readonly stp?: StpMode;
}

export interface CancelOrder {
  readonly type: 'cancel';
  readonly orderId: number;
  readonly account: number;
}

export interface AmendOrder {
  readonly type: 'amend';
  readonly orderId: number;
  readonly account: number;
  readonly price?: number;
  /** New open quantity in lots. */
  readonly size?: number;
}

export interface CancelAll {
  readonly type: 'cancelAll';
  readonly account: number;
}

export interface SetStatus {
  readonly type: 'setStatus';
  readonly status: MarketStatus;
}

export type BookCommand = PlaceOrder | CancelOrder | AmendOrder | CancelAll | SetStatus;

// --- events -------------------------------------------------------------------------------------

export interface Accepted {
  readonly type: 'Accepted';
  readonly seq: number;
  readonly orderId: number;
  readonly account: number;
  readonly side: Side;
  readonly orderType: OrderType;
  /** Limit price (0 for MARKET, FOK_BUDGET, STOP_MARKET). */
  readonly price: number;
  /** Lots (0 for MARKET by quote). */
  readonly size: number;
}

export interface Rejected {
  readonly type: 'Rejected';
  readonly seq: number;
  /** The command's order id (0 for cancelAll and setStatus). */
  readonly orderId: number;
  readonly account: number;
  readonly code: RejectCode;
}

export interface Fill {
  readonly type: 'Fill';
  readonly seq: number;
  readonly makerOrderId: number;
  readonly takerOrderId: number;
  readonly makerAccount: number;
  readonly takerAccount: number;
  /** The maker's price. */
  readonly price: number;
  readonly size: number;
  /** The taker's side. */
  readonly takerSide: Side;
  /** Open lots left on each side after this fill. */
  readonly makerRemaining: number;
  readonly takerRemaining: number;
}

export interface Cancelled {
  readonly type: 'Cancelled';
  readonly seq: number;
  readonly orderId: number;
  readonly account: number;
  /** Lots cancelled by this event. */
  readonly size: number;
  /** Open lots left (> 0 only for a DECREMENT_AND_CANCEL decrement). */
  readonly remaining: number;
  readonly reason: CancelReason;
}

export interface Expired {
  readonly type: 'Expired';
  readonly seq: number;
  readonly orderId: number;
  readonly account: number;
  /** Lots that did not fill (for MARKET by quote: 0, the unspent quote is `quoteLeft`). */
  readonly size: number;
  /** MARKET by quote: quote left unspent, in tick-lots; 0 otherwise. */
  readonly quoteLeft: number;
  readonly reason: ExpireReason;
}

export interface Triggered {
  readonly type: 'Triggered';
  readonly seq: number;
  readonly orderId: number;
  readonly account: number;
  /** The last trade price that triggered it. */
  readonly lastPrice: number;
}

export interface Amended {
  readonly type: 'Amended';
  readonly seq: number;
  readonly orderId: number;
  readonly account: number;
  readonly price: number;
  readonly size: number;
  readonly keptPriority: boolean;
}

export interface StatusChanged {
  readonly type: 'StatusChanged';
  readonly seq: number;
  readonly status: MarketStatus;
}

export type BookEvent =
  Accepted | Rejected | Fill | Cancelled | Expired | Triggered | Amended | StatusChanged;

// --- queries ------------------------------------------------------------------------------------

/** One aggregated price level: price, total open lots, number of orders. */
export type Level = readonly [price: number, size: number, orders: number];

export interface Depth {
  readonly bids: readonly Level[];
  readonly asks: readonly Level[];
}

/** One resting order, as the L3 view and snapshots show it. */
export interface RestingOrder {
  readonly orderId: number;
  readonly account: number;
  readonly stpGroup: number;
  readonly side: Side;
  readonly price: number;
  readonly size: number;
  readonly stp: StpMode;
  /** Placed as a post-only LIMIT order (a crossing amend is then `POST_ONLY_WOULD_TAKE`). */
  readonly postOnly: boolean;
  /**
   * Seq of the order's `Accepted` event: its placement order (cancelAll's order). Kept by
   * amends; an order that rests after its stop triggered keeps the stop's.
   */
  readonly acceptedSeq: number;
}

export interface WaitingStop {
  readonly orderId: number;
  readonly account: number;
  readonly stpGroup: number;
  readonly side: Side;
  readonly orderType: 'STOP_LIMIT' | 'STOP_MARKET';
  readonly stopPrice: number;
  /** Limit price for STOP_LIMIT, 0 for STOP_MARKET. */
  readonly price: number;
  readonly size: number;
  readonly stp: StpMode;
  /** Seq of the stop's `Accepted` event: its placement order (trigger ties, cancelAll). */
  readonly acceptedSeq: number;
}

/**
 * Everything needed to rebuild a book exactly: plain JSON. Orders listed in priority order
 * (bids best first, then asks best first; within a level, time order), stops in placement order
 * (ascending `acceptedSeq`). Placement order across resting orders and stops is their
 * `acceptedSeq`.
 */
export interface BookSnapshot {
  readonly config: BookConfig;
  readonly status: MarketStatus;
  readonly seq: number;
  readonly lastPrice: number | null;
  readonly orders: readonly RestingOrder[];
  readonly stops: readonly WaitingStop[];
}

/** What every book implementation offers (the fast one and the reference one in tests). */
export interface OrderBook {
  /** Applies one command; returns its events (also those of stops it triggered). */
  process(command: BookCommand): BookEvent[];
  depth(levels: number): Depth;
  /** L3: resting orders of a side in priority order. */
  orders(side: Side): RestingOrder[];
  stops(): WaitingStop[];
  bestBid(): number | null;
  bestAsk(): number | null;
  readonly lastPrice: number | null;
  readonly status: MarketStatus;
  readonly seq: number;
  snapshot(): BookSnapshot;
  /** Hex digest of the snapshot in canonical form: equal books, equal hashes. */
  stateHash(): string;
}

/**
 * An `OrderBook` with an allocation-free entry point for hot loops (benchmarks, replay): the same
 * command semantics and the same events as `process`, written into a reusable buffer.
 */
export interface BufferedOrderBook extends OrderBook {
  /**
   * Applies one command like `process`; `out` is cleared and then holds exactly the events
   * `process` would have returned. With a reusing buffer (the default) they stay valid only until
   * `out` is written again (the next call with it); events that are kept come from `process` or
   * from a buffer made with `new EventBuffer(false)`.
   */
  processInto(command: BookCommand, out: EventBuffer): void;
}
