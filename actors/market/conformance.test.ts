/**
 * The book contract as a table, run against every implementation (exchange-core's
 * `OrderBookBaseTest`): each case builds a book from a config, runs setup commands (none of
 * which may be rejected), runs the command under test and asserts its exact events (seq
 * included), then the final book: L3 orders of both sides, depth derived from them, stops,
 * last price and status. Every case runs twice per implementation: on the book that ran the
 * setup, and on a book restored from that book's snapshot (which must behave exactly like it:
 * post-only flags and placement order, `acceptedSeq`, included). After each case the book is
 * checked (never crossed, depth agrees with L3) and drained with cancelAll.
 *
 * Readings of the contract where the text leaves a choice are listed in
 * `testing/reference-book.ts`; the cases that pin one say so in their name ("reading: ...").
 */

import { describe, expect, it } from 'vitest';

import { createBook } from './book.ts';
import { createReferenceBook } from './testing/reference-book.ts';
import type {
  AmendOrder,
  BookCommand,
  BookConfig,
  BookEvent,
  BookSnapshot,
  CancelReason,
  ExpireReason,
  Level,
  MarketStatus,
  OrderBook,
  OrderType,
  PlaceOrder,
  RejectCode,
  RestingOrder,
  Side,
  StpMode,
  WaitingStop,
} from './types.ts';

type BookFactory = (config: BookConfig, snapshot?: BookSnapshot) => OrderBook;

/** Every implementation of `OrderBook`; each runs the whole table. */
const books: [name: string, create: BookFactory][] = [
  ['reference', createReferenceBook],
  ['fast', createBook],
];

const BASE: BookConfig = { symbol: 'TEST', minSize: 1, maxSize: 1000, minNotional: 0, priceBandBps: 0 };

// --- commands ---------------------------------------------------------------------------------

type Extra = Partial<Omit<PlaceOrder, 'type' | 'orderId' | 'account' | 'side'>>;

const order = (
  side: Side,
  orderType: OrderType,
  orderId: number,
  account: number,
  extra: Extra,
): PlaceOrder => ({
  type: 'place',
  orderId,
  account,
  side,
  orderType,
  ...extra,
});
const buy = (orderId: number, account: number, price: number, size: number, extra: Extra = {}): PlaceOrder =>
  order('BUY', 'LIMIT', orderId, account, { price, size, ...extra });
const sell = (orderId: number, account: number, price: number, size: number, extra: Extra = {}): PlaceOrder =>
  order('SELL', 'LIMIT', orderId, account, { price, size, ...extra });
const cancel = (orderId: number, account: number): BookCommand => ({ type: 'cancel', orderId, account });
const amend = (
  orderId: number,
  account: number,
  change: Pick<AmendOrder, 'price' | 'size'>,
): BookCommand => ({
  type: 'amend',
  orderId,
  account,
  ...change,
});
const cancelAll = (account: number): BookCommand => ({ type: 'cancelAll', account });
const setStatus = (status: MarketStatus): BookCommand => ({ type: 'setStatus', status });

// --- events -----------------------------------------------------------------------------------

const accepted = (
  seq: number,
  orderId: number,
  account: number,
  side: Side,
  orderType: OrderType,
  price: number,
  size: number,
): BookEvent => ({ type: 'Accepted', seq, orderId, account, side, orderType, price, size });
const rejected = (seq: number, orderId: number, account: number, code: RejectCode): BookEvent => ({
  type: 'Rejected',
  seq,
  orderId,
  account,
  code,
});
/** `maker` and `taker` are [orderId, account]. */
const fill = (
  seq: number,
  maker: [number, number],
  taker: [number, number],
  price: number,
  size: number,
  takerSide: Side,
  makerRemaining: number,
  takerRemaining: number,
): BookEvent => ({
  type: 'Fill',
  seq,
  makerOrderId: maker[0],
  takerOrderId: taker[0],
  makerAccount: maker[1],
  takerAccount: taker[1],
  price,
  size,
  takerSide,
  makerRemaining,
  takerRemaining,
});
const cancelled = (
  seq: number,
  orderId: number,
  account: number,
  size: number,
  remaining: number,
  reason: CancelReason,
): BookEvent => ({ type: 'Cancelled', seq, orderId, account, size, remaining, reason });
const expired = (
  seq: number,
  orderId: number,
  account: number,
  size: number,
  quoteLeft: number,
  reason: ExpireReason,
): BookEvent => ({ type: 'Expired', seq, orderId, account, size, quoteLeft, reason });
const triggered = (seq: number, orderId: number, account: number, lastPrice: number): BookEvent => ({
  type: 'Triggered',
  seq,
  orderId,
  account,
  lastPrice,
});
const amended = (
  seq: number,
  orderId: number,
  account: number,
  price: number,
  size: number,
  keptPriority: boolean,
): BookEvent => ({ type: 'Amended', seq, orderId, account, price, size, keptPriority });
const statusChanged = (seq: number, status: MarketStatus): BookEvent => ({
  type: 'StatusChanged',
  seq,
  status,
});

// --- book views -------------------------------------------------------------------------------

interface StpOpts {
  stpGroup?: number;
  stp?: StpMode;
  /** Default: the seq of the order's (latest) `Accepted` event in the case's run. */
  acceptedSeq?: number;
}
interface RestingOpts extends StpOpts {
  postOnly?: boolean;
}
/**
 * An expected view entry; `acceptedSeq` left out means "the seq of this order's `Accepted`
 * event" (filled in by `runCase` from the events of the setup and the command).
 */
type Expected<T extends { acceptedSeq: number }> = Omit<T, 'acceptedSeq'> & { acceptedSeq?: number };
const resting =
  (side: Side) =>
  (
    orderId: number,
    account: number,
    price: number,
    size: number,
    opts: RestingOpts = {},
  ): Expected<RestingOrder> => ({
    orderId,
    account,
    stpGroup: opts.stpGroup ?? account,
    side,
    price,
    size,
    stp: opts.stp ?? 'NONE',
    postOnly: opts.postOnly ?? false,
    ...(opts.acceptedSeq === undefined ? {} : { acceptedSeq: opts.acceptedSeq }),
  });
const bid = resting('BUY');
const ask = resting('SELL');
const waiting = (
  orderId: number,
  account: number,
  side: Side,
  orderType: 'STOP_LIMIT' | 'STOP_MARKET',
  stopPrice: number,
  price: number,
  size: number,
  opts: StpOpts = {},
): Expected<WaitingStop> => ({
  orderId,
  account,
  stpGroup: opts.stpGroup ?? account,
  side,
  orderType,
  stopPrice,
  price,
  size,
  stp: opts.stp ?? 'NONE',
  ...(opts.acceptedSeq === undefined ? {} : { acceptedSeq: opts.acceptedSeq }),
});

/** Fills in `acceptedSeq` from the `Accepted` events seen (latest per order id). */
function withAcceptedSeq<T extends { orderId: number; acceptedSeq: number }>(
  expected: readonly Expected<T>[],
  acceptedSeqs: ReadonlyMap<number, number>,
): T[] {
  return expected.map(
    (e) => ({ ...e, acceptedSeq: e.acceptedSeq ?? acceptedSeqs.get(e.orderId) ?? -1 }) as unknown as T,
  );
}

/** Aggregates L3 orders (already in priority order) into levels. */
function levelsOf(orders: readonly Pick<RestingOrder, 'price' | 'size'>[]): Level[] {
  const out: [number, number, number][] = [];
  for (const o of orders) {
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === o.price) {
      last[1] += o.size;
      last[2] += 1;
    } else out.push([o.price, o.size, 1]);
  }
  return out;
}

// --- the table --------------------------------------------------------------------------------

interface Case {
  name: string;
  config?: Partial<BookConfig>;
  setup?: BookCommand[];
  command: BookCommand;
  events: BookEvent[];
  bids?: Expected<RestingOrder>[];
  asks?: Expected<RestingOrder>[];
  stops?: Expected<WaitingStop>[];
  /** Expected last trade price after the command (default: not checked). */
  lastPrice?: number | null;
  /** Expected status after the command (default OPEN). */
  status?: MarketStatus;
}

const BAND = { priceBandBps: 100, referencePrice: 100 };

const cases: Case[] = [
  // LIMIT -------------------------------------------------------------------------------------
  {
    name: 'LIMIT - rests on an empty book',
    command: buy(1, 1, 100, 10),
    events: [accepted(1, 1, 1, 'BUY', 'LIMIT', 100, 10)],
    bids: [bid(1, 1, 100, 10)],
    lastPrice: null,
  },
  {
    name: 'LIMIT - a crossing buy trades at the maker price and rests the rest',
    setup: [sell(1, 2, 101, 5)],
    command: buy(2, 1, 103, 8),
    events: [accepted(2, 2, 1, 'BUY', 'LIMIT', 103, 8), fill(3, [1, 2], [2, 1], 101, 5, 'BUY', 0, 3)],
    bids: [bid(2, 1, 103, 3)],
    lastPrice: 101,
  },
  {
    name: 'LIMIT - sweeps levels in price then time order and stops at its limit',
    setup: [sell(1, 2, 102, 4), sell(2, 3, 101, 2), sell(3, 2, 101, 3), sell(4, 3, 103, 5)],
    command: buy(5, 1, 102, 10),
    events: [
      accepted(5, 5, 1, 'BUY', 'LIMIT', 102, 10),
      fill(6, [2, 3], [5, 1], 101, 2, 'BUY', 0, 8),
      fill(7, [3, 2], [5, 1], 101, 3, 'BUY', 0, 5),
      fill(8, [1, 2], [5, 1], 102, 4, 'BUY', 0, 1),
    ],
    bids: [bid(5, 1, 102, 1)],
    asks: [ask(4, 3, 103, 5)],
    lastPrice: 102,
  },
  {
    name: 'LIMIT - a partially filled maker keeps its place at the head of its level',
    setup: [buy(1, 2, 100, 10), buy(2, 3, 100, 5)],
    command: sell(3, 1, 100, 4),
    events: [accepted(3, 3, 1, 'SELL', 'LIMIT', 100, 4), fill(4, [1, 2], [3, 1], 100, 4, 'SELL', 6, 0)],
    bids: [bid(1, 2, 100, 6), bid(2, 3, 100, 5)],
    lastPrice: 100,
  },
  {
    name: 'LIMIT - a sell below the best bid fills at the bid price',
    setup: [buy(1, 2, 105, 3), buy(2, 2, 90, 1)],
    command: sell(3, 1, 100, 3),
    events: [accepted(3, 3, 1, 'SELL', 'LIMIT', 100, 3), fill(4, [1, 2], [3, 1], 105, 3, 'SELL', 0, 0)],
    bids: [bid(2, 2, 90, 1)],
    lastPrice: 105,
  },
  {
    name: 'LIMIT - a new order goes behind the orders already at its price',
    setup: [sell(1, 2, 101, 1), sell(2, 3, 101, 2)],
    command: sell(3, 1, 101, 3),
    events: [accepted(3, 3, 1, 'SELL', 'LIMIT', 101, 3)],
    asks: [ask(1, 2, 101, 1), ask(2, 3, 101, 2), ask(3, 1, 101, 3)],
  },
  {
    name: 'LIMIT postOnly - rejected when it would cross, nothing changes',
    setup: [sell(1, 2, 101, 5)],
    command: buy(2, 1, 101, 1, { postOnly: true }),
    events: [rejected(2, 2, 1, 'POST_ONLY_WOULD_TAKE')],
    asks: [ask(1, 2, 101, 5)],
    lastPrice: null,
  },
  {
    name: 'LIMIT postOnly - rests when it does not cross',
    setup: [sell(1, 2, 101, 5)],
    command: buy(2, 1, 100, 3, { postOnly: true }),
    events: [accepted(2, 2, 1, 'BUY', 'LIMIT', 100, 3)],
    bids: [bid(2, 1, 100, 3, { postOnly: true })],
    asks: [ask(1, 2, 101, 5)],
  },
  {
    name: 'LIMIT postOnly - crossing only an own order is still rejected',
    setup: [sell(1, 1, 101, 5)],
    command: buy(2, 1, 102, 1, { postOnly: true, stp: 'CANCEL_RESTING' }),
    events: [rejected(2, 2, 1, 'POST_ONLY_WOULD_TAKE')],
    asks: [ask(1, 1, 101, 5)],
  },

  // IOC ---------------------------------------------------------------------------------------
  {
    name: 'IOC - the unfilled rest is expired',
    setup: [sell(1, 2, 101, 3), sell(2, 2, 103, 3)],
    command: order('BUY', 'IOC', 3, 1, { price: 102, size: 5 }),
    events: [
      accepted(3, 3, 1, 'BUY', 'IOC', 102, 5),
      fill(4, [1, 2], [3, 1], 101, 3, 'BUY', 0, 2),
      expired(5, 3, 1, 2, 0, 'IOC'),
    ],
    asks: [ask(2, 2, 103, 3)],
    lastPrice: 101,
  },
  {
    name: 'IOC - nothing to match: accepted then expired whole',
    command: order('SELL', 'IOC', 1, 1, { price: 100, size: 5 }),
    events: [accepted(1, 1, 1, 'SELL', 'IOC', 100, 5), expired(2, 1, 1, 5, 0, 'IOC')],
  },
  {
    name: 'IOC - fully filled: no Expired',
    setup: [sell(1, 2, 101, 5)],
    command: order('BUY', 'IOC', 2, 1, { price: 101, size: 5 }),
    events: [accepted(2, 2, 1, 'BUY', 'IOC', 101, 5), fill(3, [1, 2], [2, 1], 101, 5, 'BUY', 0, 0)],
  },

  // FOK ---------------------------------------------------------------------------------------
  {
    name: 'FOK - fills its whole size across levels',
    setup: [sell(1, 2, 101, 3), sell(2, 3, 102, 3)],
    command: order('BUY', 'FOK', 3, 1, { price: 102, size: 5 }),
    events: [
      accepted(3, 3, 1, 'BUY', 'FOK', 102, 5),
      fill(4, [1, 2], [3, 1], 101, 3, 'BUY', 0, 2),
      fill(5, [2, 3], [3, 1], 102, 2, 'BUY', 1, 0),
    ],
    asks: [ask(2, 3, 102, 1)],
    lastPrice: 102,
  },
  {
    name: 'FOK - not enough size: only Rejected, nothing changes',
    setup: [sell(1, 2, 101, 3)],
    command: order('BUY', 'FOK', 2, 1, { price: 101, size: 4 }),
    events: [rejected(2, 2, 1, 'FOK_UNFILLABLE')],
    asks: [ask(1, 2, 101, 3)],
    lastPrice: null,
  },
  {
    name: 'FOK - liquidity beyond its limit price does not count',
    setup: [sell(1, 2, 101, 3), sell(2, 2, 103, 5)],
    command: order('BUY', 'FOK', 3, 1, { price: 102, size: 4 }),
    events: [rejected(3, 3, 1, 'FOK_UNFILLABLE')],
    asks: [ask(1, 2, 101, 3), ask(2, 2, 103, 5)],
  },
  {
    name: 'FOK CANCEL_RESTING - the dry run skips own orders; the real run cancels them',
    setup: [sell(1, 1, 101, 2), sell(2, 2, 101, 3), sell(3, 2, 102, 2)],
    command: order('BUY', 'FOK', 4, 1, { price: 102, size: 5, stp: 'CANCEL_RESTING' }),
    events: [
      accepted(4, 4, 1, 'BUY', 'FOK', 102, 5),
      cancelled(5, 1, 1, 2, 0, 'STP'),
      fill(6, [2, 2], [4, 1], 101, 3, 'BUY', 0, 2),
      fill(7, [3, 2], [4, 1], 102, 2, 'BUY', 0, 0),
    ],
  },
  {
    name: 'FOK CANCEL_RESTING - unfillable without the own order: own order left untouched',
    setup: [sell(1, 1, 101, 2), sell(2, 2, 101, 3)],
    command: order('BUY', 'FOK', 3, 1, { price: 101, size: 5, stp: 'CANCEL_RESTING' }),
    events: [rejected(3, 3, 1, 'FOK_UNFILLABLE')],
    asks: [ask(1, 1, 101, 2), ask(2, 2, 101, 3)],
  },
  {
    name: 'FOK CANCEL_INCOMING - meeting an own order before the full size is unfillable',
    setup: [sell(1, 2, 101, 2), sell(2, 1, 101, 5), sell(3, 2, 101, 5)],
    command: order('BUY', 'FOK', 4, 1, { price: 101, size: 5, stp: 'CANCEL_INCOMING' }),
    events: [rejected(4, 4, 1, 'FOK_UNFILLABLE')],
    asks: [ask(1, 2, 101, 2), ask(2, 1, 101, 5), ask(3, 2, 101, 5)],
  },
  {
    name: 'FOK DECREMENT_AND_CANCEL - a decrement means not all filled: unfillable',
    setup: [sell(1, 1, 101, 2), sell(2, 2, 101, 10)],
    command: order('BUY', 'FOK', 3, 1, { price: 101, size: 5, stp: 'DECREMENT_AND_CANCEL' }),
    events: [rejected(3, 3, 1, 'FOK_UNFILLABLE')],
    asks: [ask(1, 1, 101, 2), ask(2, 2, 101, 10)],
  },
  {
    name: 'FOK NONE - trades with an own order',
    setup: [sell(1, 1, 101, 5)],
    command: order('BUY', 'FOK', 2, 1, { price: 101, size: 5 }),
    events: [accepted(2, 2, 1, 'BUY', 'FOK', 101, 5), fill(3, [1, 1], [2, 1], 101, 5, 'BUY', 0, 0)],
  },

  // FOK_BUDGET --------------------------------------------------------------------------------
  {
    name: 'FOK_BUDGET BUY - fills when the cost equals the budget',
    setup: [sell(1, 2, 100, 2), sell(2, 2, 101, 3)],
    command: order('BUY', 'FOK_BUDGET', 3, 1, { size: 4, quote: 402 }),
    events: [
      accepted(3, 3, 1, 'BUY', 'FOK_BUDGET', 0, 4),
      fill(4, [1, 2], [3, 1], 100, 2, 'BUY', 0, 2),
      fill(5, [2, 2], [3, 1], 101, 2, 'BUY', 1, 0),
    ],
    asks: [ask(2, 2, 101, 1)],
    lastPrice: 101,
  },
  {
    name: 'FOK_BUDGET BUY - one tick-lot over budget is unfillable',
    setup: [sell(1, 2, 100, 2), sell(2, 2, 101, 3)],
    command: order('BUY', 'FOK_BUDGET', 3, 1, { size: 4, quote: 401 }),
    events: [rejected(3, 3, 1, 'FOK_UNFILLABLE')],
    asks: [ask(1, 2, 100, 2), ask(2, 2, 101, 3)],
  },
  {
    name: 'FOK_BUDGET SELL - fills when the proceeds reach the quote',
    setup: [buy(1, 2, 100, 2), buy(2, 2, 99, 3)],
    command: order('SELL', 'FOK_BUDGET', 3, 1, { size: 4, quote: 398 }),
    events: [
      accepted(3, 3, 1, 'SELL', 'FOK_BUDGET', 0, 4),
      fill(4, [1, 2], [3, 1], 100, 2, 'SELL', 0, 2),
      fill(5, [2, 2], [3, 1], 99, 2, 'SELL', 1, 0),
    ],
    bids: [bid(2, 2, 99, 1)],
  },
  {
    name: 'FOK_BUDGET SELL - proceeds below the quote are unfillable',
    setup: [buy(1, 2, 100, 2), buy(2, 2, 99, 3)],
    command: order('SELL', 'FOK_BUDGET', 3, 1, { size: 4, quote: 399 }),
    events: [rejected(3, 3, 1, 'FOK_UNFILLABLE')],
    bids: [bid(1, 2, 100, 2), bid(2, 2, 99, 3)],
  },
  {
    name: 'FOK_BUDGET - not enough lots in the book is unfillable',
    setup: [sell(1, 2, 100, 2)],
    command: order('BUY', 'FOK_BUDGET', 2, 1, { size: 3, quote: 1000 }),
    events: [rejected(2, 2, 1, 'FOK_UNFILLABLE')],
    asks: [ask(1, 2, 100, 2)],
  },

  // MARKET ------------------------------------------------------------------------------------
  {
    name: 'MARKET by size - walks the book without a limit, the rest is expired',
    setup: [sell(1, 2, 101, 2), sell(2, 3, 105, 1)],
    command: order('BUY', 'MARKET', 3, 1, { size: 5 }),
    events: [
      accepted(3, 3, 1, 'BUY', 'MARKET', 0, 5),
      fill(4, [1, 2], [3, 1], 101, 2, 'BUY', 0, 3),
      fill(5, [2, 3], [3, 1], 105, 1, 'BUY', 0, 2),
      expired(6, 3, 1, 2, 0, 'NO_LIQUIDITY'),
    ],
    lastPrice: 105,
  },
  {
    name: 'MARKET - on an empty side: Accepted then Expired',
    command: order('SELL', 'MARKET', 1, 1, { size: 3 }),
    events: [accepted(1, 1, 1, 'SELL', 'MARKET', 0, 3), expired(2, 1, 1, 3, 0, 'NO_LIQUIDITY')],
    lastPrice: null,
  },
  {
    name: 'MARKET SELL by size - sweeps bids best first',
    setup: [buy(1, 2, 100, 2), buy(2, 3, 99, 2)],
    command: order('SELL', 'MARKET', 3, 1, { size: 3 }),
    events: [
      accepted(3, 3, 1, 'SELL', 'MARKET', 0, 3),
      fill(4, [1, 2], [3, 1], 100, 2, 'SELL', 0, 1),
      fill(5, [2, 3], [3, 1], 99, 1, 'SELL', 1, 0),
    ],
    bids: [bid(2, 3, 99, 1)],
    lastPrice: 99,
  },
  {
    name: 'MARKET by quote - buys whole lots level by level; the unspent quote is expired (reading: takerRemaining 0)',
    setup: [sell(1, 2, 100, 2), sell(2, 2, 110, 5)],
    command: order('BUY', 'MARKET', 3, 1, { quote: 450 }),
    events: [
      accepted(3, 3, 1, 'BUY', 'MARKET', 0, 0),
      fill(4, [1, 2], [3, 1], 100, 2, 'BUY', 0, 0),
      fill(5, [2, 2], [3, 1], 110, 2, 'BUY', 3, 0),
      expired(6, 3, 1, 0, 30, 'NO_LIQUIDITY'),
    ],
    asks: [ask(2, 2, 110, 3)],
    lastPrice: 110,
  },
  {
    name: 'MARKET by quote - a quote spent exactly leaves no Expired',
    setup: [sell(1, 2, 100, 5)],
    command: order('BUY', 'MARKET', 2, 1, { quote: 300 }),
    events: [accepted(2, 2, 1, 'BUY', 'MARKET', 0, 0), fill(3, [1, 2], [2, 1], 100, 3, 'BUY', 2, 0)],
    asks: [ask(1, 2, 100, 2)],
  },
  {
    name: 'MARKET by quote - not even one lot affordable: Accepted then Expired with the whole quote',
    setup: [sell(1, 2, 100, 5)],
    command: order('BUY', 'MARKET', 2, 1, { quote: 99 }),
    events: [accepted(2, 2, 1, 'BUY', 'MARKET', 0, 0), expired(3, 2, 1, 0, 99, 'NO_LIQUIDITY')],
    asks: [ask(1, 2, 100, 5)],
    lastPrice: null,
  },

  // self-trade prevention ---------------------------------------------------------------------
  {
    name: 'STP CANCEL_RESTING - the own resting order is cancelled and matching goes on',
    setup: [sell(1, 1, 101, 3), sell(2, 2, 101, 4)],
    command: buy(3, 1, 101, 5, { stp: 'CANCEL_RESTING' }),
    events: [
      accepted(3, 3, 1, 'BUY', 'LIMIT', 101, 5),
      cancelled(4, 1, 1, 3, 0, 'STP'),
      fill(5, [2, 2], [3, 1], 101, 4, 'BUY', 0, 1),
    ],
    bids: [bid(3, 1, 101, 1, { stp: 'CANCEL_RESTING' })],
  },
  {
    name: 'STP CANCEL_INCOMING - the incoming rest is cancelled and does not rest',
    setup: [sell(1, 2, 101, 2), sell(2, 1, 102, 3), sell(3, 2, 102, 3)],
    command: buy(4, 1, 103, 10, { stp: 'CANCEL_INCOMING' }),
    events: [
      accepted(4, 4, 1, 'BUY', 'LIMIT', 103, 10),
      fill(5, [1, 2], [4, 1], 101, 2, 'BUY', 0, 8),
      cancelled(6, 4, 1, 8, 0, 'STP'),
    ],
    asks: [ask(2, 1, 102, 3), ask(3, 2, 102, 3)],
    lastPrice: 101,
  },
  {
    name: 'STP CANCEL_BOTH - resting cancelled, then the incoming rest',
    setup: [sell(1, 2, 101, 2), sell(2, 1, 102, 3), sell(3, 2, 102, 3)],
    command: buy(4, 1, 103, 10, { stp: 'CANCEL_BOTH' }),
    events: [
      accepted(4, 4, 1, 'BUY', 'LIMIT', 103, 10),
      fill(5, [1, 2], [4, 1], 101, 2, 'BUY', 0, 8),
      cancelled(6, 2, 1, 3, 0, 'STP'),
      cancelled(7, 4, 1, 8, 0, 'STP'),
    ],
    asks: [ask(3, 2, 102, 3)],
  },
  {
    name: 'STP DECREMENT_AND_CANCEL - larger incoming: resting cancelled, incoming decremented, matching goes on',
    setup: [sell(1, 1, 101, 3), sell(2, 2, 101, 4)],
    command: buy(3, 1, 101, 10, { stp: 'DECREMENT_AND_CANCEL' }),
    events: [
      accepted(3, 3, 1, 'BUY', 'LIMIT', 101, 10),
      cancelled(4, 1, 1, 3, 0, 'STP'),
      cancelled(5, 3, 1, 3, 7, 'STP'),
      fill(6, [2, 2], [3, 1], 101, 4, 'BUY', 0, 3),
    ],
    bids: [bid(3, 1, 101, 3, { stp: 'DECREMENT_AND_CANCEL' })],
  },
  {
    name: 'STP DECREMENT_AND_CANCEL - larger resting: decremented, keeps priority; incoming cancelled',
    setup: [sell(1, 1, 101, 10), sell(2, 2, 101, 4)],
    command: buy(3, 1, 101, 4, { stp: 'DECREMENT_AND_CANCEL' }),
    events: [
      accepted(3, 3, 1, 'BUY', 'LIMIT', 101, 4),
      cancelled(4, 1, 1, 4, 6, 'STP'),
      cancelled(5, 3, 1, 4, 0, 'STP'),
    ],
    asks: [ask(1, 1, 101, 6), ask(2, 2, 101, 4)],
    lastPrice: null,
  },
  {
    name: 'STP DECREMENT_AND_CANCEL - equal sizes: both cancelled, resting first',
    setup: [sell(1, 1, 101, 4)],
    command: buy(2, 1, 101, 4, { stp: 'DECREMENT_AND_CANCEL' }),
    events: [
      accepted(2, 2, 1, 'BUY', 'LIMIT', 101, 4),
      cancelled(3, 1, 1, 4, 0, 'STP'),
      cancelled(4, 2, 1, 4, 0, 'STP'),
    ],
  },
  {
    name: 'STP DECREMENT_AND_CANCEL - an IOC rest after a decrement is still expired',
    setup: [sell(1, 1, 101, 2)],
    command: order('BUY', 'IOC', 2, 1, { price: 101, size: 5, stp: 'DECREMENT_AND_CANCEL' }),
    events: [
      accepted(2, 2, 1, 'BUY', 'IOC', 101, 5),
      cancelled(3, 1, 1, 2, 0, 'STP'),
      cancelled(4, 2, 1, 2, 3, 'STP'),
      expired(5, 2, 1, 3, 0, 'IOC'),
    ],
  },
  {
    name: 'STP - the stpGroup makes orders of different accounts own',
    setup: [sell(1, 2, 101, 3, { stpGroup: 7 })],
    command: buy(2, 1, 101, 3, { stpGroup: 7, stp: 'CANCEL_INCOMING' }),
    events: [accepted(2, 2, 1, 'BUY', 'LIMIT', 101, 3), cancelled(3, 2, 1, 3, 0, 'STP')],
    asks: [ask(1, 2, 101, 3, { stpGroup: 7 })],
  },
  {
    name: 'STP - same account, different stpGroup: not own, they trade',
    setup: [sell(1, 1, 101, 3, { stpGroup: 8 })],
    command: buy(2, 1, 101, 3, { stp: 'CANCEL_BOTH' }),
    events: [accepted(2, 2, 1, 'BUY', 'LIMIT', 101, 3), fill(3, [1, 1], [2, 1], 101, 3, 'BUY', 0, 0)],
  },
  {
    name: 'STP NONE - an account trades with itself',
    setup: [sell(1, 1, 101, 3)],
    command: buy(2, 1, 101, 2),
    events: [accepted(2, 2, 1, 'BUY', 'LIMIT', 101, 2), fill(3, [1, 1], [2, 1], 101, 2, 'BUY', 1, 0)],
    asks: [ask(1, 1, 101, 1)],
  },
  {
    name: 'STP - the resting order’s mode does not matter, the incoming decides',
    setup: [sell(1, 1, 101, 3, { stp: 'CANCEL_BOTH' })],
    command: buy(2, 1, 101, 3),
    events: [accepted(2, 2, 1, 'BUY', 'LIMIT', 101, 3), fill(3, [1, 1], [2, 1], 101, 3, 'BUY', 0, 0)],
  },
  {
    name: 'STP CANCEL_INCOMING - an IOC cancelled by STP gets no Expired',
    setup: [sell(1, 1, 101, 3)],
    command: order('BUY', 'IOC', 2, 1, { price: 101, size: 5, stp: 'CANCEL_INCOMING' }),
    events: [accepted(2, 2, 1, 'BUY', 'IOC', 101, 5), cancelled(3, 2, 1, 5, 0, 'STP')],
    asks: [ask(1, 1, 101, 3)],
  },
  {
    name: 'STP CANCEL_RESTING - a MARKET meeting only own liquidity cancels it, then expires',
    setup: [sell(1, 1, 101, 3)],
    command: order('BUY', 'MARKET', 2, 1, { size: 2, stp: 'CANCEL_RESTING' }),
    events: [
      accepted(2, 2, 1, 'BUY', 'MARKET', 0, 2),
      cancelled(3, 1, 1, 3, 0, 'STP'),
      expired(4, 2, 1, 2, 0, 'NO_LIQUIDITY'),
    ],
  },
  {
    name: 'STP - own orders beyond the limit price are not met',
    setup: [sell(1, 1, 103, 3), sell(2, 2, 101, 2)],
    command: buy(3, 1, 102, 5, { stp: 'CANCEL_BOTH' }),
    events: [accepted(3, 3, 1, 'BUY', 'LIMIT', 102, 5), fill(4, [2, 2], [3, 1], 101, 2, 'BUY', 0, 3)],
    bids: [bid(3, 1, 102, 3, { stp: 'CANCEL_BOTH' })],
    asks: [ask(1, 1, 103, 3)],
  },
  {
    name: 'STP CANCEL_INCOMING - MARKET by quote (reading: the Cancelled size is 0, a by-quote order has no open lots)',
    setup: [sell(1, 1, 100, 3)],
    command: order('BUY', 'MARKET', 2, 1, { quote: 500, stp: 'CANCEL_INCOMING' }),
    events: [accepted(2, 2, 1, 'BUY', 'MARKET', 0, 0), cancelled(3, 2, 1, 0, 0, 'STP')],
    asks: [ask(1, 1, 100, 3)],
  },

  {
    name: 'STP DECREMENT_AND_CANCEL - MARKET by quote (reading: its rest at a level is the lots its quote buys there)',
    setup: [sell(1, 1, 100, 2), sell(2, 2, 100, 5)],
    command: order('BUY', 'MARKET', 3, 1, { quote: 450, stp: 'DECREMENT_AND_CANCEL' }),
    events: [
      accepted(3, 3, 1, 'BUY', 'MARKET', 0, 0),
      cancelled(4, 1, 1, 2, 0, 'STP'),
      cancelled(5, 3, 1, 2, 2, 'STP'),
      fill(6, [2, 2], [3, 1], 100, 2, 'BUY', 3, 0),
      expired(7, 3, 1, 0, 50, 'NO_LIQUIDITY'),
    ],
    asks: [ask(2, 2, 100, 3)],
  },
  {
    name: 'STP - reading: a MARKET by quote that cannot buy one lot stops before STP acts',
    setup: [sell(1, 1, 100, 5)],
    command: order('BUY', 'MARKET', 2, 1, { quote: 99, stp: 'CANCEL_RESTING' }),
    events: [accepted(2, 2, 1, 'BUY', 'MARKET', 0, 0), expired(3, 2, 1, 0, 99, 'NO_LIQUIDITY')],
    asks: [ask(1, 1, 100, 5)],
  },
  {
    name: 'STP CANCEL_RESTING - reading: FOK_BUDGET feasibility includes self-trade prevention',
    setup: [sell(1, 1, 99, 5), sell(2, 2, 100, 2)],
    command: order('BUY', 'FOK_BUDGET', 3, 1, { size: 2, quote: 200, stp: 'CANCEL_RESTING' }),
    events: [
      accepted(3, 3, 1, 'BUY', 'FOK_BUDGET', 0, 2),
      cancelled(4, 1, 1, 5, 0, 'STP'),
      fill(5, [2, 2], [3, 1], 100, 2, 'BUY', 0, 0),
    ],
  },

  {
    name: 'STP CANCEL_BOTH - MARKET by quote: resting cancelled, then the incoming (size 0)',
    setup: [sell(1, 2, 99, 1), sell(2, 1, 100, 3), sell(3, 2, 100, 3)],
    command: order('BUY', 'MARKET', 4, 1, { quote: 500, stp: 'CANCEL_BOTH' }),
    events: [
      accepted(4, 4, 1, 'BUY', 'MARKET', 0, 0),
      fill(5, [1, 2], [4, 1], 99, 1, 'BUY', 0, 0),
      cancelled(6, 2, 1, 3, 0, 'STP'),
      cancelled(7, 4, 1, 0, 0, 'STP'),
    ],
    asks: [ask(3, 2, 100, 3)],
  },

  // stops -------------------------------------------------------------------------------------
  {
    name: 'STOP_LIMIT - accepted with its limit price and waits outside the book',
    command: order('BUY', 'STOP_LIMIT', 1, 1, { stopPrice: 105, price: 106, size: 2 }),
    events: [accepted(1, 1, 1, 'BUY', 'STOP_LIMIT', 106, 2)],
    stops: [waiting(1, 1, 'BUY', 'STOP_LIMIT', 105, 106, 2)],
  },
  {
    name: 'STOP_MARKET - accepted with price 0 and waits',
    setup: [sell(1, 2, 100, 1), buy(2, 3, 100, 1)],
    command: order('SELL', 'STOP_MARKET', 3, 1, { stopPrice: 99, size: 2, stp: 'CANCEL_BOTH', stpGroup: 5 }),
    events: [accepted(4, 3, 1, 'SELL', 'STOP_MARKET', 0, 2)],
    stops: [waiting(3, 1, 'SELL', 'STOP_MARKET', 99, 0, 2, { stp: 'CANCEL_BOTH', stpGroup: 5 })],
    lastPrice: 100,
  },
  {
    name: 'STOP - a BUY stop at or below the last price is rejected',
    setup: [sell(1, 2, 100, 1), buy(2, 3, 100, 1)],
    command: order('BUY', 'STOP_MARKET', 3, 1, { stopPrice: 100, size: 1 }),
    events: [rejected(4, 3, 1, 'STOP_WOULD_TRIGGER')],
  },
  {
    name: 'STOP - a SELL stop at or above the last price is rejected',
    setup: [sell(1, 2, 100, 1), buy(2, 3, 100, 1)],
    command: order('SELL', 'STOP_LIMIT', 3, 1, { stopPrice: 101, price: 100, size: 1 }),
    events: [rejected(4, 3, 1, 'STOP_WOULD_TRIGGER')],
  },
  {
    name: 'STOP - a trade reaching the stop triggers it: Triggered, then its fills',
    setup: [
      sell(1, 2, 100, 1),
      sell(2, 2, 101, 5),
      order('BUY', 'STOP_MARKET', 3, 1, { stopPrice: 100, size: 2 }),
    ],
    command: buy(4, 3, 100, 1),
    events: [
      accepted(4, 4, 3, 'BUY', 'LIMIT', 100, 1),
      fill(5, [1, 2], [4, 3], 100, 1, 'BUY', 0, 0),
      triggered(6, 3, 1, 100),
      fill(7, [2, 2], [3, 1], 101, 2, 'BUY', 3, 0),
    ],
    asks: [ask(2, 2, 101, 3)],
    lastPrice: 101,
  },
  {
    name: 'STOP - trigger order: BUY lowest stop first, ties by placement, BUY before SELL (highest first)',
    setup: [
      order('SELL', 'STOP_MARKET', 1, 1, { stopPrice: 100, size: 1 }),
      order('BUY', 'STOP_MARKET', 2, 1, { stopPrice: 100, size: 1 }),
      order('BUY', 'STOP_MARKET', 3, 1, { stopPrice: 99, size: 1 }),
      order('BUY', 'STOP_MARKET', 4, 1, { stopPrice: 99, size: 1 }),
      order('SELL', 'STOP_MARKET', 5, 1, { stopPrice: 101, size: 1 }),
      sell(6, 2, 100, 1),
    ],
    command: buy(7, 3, 100, 1),
    events: [
      accepted(7, 7, 3, 'BUY', 'LIMIT', 100, 1),
      fill(8, [6, 2], [7, 3], 100, 1, 'BUY', 0, 0),
      triggered(9, 3, 1, 100),
      expired(10, 3, 1, 1, 0, 'NO_LIQUIDITY'),
      triggered(11, 4, 1, 100),
      expired(12, 4, 1, 1, 0, 'NO_LIQUIDITY'),
      triggered(13, 2, 1, 100),
      expired(14, 2, 1, 1, 0, 'NO_LIQUIDITY'),
      triggered(15, 5, 1, 100),
      expired(16, 5, 1, 1, 0, 'NO_LIQUIDITY'),
      triggered(17, 1, 1, 100),
      expired(18, 1, 1, 1, 0, 'NO_LIQUIDITY'),
    ],
    lastPrice: 100,
  },
  {
    name: 'STOP - cascade: each triggered order moves the last price and triggers the next',
    setup: [
      sell(1, 2, 100, 1),
      sell(2, 2, 102, 1),
      sell(3, 2, 104, 1),
      order('BUY', 'STOP_MARKET', 4, 3, { stopPrice: 100, size: 1 }),
      order('BUY', 'STOP_MARKET', 5, 3, { stopPrice: 102, size: 1 }),
      order('BUY', 'STOP_LIMIT', 6, 3, { stopPrice: 104, price: 104, size: 2 }),
      order('BUY', 'STOP_MARKET', 7, 3, { stopPrice: 105, size: 1 }),
    ],
    command: buy(8, 1, 100, 1),
    events: [
      accepted(8, 8, 1, 'BUY', 'LIMIT', 100, 1),
      fill(9, [1, 2], [8, 1], 100, 1, 'BUY', 0, 0),
      triggered(10, 4, 3, 100),
      fill(11, [2, 2], [4, 3], 102, 1, 'BUY', 0, 0),
      triggered(12, 5, 3, 102),
      fill(13, [3, 2], [5, 3], 104, 1, 'BUY', 0, 0),
      triggered(14, 6, 3, 104),
    ],
    bids: [bid(6, 3, 104, 2)],
    stops: [waiting(7, 3, 'BUY', 'STOP_MARKET', 105, 0, 1)],
    lastPrice: 104,
  },
  {
    name: 'STOP - a triggered STOP_LIMIT outside the band is Triggered then Rejected (PRICE_BAND)',
    config: BAND,
    setup: [order('SELL', 'STOP_LIMIT', 1, 1, { stopPrice: 99, price: 97, size: 1 }), buy(2, 2, 99, 1)],
    command: sell(3, 3, 99, 1),
    events: [
      accepted(3, 3, 3, 'SELL', 'LIMIT', 99, 1),
      fill(4, [2, 2], [3, 3], 99, 1, 'SELL', 0, 0),
      triggered(5, 1, 1, 99),
      rejected(6, 1, 1, 'PRICE_BAND'),
    ],
    lastPrice: 99,
  },
  {
    name: 'STOP - a triggered STOP_LIMIT inside the band rests behind the orders at its price',
    config: { priceBandBps: 200, referencePrice: 100 },
    setup: [
      order('SELL', 'STOP_LIMIT', 1, 1, { stopPrice: 99, price: 100, size: 2 }),
      sell(2, 4, 100, 1),
      buy(3, 2, 99, 1),
    ],
    command: sell(4, 3, 99, 1),
    events: [
      accepted(4, 4, 3, 'SELL', 'LIMIT', 99, 1),
      fill(5, [3, 2], [4, 3], 99, 1, 'SELL', 0, 0),
      triggered(6, 1, 1, 99),
    ],
    asks: [ask(2, 4, 100, 1), ask(1, 1, 100, 2)],
    lastPrice: 99,
  },
  {
    name: 'STOP - a triggered STOP_LIMIT trades what it crosses, then rests the rest',
    setup: [
      sell(1, 2, 100, 1),
      sell(2, 2, 101, 2),
      sell(3, 2, 103, 2),
      order('BUY', 'STOP_LIMIT', 4, 1, { stopPrice: 100, price: 102, size: 5 }),
    ],
    command: buy(5, 3, 100, 1),
    events: [
      accepted(5, 5, 3, 'BUY', 'LIMIT', 100, 1),
      fill(6, [1, 2], [5, 3], 100, 1, 'BUY', 0, 0),
      triggered(7, 4, 1, 100),
      fill(8, [2, 2], [4, 1], 101, 2, 'BUY', 0, 3),
    ],
    bids: [bid(4, 1, 102, 3)],
    asks: [ask(3, 2, 103, 2)],
    lastPrice: 101,
  },
  {
    name: 'STOP - a triggered order keeps its STP settings',
    setup: [
      sell(1, 1, 101, 2),
      order('BUY', 'STOP_MARKET', 2, 1, { stopPrice: 100, size: 2, stp: 'CANCEL_RESTING' }),
      sell(3, 2, 100, 1),
    ],
    command: buy(4, 3, 100, 1),
    events: [
      accepted(4, 4, 3, 'BUY', 'LIMIT', 100, 1),
      fill(5, [3, 2], [4, 3], 100, 1, 'BUY', 0, 0),
      triggered(6, 2, 1, 100),
      cancelled(7, 1, 1, 2, 0, 'STP'),
      expired(8, 2, 1, 2, 0, 'NO_LIQUIDITY'),
    ],
  },
  {
    name: 'STOP - neither the stop price nor the limit price is banded at placement',
    config: BAND,
    command: order('BUY', 'STOP_LIMIT', 1, 1, { stopPrice: 150, price: 200, size: 1 }),
    events: [accepted(1, 1, 1, 'BUY', 'STOP_LIMIT', 200, 1)],
    stops: [waiting(1, 1, 'BUY', 'STOP_LIMIT', 150, 200, 1)],
  },
  {
    name: 'STOP - cancel a waiting stop',
    setup: [order('BUY', 'STOP_LIMIT', 1, 1, { stopPrice: 105, price: 106, size: 2 })],
    command: cancel(1, 1),
    events: [cancelled(2, 1, 1, 2, 0, 'USER')],
  },
  {
    name: 'STOP - a waiting stop is not amendable',
    setup: [order('BUY', 'STOP_LIMIT', 1, 1, { stopPrice: 105, price: 106, size: 2 })],
    command: amend(1, 1, { size: 1 }),
    events: [rejected(2, 1, 1, 'NOT_AMENDABLE')],
    stops: [waiting(1, 1, 'BUY', 'STOP_LIMIT', 105, 106, 2)],
  },

  // amend -------------------------------------------------------------------------------------
  {
    name: 'amend - a smaller size at the same price keeps priority',
    setup: [buy(1, 1, 100, 10), buy(2, 2, 100, 5)],
    command: amend(1, 1, { size: 4 }),
    events: [amended(3, 1, 1, 100, 4, true)],
    bids: [bid(1, 1, 100, 4), bid(2, 2, 100, 5)],
  },
  {
    name: 'amend - a larger size loses priority',
    setup: [buy(1, 1, 100, 10), buy(2, 2, 100, 5)],
    command: amend(1, 1, { size: 12 }),
    events: [amended(3, 1, 1, 100, 12, false)],
    bids: [bid(2, 2, 100, 5), bid(1, 1, 100, 12)],
  },
  {
    name: 'amend - a new price that does not cross goes to the back of its new level',
    setup: [buy(1, 1, 100, 3), buy(2, 2, 99, 4)],
    command: amend(1, 1, { price: 99 }),
    events: [amended(3, 1, 1, 99, 3, false)],
    bids: [bid(2, 2, 99, 4), bid(1, 1, 99, 3)],
  },
  {
    name: 'amend - a price change with a smaller size still loses priority',
    setup: [buy(1, 1, 100, 3), buy(2, 2, 101, 4)],
    command: amend(1, 1, { price: 101, size: 2 }),
    events: [amended(3, 1, 1, 101, 2, false)],
    bids: [bid(2, 2, 101, 4), bid(1, 1, 101, 2)],
  },
  {
    name: 'amend - the size is the new open quantity of a partially filled order',
    setup: [buy(1, 1, 100, 10), sell(2, 2, 100, 4)],
    command: amend(1, 1, { size: 5 }),
    events: [amended(4, 1, 1, 100, 5, true)],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'amend - a crossing price: Amended, then it matches and rests the rest',
    setup: [buy(1, 1, 100, 5), sell(2, 2, 102, 3)],
    command: amend(1, 1, { price: 103 }),
    events: [amended(3, 1, 1, 103, 5, false), fill(4, [2, 2], [1, 1], 102, 3, 'BUY', 0, 2)],
    bids: [bid(1, 1, 103, 2)],
    lastPrice: 102,
  },
  {
    name: 'amend - a crossing amend that trades triggers stops',
    setup: [
      buy(1, 1, 100, 5),
      sell(2, 2, 102, 3),
      order('SELL', 'STOP_MARKET', 3, 3, { stopPrice: 102, size: 1 }),
    ],
    command: amend(1, 1, { price: 103 }),
    events: [
      amended(4, 1, 1, 103, 5, false),
      fill(5, [2, 2], [1, 1], 102, 3, 'BUY', 0, 2),
      triggered(6, 3, 3, 102),
      fill(7, [1, 1], [3, 3], 103, 1, 'SELL', 1, 0),
    ],
    bids: [bid(1, 1, 103, 1)],
    lastPrice: 103,
  },
  {
    name: 'amend - a crossing amend uses the order’s own STP mode',
    setup: [buy(1, 1, 100, 5, { stp: 'CANCEL_INCOMING' }), sell(2, 1, 101, 3)],
    command: amend(1, 1, { price: 101 }),
    events: [amended(3, 1, 1, 101, 5, false), cancelled(4, 1, 1, 5, 0, 'STP')],
    asks: [ask(2, 1, 101, 3)],
  },
  {
    name: 'amend - a post-only order that would cross is rejected and stays as it was',
    setup: [buy(1, 1, 100, 5, { postOnly: true }), buy(2, 2, 100, 1), sell(3, 2, 102, 3)],
    command: amend(1, 1, { price: 102 }),
    events: [rejected(4, 1, 1, 'POST_ONLY_WOULD_TAKE')],
    bids: [bid(1, 1, 100, 5, { postOnly: true }), bid(2, 2, 100, 1)],
    asks: [ask(3, 2, 102, 3)],
  },
  {
    name: 'amend - a post-only order may move without crossing',
    setup: [buy(1, 1, 100, 5, { postOnly: true }), sell(2, 2, 102, 3)],
    command: amend(1, 1, { price: 101 }),
    events: [amended(3, 1, 1, 101, 5, false)],
    bids: [bid(1, 1, 101, 5, { postOnly: true })],
    asks: [ask(2, 2, 102, 3)],
  },
  {
    name: 'amend - the same price and size is INVALID_ORDER',
    setup: [buy(1, 1, 100, 5)],
    command: amend(1, 1, { price: 100, size: 5 }),
    events: [rejected(2, 1, 1, 'INVALID_ORDER')],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'amend - neither price nor size is INVALID_ORDER',
    setup: [buy(1, 1, 100, 5)],
    command: amend(1, 1, {}),
    events: [rejected(2, 1, 1, 'INVALID_ORDER')],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'amend - an invalid price is INVALID_PRICE',
    setup: [buy(1, 1, 100, 5)],
    command: amend(1, 1, { price: 0 }),
    events: [rejected(2, 1, 1, 'INVALID_PRICE')],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'amend - an invalid size is INVALID_SIZE',
    setup: [buy(1, 1, 100, 5)],
    command: amend(1, 1, { size: 2.5 }),
    events: [rejected(2, 1, 1, 'INVALID_SIZE')],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'amend - an unknown (or already filled) order is UNKNOWN_ORDER',
    setup: [buy(1, 1, 100, 5), sell(2, 2, 100, 5)],
    command: amend(1, 1, { size: 1 }),
    events: [rejected(4, 1, 1, 'UNKNOWN_ORDER')],
  },
  {
    name: 'amend - another account’s order is NOT_ORDER_OWNER',
    setup: [buy(1, 1, 100, 5)],
    command: amend(1, 2, { size: 1 }),
    events: [rejected(2, 1, 2, 'NOT_ORDER_OWNER')],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'amend - size limits apply',
    config: { maxSize: 10 },
    setup: [buy(1, 1, 100, 5)],
    command: amend(1, 1, { size: 11 }),
    events: [rejected(2, 1, 1, 'SIZE_TOO_LARGE')],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'amend - min notional applies to the new price × size',
    config: { minNotional: 300 },
    setup: [buy(1, 1, 100, 5)],
    command: amend(1, 1, { size: 2 }),
    events: [rejected(2, 1, 1, 'NOTIONAL_TOO_SMALL')],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'amend - the price band applies to the new price',
    config: BAND,
    setup: [buy(1, 1, 100, 5)],
    command: amend(1, 1, { price: 98 }),
    events: [rejected(2, 1, 1, 'PRICE_BAND')],
    bids: [bid(1, 1, 100, 5)],
  },

  {
    name: 'amend - reading: the band applies even when only the size changes',
    config: BAND,
    setup: [buy(1, 1, 99, 5), sell(2, 2, 101, 1), buy(3, 3, 101, 1)],
    command: amend(1, 1, { size: 4 }),
    events: [rejected(5, 1, 1, 'PRICE_BAND')],
    bids: [bid(1, 1, 99, 5)],
    lastPrice: 101,
  },
  {
    name: 'amend - reading: another account’s stop is NOT_ORDER_OWNER before NOT_AMENDABLE',
    setup: [order('BUY', 'STOP_LIMIT', 1, 1, { stopPrice: 105, price: 106, size: 2 })],
    command: amend(1, 2, { size: 1 }),
    events: [rejected(2, 1, 2, 'NOT_ORDER_OWNER')],
    stops: [waiting(1, 1, 'BUY', 'STOP_LIMIT', 105, 106, 2)],
  },

  // cancel ------------------------------------------------------------------------------------
  {
    name: 'cancel - a resting order: Cancelled (USER) with its open size',
    setup: [buy(1, 1, 100, 10), sell(2, 2, 100, 4)],
    command: cancel(1, 1),
    events: [cancelled(4, 1, 1, 6, 0, 'USER')],
    lastPrice: 100,
  },
  {
    name: 'cancel - an unknown id is UNKNOWN_ORDER',
    setup: [buy(1, 1, 100, 5)],
    command: cancel(5, 1),
    events: [rejected(2, 5, 1, 'UNKNOWN_ORDER')],
    bids: [bid(1, 1, 100, 5)],
  },
  {
    name: 'cancel - an id that is not a valid order id is UNKNOWN_ORDER',
    command: cancel(0, 1),
    events: [rejected(1, 0, 1, 'UNKNOWN_ORDER')],
  },
  {
    name: 'cancel - a filled order is no longer live: UNKNOWN_ORDER',
    setup: [buy(1, 1, 100, 5), sell(2, 2, 100, 5)],
    command: cancel(1, 1),
    events: [rejected(4, 1, 1, 'UNKNOWN_ORDER')],
  },
  {
    name: 'cancel - another account’s order is NOT_ORDER_OWNER',
    setup: [buy(1, 1, 100, 5)],
    command: cancel(1, 2),
    events: [rejected(2, 1, 2, 'NOT_ORDER_OWNER')],
    bids: [bid(1, 1, 100, 5)],
  },

  // cancelAll ---------------------------------------------------------------------------------
  {
    name: 'cancelAll - orders and stops of the account, in placement order',
    setup: [
      buy(1, 1, 100, 2),
      sell(2, 2, 105, 1),
      order('BUY', 'STOP_MARKET', 3, 1, { stopPrice: 110, size: 1 }),
      sell(4, 1, 104, 3),
      buy(5, 1, 101, 1),
      buy(6, 2, 99, 1),
    ],
    command: cancelAll(1),
    events: [
      cancelled(7, 1, 1, 2, 0, 'USER'),
      cancelled(8, 3, 1, 1, 0, 'USER'),
      cancelled(9, 4, 1, 3, 0, 'USER'),
      cancelled(10, 5, 1, 1, 0, 'USER'),
    ],
    bids: [bid(6, 2, 99, 1)],
    asks: [ask(2, 2, 105, 1)],
  },
  {
    name: 'cancelAll - reading: an amend does not change placement order',
    setup: [buy(1, 1, 100, 2), buy(2, 1, 101, 2), amend(1, 1, { price: 102 })],
    command: cancelAll(1),
    events: [cancelled(4, 1, 1, 2, 0, 'USER'), cancelled(5, 2, 1, 2, 0, 'USER')],
  },
  {
    name: 'cancelAll - reading: a triggered stop keeps the placement of its stop',
    setup: [
      buy(1, 1, 90, 1),
      order('SELL', 'STOP_LIMIT', 2, 1, { stopPrice: 100, price: 100, size: 1 }),
      buy(3, 1, 95, 1),
      sell(4, 2, 100, 1),
      buy(5, 3, 100, 1),
    ],
    command: cancelAll(1),
    events: [
      cancelled(8, 1, 1, 1, 0, 'USER'),
      cancelled(9, 2, 1, 1, 0, 'USER'),
      cancelled(10, 3, 1, 1, 0, 'USER'),
    ],
    lastPrice: 100,
  },
  {
    name: 'cancelAll - placement order (acceptedSeq) across asks, stops and bids, not priority order',
    setup: [
      sell(1, 1, 105, 1),
      order('SELL', 'STOP_LIMIT', 2, 1, { stopPrice: 90, price: 89, size: 1 }),
      buy(3, 1, 99, 1, { postOnly: true }),
      sell(4, 1, 104, 2),
      buy(5, 1, 100, 1),
      amend(1, 1, { price: 103 }),
      amend(3, 1, { size: 3 }),
    ],
    command: cancelAll(1),
    events: [
      cancelled(8, 1, 1, 1, 0, 'USER'),
      cancelled(9, 2, 1, 1, 0, 'USER'),
      cancelled(10, 3, 1, 3, 0, 'USER'),
      cancelled(11, 4, 1, 2, 0, 'USER'),
      cancelled(12, 5, 1, 1, 0, 'USER'),
    ],
  },
  {
    name: 'amend - post-only flag kept across a priority-losing amend: a later crossing amend is rejected',
    setup: [
      buy(1, 1, 99, 2, { postOnly: true }),
      sell(2, 2, 101, 1),
      buy(3, 3, 99, 1),
      amend(1, 1, { price: 100 }),
    ],
    command: amend(1, 1, { price: 101 }),
    events: [rejected(5, 1, 1, 'POST_ONLY_WOULD_TAKE')],
    bids: [bid(1, 1, 100, 2, { postOnly: true, acceptedSeq: 1 }), bid(3, 3, 99, 1, { acceptedSeq: 3 })],
    asks: [ask(2, 2, 101, 1, { acceptedSeq: 2 })],
  },
  {
    name: 'cancelAll - nothing to cancel: no events',
    setup: [buy(1, 2, 100, 1)],
    command: cancelAll(1),
    events: [],
    bids: [bid(1, 2, 100, 1)],
  },

  // market status -----------------------------------------------------------------------------
  {
    name: 'status - setStatus emits StatusChanged',
    setup: [buy(1, 1, 100, 1)],
    command: setStatus('HALTED'),
    events: [statusChanged(2, 'HALTED')],
    bids: [bid(1, 1, 100, 1)],
    status: 'HALTED',
  },
  {
    name: 'status - setStatus works while halted',
    setup: [setStatus('HALTED')],
    command: setStatus('OPEN'),
    events: [statusChanged(2, 'OPEN')],
  },
  {
    name: 'status HALTED - a place is MARKET_HALTED',
    setup: [setStatus('HALTED')],
    command: buy(1, 1, 100, 1, { postOnly: true }),
    events: [rejected(2, 1, 1, 'MARKET_HALTED')],
    status: 'HALTED',
  },
  {
    name: 'status HALTED - a cancel is MARKET_HALTED',
    setup: [buy(1, 1, 100, 1), setStatus('HALTED')],
    command: cancel(1, 1),
    events: [rejected(3, 1, 1, 'MARKET_HALTED')],
    bids: [bid(1, 1, 100, 1)],
    status: 'HALTED',
  },
  {
    name: 'status HALTED - cancelAll is MARKET_HALTED with orderId 0',
    setup: [buy(1, 1, 100, 1), setStatus('HALTED')],
    command: cancelAll(1),
    events: [rejected(3, 0, 1, 'MARKET_HALTED')],
    bids: [bid(1, 1, 100, 1)],
    status: 'HALTED',
  },
  {
    name: 'status HALTED - an amend is MARKET_HALTED',
    setup: [buy(1, 1, 100, 2), setStatus('HALTED')],
    command: amend(1, 1, { size: 1 }),
    events: [rejected(3, 1, 1, 'MARKET_HALTED')],
    bids: [bid(1, 1, 100, 2)],
    status: 'HALTED',
  },
  {
    name: 'status CANCEL_ONLY - a place is MARKET_CANCEL_ONLY',
    setup: [setStatus('CANCEL_ONLY')],
    command: buy(1, 1, 100, 1, { postOnly: true }),
    events: [rejected(2, 1, 1, 'MARKET_CANCEL_ONLY')],
    status: 'CANCEL_ONLY',
  },
  {
    name: 'status CANCEL_ONLY - an amend is MARKET_CANCEL_ONLY',
    setup: [buy(1, 1, 100, 2), setStatus('CANCEL_ONLY')],
    command: amend(1, 1, { size: 1 }),
    events: [rejected(3, 1, 1, 'MARKET_CANCEL_ONLY')],
    bids: [bid(1, 1, 100, 2)],
    status: 'CANCEL_ONLY',
  },
  {
    name: 'status CANCEL_ONLY - cancel works',
    setup: [buy(1, 1, 100, 2), setStatus('CANCEL_ONLY')],
    command: cancel(1, 1),
    events: [cancelled(3, 1, 1, 2, 0, 'USER')],
    status: 'CANCEL_ONLY',
  },
  {
    name: 'status CANCEL_ONLY - cancelAll works',
    setup: [
      buy(1, 1, 100, 2),
      order('SELL', 'STOP_MARKET', 2, 1, { stopPrice: 90, size: 1 }),
      setStatus('CANCEL_ONLY'),
    ],
    command: cancelAll(1),
    events: [cancelled(4, 1, 1, 2, 0, 'USER'), cancelled(5, 2, 1, 1, 0, 'USER')],
    status: 'CANCEL_ONLY',
  },
  {
    name: 'status POST_ONLY - a plain LIMIT is MARKET_POST_ONLY',
    setup: [setStatus('POST_ONLY')],
    command: buy(1, 1, 100, 1),
    events: [rejected(2, 1, 1, 'MARKET_POST_ONLY')],
    status: 'POST_ONLY',
  },
  {
    name: 'status POST_ONLY - an IOC is MARKET_POST_ONLY',
    setup: [setStatus('POST_ONLY')],
    command: order('BUY', 'IOC', 1, 1, { price: 100, size: 1 }),
    events: [rejected(2, 1, 1, 'MARKET_POST_ONLY')],
    status: 'POST_ONLY',
  },
  {
    name: 'status POST_ONLY - a post-only LIMIT is accepted',
    setup: [setStatus('POST_ONLY')],
    command: buy(1, 1, 100, 1, { postOnly: true }),
    events: [accepted(2, 1, 1, 'BUY', 'LIMIT', 100, 1)],
    bids: [bid(1, 1, 100, 1, { postOnly: true })],
    status: 'POST_ONLY',
  },
  {
    name: 'status POST_ONLY - a crossing post-only LIMIT is POST_ONLY_WOULD_TAKE',
    setup: [sell(1, 2, 100, 1), setStatus('POST_ONLY')],
    command: buy(2, 1, 100, 1, { postOnly: true }),
    events: [rejected(3, 2, 1, 'POST_ONLY_WOULD_TAKE')],
    asks: [ask(1, 2, 100, 1)],
    status: 'POST_ONLY',
  },
  {
    name: 'status POST_ONLY - an amend that does not cross is accepted',
    setup: [buy(1, 1, 100, 2), sell(2, 2, 103, 1), setStatus('POST_ONLY')],
    command: amend(1, 1, { price: 102 }),
    events: [amended(4, 1, 1, 102, 2, false)],
    bids: [bid(1, 1, 102, 2)],
    asks: [ask(2, 2, 103, 1)],
    status: 'POST_ONLY',
  },
  {
    name: 'status POST_ONLY - an amend that would cross is MARKET_POST_ONLY',
    setup: [buy(1, 1, 100, 2), sell(2, 2, 103, 1), setStatus('POST_ONLY')],
    command: amend(1, 1, { price: 103 }),
    events: [rejected(4, 1, 1, 'MARKET_POST_ONLY')],
    bids: [bid(1, 1, 100, 2)],
    asks: [ask(2, 2, 103, 1)],
    status: 'POST_ONLY',
  },

  {
    name: 'status POST_ONLY - reading: a post-only order’s crossing amend is MARKET_POST_ONLY (status first)',
    setup: [buy(1, 1, 100, 2, { postOnly: true }), sell(2, 2, 103, 1), setStatus('POST_ONLY')],
    command: amend(1, 1, { price: 104 }),
    events: [rejected(4, 1, 1, 'MARKET_POST_ONLY')],
    bids: [bid(1, 1, 100, 2, { postOnly: true })],
    asks: [ask(2, 2, 103, 1)],
    status: 'POST_ONLY',
  },

  // validation --------------------------------------------------------------------------------
  {
    name: 'validation - an id in use by a resting order is DUPLICATE_ORDER_ID',
    setup: [buy(1, 1, 100, 1)],
    command: sell(1, 2, 105, 1),
    events: [rejected(2, 1, 2, 'DUPLICATE_ORDER_ID')],
    bids: [bid(1, 1, 100, 1)],
  },
  {
    name: 'validation - an id in use by a waiting stop is DUPLICATE_ORDER_ID',
    setup: [order('BUY', 'STOP_MARKET', 1, 1, { stopPrice: 110, size: 1 })],
    command: buy(1, 1, 100, 1),
    events: [rejected(2, 1, 1, 'DUPLICATE_ORDER_ID')],
    stops: [waiting(1, 1, 'BUY', 'STOP_MARKET', 110, 0, 1)],
  },
  {
    name: 'validation - the id of a filled order may be used again',
    setup: [buy(1, 1, 100, 5), sell(2, 2, 100, 5)],
    command: buy(1, 1, 99, 1),
    events: [accepted(4, 1, 1, 'BUY', 'LIMIT', 99, 1)],
    bids: [bid(1, 1, 99, 1)],
  },
  {
    name: 'validation - reading: a non-positive order id is INVALID_ORDER',
    command: buy(0, 1, 100, 1),
    events: [rejected(1, 0, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation - reading: a fractional order id is INVALID_ORDER',
    command: sell(1.5, 1, 100, 1),
    events: [rejected(1, 1.5, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation - a zero price is INVALID_PRICE',
    command: buy(1, 1, 0, 1),
    events: [rejected(1, 1, 1, 'INVALID_PRICE')],
  },
  {
    name: 'validation - a fractional price is INVALID_PRICE',
    command: order('SELL', 'IOC', 1, 1, { price: 100.5, size: 1 }),
    events: [rejected(1, 1, 1, 'INVALID_PRICE')],
  },
  {
    name: 'validation - a missing size is INVALID_SIZE',
    command: order('BUY', 'FOK', 1, 1, { price: 100 }),
    events: [rejected(1, 1, 1, 'INVALID_SIZE')],
  },
  {
    name: 'validation - a negative size is INVALID_SIZE',
    command: order('SELL', 'MARKET', 1, 1, { size: -1 }),
    events: [rejected(1, 1, 1, 'INVALID_SIZE')],
  },
  {
    name: 'validation - FOK_BUDGET without a quote is INVALID_QUOTE',
    command: order('BUY', 'FOK_BUDGET', 1, 1, { size: 1 }),
    events: [rejected(1, 1, 1, 'INVALID_QUOTE')],
  },
  {
    name: 'validation - MARKET by quote with a zero quote is INVALID_QUOTE',
    command: order('BUY', 'MARKET', 1, 1, { quote: 0 }),
    events: [rejected(1, 1, 1, 'INVALID_QUOTE')],
  },
  {
    name: 'validation - a stop without stopPrice is INVALID_STOP_PRICE',
    command: order('BUY', 'STOP_LIMIT', 1, 1, { price: 100, size: 1 }),
    events: [rejected(1, 1, 1, 'INVALID_STOP_PRICE')],
  },
  {
    name: 'validation - postOnly on an IOC is INVALID_ORDER',
    command: order('BUY', 'IOC', 1, 1, { price: 100, size: 1, postOnly: true }),
    events: [rejected(1, 1, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation - reading: postOnly: false on an IOC is INVALID_ORDER too (present = not undefined)',
    command: order('BUY', 'IOC', 1, 1, { price: 100, size: 1, postOnly: false }),
    events: [rejected(1, 1, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation - reading: MARKET SELL with only a quote is INVALID_SIZE',
    command: order('SELL', 'MARKET', 1, 1, { quote: 100 }),
    events: [rejected(1, 1, 1, 'INVALID_SIZE')],
  },
  {
    name: 'validation - a price on a MARKET order is INVALID_ORDER',
    command: order('BUY', 'MARKET', 1, 1, { price: 100, size: 1 }),
    events: [rejected(1, 1, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation - a quote on a LIMIT order is INVALID_ORDER',
    command: buy(1, 1, 100, 1, { quote: 100 }),
    events: [rejected(1, 1, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation - a stopPrice on a FOK order is INVALID_ORDER',
    command: order('SELL', 'FOK', 1, 1, { price: 100, size: 1, stopPrice: 90 }),
    events: [rejected(1, 1, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation - MARKET BUY with both size and quote is INVALID_ORDER',
    command: order('BUY', 'MARKET', 1, 1, { size: 1, quote: 100 }),
    events: [rejected(1, 1, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation - below minSize is SIZE_TOO_SMALL',
    config: { minSize: 2 },
    command: buy(1, 1, 100, 1),
    events: [rejected(1, 1, 1, 'SIZE_TOO_SMALL')],
  },
  {
    name: 'validation - above maxSize is SIZE_TOO_LARGE (stops too)',
    config: { maxSize: 10 },
    command: order('SELL', 'STOP_MARKET', 1, 1, { stopPrice: 90, size: 11 }),
    events: [rejected(1, 1, 1, 'SIZE_TOO_LARGE')],
  },
  {
    name: 'validation - a LIMIT below min notional is NOTIONAL_TOO_SMALL',
    config: { minNotional: 1000 },
    command: buy(1, 1, 100, 9),
    events: [rejected(1, 1, 1, 'NOTIONAL_TOO_SMALL')],
  },
  {
    name: 'validation - a LIMIT exactly at min notional is accepted',
    config: { minNotional: 1000 },
    command: buy(1, 1, 100, 10),
    events: [accepted(1, 1, 1, 'BUY', 'LIMIT', 100, 10)],
    bids: [bid(1, 1, 100, 10)],
  },
  {
    name: 'validation - a STOP_LIMIT’s notional is its limit price × size',
    config: { minNotional: 1000 },
    command: order('BUY', 'STOP_LIMIT', 1, 1, { stopPrice: 200, price: 99, size: 10 }),
    events: [rejected(1, 1, 1, 'NOTIONAL_TOO_SMALL')],
  },
  {
    name: 'validation - a MARKET quote below min notional is NOTIONAL_TOO_SMALL',
    config: { minNotional: 1000 },
    command: order('BUY', 'MARKET', 1, 1, { quote: 999 }),
    events: [rejected(1, 1, 1, 'NOTIONAL_TOO_SMALL')],
  },
  {
    name: 'validation - a FOK_BUDGET budget below min notional is NOTIONAL_TOO_SMALL',
    config: { minNotional: 1000 },
    command: order('SELL', 'FOK_BUDGET', 1, 1, { size: 100, quote: 999 }),
    events: [rejected(1, 1, 1, 'NOTIONAL_TOO_SMALL')],
  },
  {
    name: 'validation - MARKET by size and STOP_MARKET are not checked for notional',
    config: { minNotional: 1000 },
    setup: [order('SELL', 'STOP_MARKET', 1, 1, { stopPrice: 90, size: 1 })],
    command: order('BUY', 'MARKET', 2, 1, { size: 1 }),
    events: [accepted(2, 2, 1, 'BUY', 'MARKET', 0, 1), expired(3, 2, 1, 1, 0, 'NO_LIQUIDITY')],
    stops: [waiting(1, 1, 'SELL', 'STOP_MARKET', 90, 0, 1)],
  },
  {
    name: 'validation - a price exactly at the band edge is accepted',
    config: BAND,
    command: sell(1, 1, 101, 1),
    events: [accepted(1, 1, 1, 'SELL', 'LIMIT', 101, 1)],
    asks: [ask(1, 1, 101, 1)],
  },
  {
    name: 'validation - a price beyond the band around referencePrice is PRICE_BAND',
    config: BAND,
    command: order('BUY', 'FOK', 1, 1, { price: 102, size: 1 }),
    events: [rejected(1, 1, 1, 'PRICE_BAND')],
  },
  {
    name: 'validation - the band is around the last trade price once there is one',
    config: BAND,
    setup: [sell(1, 2, 101, 1), buy(2, 3, 101, 1)],
    command: order('BUY', 'IOC', 3, 1, { price: 102, size: 1 }),
    events: [accepted(4, 3, 1, 'BUY', 'IOC', 102, 1), expired(5, 3, 1, 1, 0, 'IOC')],
    lastPrice: 101,
  },
  {
    name: 'validation - no reference price and no trade: no band',
    config: { priceBandBps: 100 },
    command: buy(1, 1, 5, 1),
    events: [accepted(1, 1, 1, 'BUY', 'LIMIT', 5, 1)],
    bids: [bid(1, 1, 5, 1)],
  },
  {
    name: 'validation order - market status before a duplicate id',
    setup: [buy(1, 1, 100, 1), setStatus('CANCEL_ONLY')],
    command: buy(1, 1, 100, 1),
    events: [rejected(3, 1, 1, 'MARKET_CANCEL_ONLY')],
    bids: [bid(1, 1, 100, 1)],
    status: 'CANCEL_ONLY',
  },
  {
    name: 'validation order - a duplicate id before an invalid price',
    setup: [buy(1, 1, 100, 1)],
    command: buy(1, 1, -5, 1),
    events: [rejected(2, 1, 1, 'DUPLICATE_ORDER_ID')],
    bids: [bid(1, 1, 100, 1)],
  },
  {
    name: 'validation order - fields before size limits',
    config: { maxSize: 10 },
    command: order('BUY', 'IOC', 1, 1, { price: 100, size: 11, postOnly: true }),
    events: [rejected(1, 1, 1, 'INVALID_ORDER')],
  },
  {
    name: 'validation order - size limits before min notional',
    config: { minSize: 5, minNotional: 1000 },
    command: buy(1, 1, 100, 4),
    events: [rejected(1, 1, 1, 'SIZE_TOO_SMALL')],
  },
  {
    name: 'validation order - min notional before the price band',
    config: { ...BAND, minNotional: 1000 },
    command: buy(1, 1, 50, 1),
    events: [rejected(1, 1, 1, 'NOTIONAL_TOO_SMALL')],
  },
  {
    name: 'validation order - the price band before post-only',
    config: BAND,
    setup: [sell(1, 2, 100, 1)],
    command: buy(2, 1, 102, 1, { postOnly: true }),
    events: [rejected(2, 2, 1, 'PRICE_BAND')],
    asks: [ask(1, 2, 100, 1)],
  },
  {
    name: 'validation order - the price band before FOK feasibility',
    config: BAND,
    command: order('SELL', 'FOK', 1, 1, { price: 98, size: 1 }),
    events: [rejected(1, 1, 1, 'PRICE_BAND')],
  },
  {
    name: 'validation order - size limits before STOP_WOULD_TRIGGER',
    config: { maxSize: 10 },
    setup: [sell(1, 2, 100, 1), buy(2, 3, 100, 1)],
    command: order('BUY', 'STOP_MARKET', 3, 1, { stopPrice: 100, size: 11 }),
    events: [rejected(4, 3, 1, 'SIZE_TOO_LARGE')],
  },
];

// --- runner -----------------------------------------------------------------------------------

function expectSane(book: OrderBook): void {
  const bids = book.orders('BUY');
  const asks = book.orders('SELL');
  expect(book.depth(1_000)).toEqual({ bids: levelsOf(bids), asks: levelsOf(asks) });
  expect(book.bestBid()).toBe(bids[0]?.price ?? null);
  expect(book.bestAsk()).toBe(asks[0]?.price ?? null);
  const full = book.depth(1_000);
  expect(book.depth(1)).toEqual({ bids: full.bids.slice(0, 1), asks: full.asks.slice(0, 1) });
  if (bids[0] !== undefined && asks[0] !== undefined) expect(bids[0].price).toBeLessThan(asks[0].price);
}

/** Drains the book with cancelAll per account and checks it ends empty. */
function drain(book: OrderBook): void {
  if (book.status === 'HALTED') book.process(setStatus('OPEN'));
  const accounts = new Set(
    [...book.orders('BUY'), ...book.orders('SELL'), ...book.stops()].map((o) => o.account),
  );
  for (const account of accounts) {
    const events = book.process(cancelAll(account));
    expect(events.every((e) => e.type === 'Cancelled')).toBe(true);
  }
  expect(book.depth(1_000)).toEqual({ bids: [], asks: [] });
  expect(book.stops()).toEqual([]);
}

function runCase(c: Case, create: BookFactory, restored: boolean): void {
  const config: BookConfig = { ...BASE, ...c.config };
  let book = create(config);
  const acceptedSeqs = new Map<number, number>();
  const record = (events: readonly BookEvent[]): void => {
    for (const e of events) if (e.type === 'Accepted') acceptedSeqs.set(e.orderId, e.seq);
  };
  for (const command of c.setup ?? []) {
    const events = book.process(command);
    record(events);
    expect(events.filter((e) => e.type === 'Rejected')).toEqual([]);
  }
  if (restored) {
    const snapshot = JSON.parse(JSON.stringify(book.snapshot())) as BookSnapshot;
    book = create(snapshot.config, snapshot);
  }
  const seqBefore = book.seq;
  const events = book.process(c.command);
  record(events);
  expect(events).toEqual(c.events);
  expect(book.seq).toBe(seqBefore + events.length);
  const bids = withAcceptedSeq(c.bids ?? [], acceptedSeqs);
  const asks = withAcceptedSeq(c.asks ?? [], acceptedSeqs);
  expect(book.orders('BUY')).toEqual(bids);
  expect(book.orders('SELL')).toEqual(asks);
  expect(book.depth(1_000)).toEqual({ bids: levelsOf(bids), asks: levelsOf(asks) });
  expect(book.stops()).toEqual(withAcceptedSeq(c.stops ?? [], acceptedSeqs));
  expect(book.status).toBe(c.status ?? 'OPEN');
  if (c.lastPrice !== undefined) expect(book.lastPrice).toBe(c.lastPrice);
  expectSane(book);
  const snapshot = book.snapshot();
  expect(create(snapshot.config, snapshot).stateHash()).toBe(book.stateHash());
  drain(book);
}

describe.each(books)('book conformance: %s', (_name, create) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_title, c) => runCase(c, create, false));
  it.each(cases.map((c) => [c.name, c] as const))('restored from a snapshot - %s', (_title, c) =>
    runCase(c, create, true),
  );
});

describe('book conformance: the table itself', () => {
  it('book conformance - covers at least 60 cases with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('book conformance - implementations agree on the state hash of every final book', () => {
    for (const c of cases) {
      const config: BookConfig = { ...BASE, ...c.config };
      const hashes = books.map(([, create]) => {
        const book = create(config);
        for (const command of [...(c.setup ?? []), c.command]) book.process(command);
        return book.stateHash();
      });
      expect(new Set(hashes).size, c.name).toBe(1);
    }
  });
});
