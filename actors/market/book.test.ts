import { describe, expect, it } from 'vitest';

import { createHash } from 'node:crypto';

import { canonicalJson, snapshotHash } from './book-hash.ts';
import { createBook } from './book.ts';
import { EventBuffer } from './event-buffer.ts';
import type {
  Accepted,
  BookCommand,
  BookConfig,
  BookEvent,
  Cancelled,
  CancelReason,
  ExpireReason,
  Expired,
  Fill,
  OrderBook,
  OrderType,
  PlaceOrder,
  RestingOrder,
  RejectCode,
  Rejected,
  Side,
  StpMode,
} from './types.ts';

const CONFIG: BookConfig = { symbol: 'TEST', minSize: 1, maxSize: 1000, minNotional: 0, priceBandBps: 0 };

type Body<E> = Omit<E, 'seq'>;
type AnyBody = BookEvent extends infer E ? (E extends BookEvent ? Omit<E, 'seq'> : never) : never;

function place(
  orderId: number,
  account: number,
  side: Side,
  orderType: OrderType,
  fields: Partial<Omit<PlaceOrder, 'type' | 'orderId' | 'account' | 'side' | 'orderType'>> = {},
): PlaceOrder {
  return { type: 'place', orderId, account, side, orderType, ...fields };
}

function limit(
  orderId: number,
  account: number,
  side: Side,
  price: number,
  size: number,
  fields: Partial<PlaceOrder> = {},
): PlaceOrder {
  return place(orderId, account, side, 'LIMIT', { price, size, ...fields });
}

function accepted(
  orderId: number,
  account: number,
  side: Side,
  orderType: OrderType,
  price: number,
  size: number,
): Body<Accepted> {
  return { type: 'Accepted', orderId, account, side, orderType, price, size };
}

function fill(
  maker: [orderId: number, account: number],
  taker: [orderId: number, account: number, side: Side],
  price: number,
  size: number,
  makerRemaining: number,
  takerRemaining: number,
): Body<Fill> {
  return {
    type: 'Fill',
    makerOrderId: maker[0],
    makerAccount: maker[1],
    takerOrderId: taker[0],
    takerAccount: taker[1],
    takerSide: taker[2],
    price,
    size,
    makerRemaining,
    takerRemaining,
  };
}

function cancelled(
  orderId: number,
  account: number,
  size: number,
  remaining: number,
  reason: CancelReason,
): Body<Cancelled> {
  return { type: 'Cancelled', orderId, account, size, remaining, reason };
}

function expired(
  orderId: number,
  account: number,
  size: number,
  quoteLeft: number,
  reason: ExpireReason,
): Body<Expired> {
  return { type: 'Expired', orderId, account, size, quoteLeft, reason };
}

function rejected(orderId: number, account: number, code: RejectCode): Body<Rejected> {
  return { type: 'Rejected', orderId, account, code };
}

/** Runs commands whose events are not under test. */
function setup(book: OrderBook, ...commands: BookCommand[]): void {
  for (const command of commands) book.process(command);
}

/** Asserts the exact events, numbered from `book.seq + 1` before the command. */
function expectEvents(book: OrderBook, command: BookCommand, bodies: AnyBody[]): void {
  const first = book.seq + 1;
  expect(book.process(command)).toEqual(bodies.map((body, i) => ({ ...body, seq: first + i })));
  expect(book.seq).toBe(first + bodies.length - 1);
}

function ids(book: OrderBook, side: Side): [orderId: number, size: number][] {
  return book.orders(side).map((o) => [o.orderId, o.size]);
}

describe('book - LIMIT', () => {
  it('book - a LIMIT that does not cross rests and shows in depth, L3 and best price', () => {
    const book = createBook(CONFIG);
    expect(book.process(limit(1, 10, 'BUY', 100, 5))).toEqual([
      {
        type: 'Accepted',
        seq: 1,
        orderId: 1,
        account: 10,
        side: 'BUY',
        orderType: 'LIMIT',
        price: 100,
        size: 5,
      },
    ]);
    expect(book.depth(5)).toEqual({ bids: [[100, 5, 1]], asks: [] });
    expect(book.orders('BUY')).toEqual([
      {
        orderId: 1,
        account: 10,
        stpGroup: 10,
        side: 'BUY',
        price: 100,
        size: 5,
        stp: 'NONE',
        postOnly: false,
        acceptedSeq: 1,
      },
    ]);
    expect(book.bestBid()).toBe(100);
    expect(book.bestAsk()).toBeNull();
    expect(book.lastPrice).toBeNull();
  });

  it('book - a crossing LIMIT fills best price then time priority at maker prices and rests the rest', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 101, 3), limit(2, 2, 'SELL', 101, 2), limit(3, 3, 'SELL', 102, 4));
    expectEvents(book, limit(4, 9, 'BUY', 102, 10), [
      accepted(4, 9, 'BUY', 'LIMIT', 102, 10),
      fill([1, 1], [4, 9, 'BUY'], 101, 3, 0, 7),
      fill([2, 2], [4, 9, 'BUY'], 101, 2, 0, 5),
      fill([3, 3], [4, 9, 'BUY'], 102, 4, 0, 1),
    ]);
    expect(book.depth(10)).toEqual({ bids: [[102, 1, 1]], asks: [] });
    expect(book.lastPrice).toBe(102);
  });

  it('book - a LIMIT stops at its limit price and leaves worse levels alone', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 100, 2), limit(2, 1, 'BUY', 98, 2));
    expectEvents(book, limit(3, 2, 'SELL', 99, 5), [
      accepted(3, 2, 'SELL', 'LIMIT', 99, 5),
      fill([1, 1], [3, 2, 'SELL'], 100, 2, 0, 3),
    ]);
    expect(book.depth(10)).toEqual({ bids: [[98, 2, 1]], asks: [[99, 3, 1]] });
  });

  it('book - a post-only LIMIT that would cross is rejected and changes nothing', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 101, 1));
    expectEvents(book, limit(2, 2, 'BUY', 101, 1, { postOnly: true }), [
      rejected(2, 2, 'POST_ONLY_WOULD_TAKE'),
    ]);
    expect(book.orders('BUY')).toEqual([]);
    expect(ids(book, 'SELL')).toEqual([[1, 1]]);
    expectEvents(book, limit(2, 2, 'BUY', 100, 1, { postOnly: true }), [
      accepted(2, 2, 'BUY', 'LIMIT', 100, 1),
    ]);
    expect(book.depth(1)).toEqual({ bids: [[100, 1, 1]], asks: [[101, 1, 1]] });
  });
});

describe('book - IOC, FOK, FOK_BUDGET, MARKET', () => {
  it('book - IOC remainder is Expired with reason IOC and never rests', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 2), limit(2, 1, 'SELL', 101, 2));
    expectEvents(book, place(3, 2, 'BUY', 'IOC', { price: 100, size: 5 }), [
      accepted(3, 2, 'BUY', 'IOC', 100, 5),
      fill([1, 1], [3, 2, 'BUY'], 100, 2, 0, 3),
      expired(3, 2, 3, 0, 'IOC'),
    ]);
    expect(book.orders('BUY')).toEqual([]);
    expect(ids(book, 'SELL')).toEqual([[2, 2]]);
  });

  it('book - FOK that cannot fill its whole size within its price is only Rejected', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 2), limit(2, 1, 'SELL', 101, 2));
    const before = book.orders('SELL');
    expectEvents(book, place(3, 2, 'BUY', 'FOK', { price: 100, size: 3 }), [
      rejected(3, 2, 'FOK_UNFILLABLE'),
    ]);
    expect(book.orders('SELL')).toEqual(before);
    expect(book.lastPrice).toBeNull();
    expectEvents(book, place(3, 2, 'BUY', 'FOK', { price: 101, size: 3 }), [
      accepted(3, 2, 'BUY', 'FOK', 101, 3),
      fill([1, 1], [3, 2, 'BUY'], 100, 2, 0, 1),
      fill([2, 1], [3, 2, 'BUY'], 101, 1, 1, 0),
    ]);
  });

  it('book - FOK dry run applies STP: CANCEL_INCOMING on an own order makes it unfillable', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 7, 'SELL', 100, 2), limit(2, 8, 'SELL', 100, 3));
    expectEvents(book, place(3, 7, 'BUY', 'FOK', { price: 100, size: 3, stp: 'CANCEL_INCOMING' }), [
      rejected(3, 7, 'FOK_UNFILLABLE'),
    ]);
    expect(ids(book, 'SELL')).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it('book - FOK dry run applies STP: CANCEL_RESTING skips own orders and cancels them for real', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 7, 'SELL', 100, 2), limit(2, 8, 'SELL', 100, 3));
    expectEvents(book, place(3, 7, 'BUY', 'FOK', { price: 100, size: 4, stp: 'CANCEL_RESTING' }), [
      rejected(3, 7, 'FOK_UNFILLABLE'),
    ]);
    expectEvents(book, place(3, 7, 'BUY', 'FOK', { price: 100, size: 3, stp: 'CANCEL_RESTING' }), [
      accepted(3, 7, 'BUY', 'FOK', 100, 3),
      cancelled(1, 7, 2, 0, 'STP'),
      fill([2, 8], [3, 7, 'BUY'], 100, 3, 0, 0),
    ]);
    expect(book.depth(5)).toEqual({ bids: [], asks: [] });
  });

  it('book - FOK_BUDGET BUY fills only when the total cost is within the quote', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 2), limit(2, 1, 'SELL', 110, 2));
    expectEvents(book, place(3, 2, 'BUY', 'FOK_BUDGET', { size: 3, quote: 309 }), [
      rejected(3, 2, 'FOK_UNFILLABLE'),
    ]);
    expectEvents(book, place(3, 2, 'BUY', 'FOK_BUDGET', { size: 3, quote: 310 }), [
      accepted(3, 2, 'BUY', 'FOK_BUDGET', 0, 3),
      fill([1, 1], [3, 2, 'BUY'], 100, 2, 0, 1),
      fill([2, 1], [3, 2, 'BUY'], 110, 1, 1, 0),
    ]);
  });

  it('book - FOK_BUDGET SELL fills only when the proceeds reach the quote', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 100, 1), limit(2, 1, 'BUY', 90, 5));
    expectEvents(book, place(3, 2, 'SELL', 'FOK_BUDGET', { size: 2, quote: 191 }), [
      rejected(3, 2, 'FOK_UNFILLABLE'),
    ]);
    expectEvents(book, place(3, 2, 'SELL', 'FOK_BUDGET', { size: 2, quote: 190 }), [
      accepted(3, 2, 'SELL', 'FOK_BUDGET', 0, 2),
      fill([1, 1], [3, 2, 'SELL'], 100, 1, 0, 1),
      fill([2, 1], [3, 2, 'SELL'], 90, 1, 4, 0),
    ]);
  });

  it('book - MARKET by size sweeps levels and expires the rest with NO_LIQUIDITY', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 1), limit(2, 1, 'SELL', 105, 1));
    expectEvents(book, place(3, 2, 'BUY', 'MARKET', { size: 3 }), [
      accepted(3, 2, 'BUY', 'MARKET', 0, 3),
      fill([1, 1], [3, 2, 'BUY'], 100, 1, 0, 2),
      fill([2, 1], [3, 2, 'BUY'], 105, 1, 0, 1),
      expired(3, 2, 1, 0, 'NO_LIQUIDITY'),
    ]);
  });

  it('book - MARKET against an empty side is Accepted then Expired, nothing else', () => {
    const book = createBook(CONFIG);
    expectEvents(book, place(1, 2, 'SELL', 'MARKET', { size: 4 }), [
      accepted(1, 2, 'SELL', 'MARKET', 0, 4),
      expired(1, 2, 4, 0, 'NO_LIQUIDITY'),
    ]);
  });

  it('book - MARKET BUY by quote takes the affordable whole lots per level and stops at the first unaffordable one', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 2), limit(2, 1, 'SELL', 150, 5), limit(3, 1, 'SELL', 160, 5));
    expectEvents(book, place(4, 2, 'BUY', 'MARKET', { quote: 520 }), [
      accepted(4, 2, 'BUY', 'MARKET', 0, 0),
      fill([1, 1], [4, 2, 'BUY'], 100, 2, 0, 0),
      fill([2, 1], [4, 2, 'BUY'], 150, 2, 3, 0),
      expired(4, 2, 0, 20, 'NO_LIQUIDITY'),
    ]);
    expect(book.depth(5).asks).toEqual([
      [150, 3, 1],
      [160, 5, 1],
    ]);
  });

  it('book - MARKET BUY by quote that spends its whole quote does not expire', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 5));
    expectEvents(book, place(2, 2, 'BUY', 'MARKET', { quote: 300 }), [
      accepted(2, 2, 'BUY', 'MARKET', 0, 0),
      fill([1, 1], [2, 2, 'BUY'], 100, 3, 2, 0),
    ]);
  });
});

describe('book - self-trade prevention', () => {
  it('book - STP NONE lets own orders trade', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 5, 'SELL', 100, 1));
    expectEvents(book, limit(2, 5, 'BUY', 100, 1, { stp: 'NONE' }), [
      accepted(2, 5, 'BUY', 'LIMIT', 100, 1),
      fill([1, 5], [2, 5, 'BUY'], 100, 1, 0, 0),
    ]);
  });

  it('book - CANCEL_RESTING cancels the own resting order and matching goes on', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 5, 'SELL', 100, 2), limit(2, 6, 'SELL', 100, 2));
    expectEvents(book, limit(3, 5, 'BUY', 100, 3, { stp: 'CANCEL_RESTING' }), [
      accepted(3, 5, 'BUY', 'LIMIT', 100, 3),
      cancelled(1, 5, 2, 0, 'STP'),
      fill([2, 6], [3, 5, 'BUY'], 100, 2, 0, 1),
    ]);
    expect(book.orders('BUY')).toEqual([
      {
        orderId: 3,
        account: 5,
        stpGroup: 5,
        side: 'BUY',
        price: 100,
        size: 1,
        stp: 'CANCEL_RESTING',
        postOnly: false,
        acceptedSeq: 3,
      },
    ]);
  });

  it('book - CANCEL_INCOMING cancels the incoming rest and matching stops', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 6, 'SELL', 100, 1), limit(2, 5, 'SELL', 100, 2), limit(3, 6, 'SELL', 100, 2));
    expectEvents(book, limit(4, 5, 'BUY', 100, 4, { stp: 'CANCEL_INCOMING' }), [
      accepted(4, 5, 'BUY', 'LIMIT', 100, 4),
      fill([1, 6], [4, 5, 'BUY'], 100, 1, 0, 3),
      cancelled(4, 5, 3, 0, 'STP'),
    ]);
    expect(book.orders('BUY')).toEqual([]);
    expect(ids(book, 'SELL')).toEqual([
      [2, 2],
      [3, 2],
    ]);
  });

  it('book - CANCEL_BOTH cancels the resting order, then the incoming rest', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 5, 'SELL', 100, 2), limit(2, 6, 'SELL', 100, 2));
    expectEvents(book, limit(3, 5, 'BUY', 100, 3, { stp: 'CANCEL_BOTH' }), [
      accepted(3, 5, 'BUY', 'LIMIT', 100, 3),
      cancelled(1, 5, 2, 0, 'STP'),
      cancelled(3, 5, 3, 0, 'STP'),
    ]);
    expect(ids(book, 'SELL')).toEqual([[2, 2]]);
    expect(book.orders('BUY')).toEqual([]);
  });

  it('book - DECREMENT_AND_CANCEL with the larger incoming: resting cancelled, incoming decremented, matching goes on', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 5, 'SELL', 100, 2), limit(2, 6, 'SELL', 100, 5));
    expectEvents(book, limit(3, 5, 'BUY', 100, 5, { stp: 'DECREMENT_AND_CANCEL' }), [
      accepted(3, 5, 'BUY', 'LIMIT', 100, 5),
      cancelled(1, 5, 2, 0, 'STP'),
      cancelled(3, 5, 2, 3, 'STP'),
      fill([2, 6], [3, 5, 'BUY'], 100, 3, 2, 0),
    ]);
  });

  it('book - DECREMENT_AND_CANCEL with the larger resting: it is decremented and keeps its priority', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 5, 'SELL', 100, 5), limit(2, 6, 'SELL', 100, 1));
    expectEvents(book, limit(3, 5, 'BUY', 100, 2, { stp: 'DECREMENT_AND_CANCEL' }), [
      accepted(3, 5, 'BUY', 'LIMIT', 100, 2),
      cancelled(1, 5, 2, 3, 'STP'),
      cancelled(3, 5, 2, 0, 'STP'),
    ]);
    expect(ids(book, 'SELL')).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(book.depth(1).asks).toEqual([[100, 4, 2]]);
  });

  it('book - DECREMENT_AND_CANCEL with equal sizes cancels both fully, resting first', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 5, 'SELL', 100, 2));
    expectEvents(book, limit(2, 5, 'BUY', 100, 2, { stp: 'DECREMENT_AND_CANCEL' }), [
      accepted(2, 5, 'BUY', 'LIMIT', 100, 2),
      cancelled(1, 5, 2, 0, 'STP'),
      cancelled(2, 5, 2, 0, 'STP'),
    ]);
    expect(book.depth(5)).toEqual({ bids: [], asks: [] });
  });

  it('book - STP compares stpGroup: other accounts of the group are own, the same account in another group is not', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 5, 'SELL', 100, 1, { stpGroup: 77 }));
    expectEvents(book, limit(2, 6, 'BUY', 100, 1, { stpGroup: 77, stp: 'CANCEL_INCOMING' }), [
      accepted(2, 6, 'BUY', 'LIMIT', 100, 1),
      cancelled(2, 6, 1, 0, 'STP'),
    ]);
    expectEvents(book, limit(3, 5, 'BUY', 100, 1, { stpGroup: 78, stp: 'CANCEL_INCOMING' }), [
      accepted(3, 5, 'BUY', 'LIMIT', 100, 1),
      fill([1, 5], [3, 5, 'BUY'], 100, 1, 0, 0),
    ]);
  });
});

describe('book - stop orders', () => {
  it('book - a stop whose condition already holds is Rejected with STOP_WOULD_TRIGGER', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 1), limit(2, 2, 'BUY', 100, 1));
    expect(book.lastPrice).toBe(100);
    expectEvents(book, place(3, 3, 'BUY', 'STOP_MARKET', { stopPrice: 100, size: 1 }), [
      rejected(3, 3, 'STOP_WOULD_TRIGGER'),
    ]);
    expectEvents(book, place(3, 3, 'SELL', 'STOP_LIMIT', { stopPrice: 100, price: 99, size: 1 }), [
      rejected(3, 3, 'STOP_WOULD_TRIGGER'),
    ]);
    expectEvents(book, place(3, 3, 'BUY', 'STOP_LIMIT', { stopPrice: 101, price: 102, size: 1 }), [
      accepted(3, 3, 'BUY', 'STOP_LIMIT', 102, 1),
    ]);
    expect(book.stops()).toEqual([
      {
        orderId: 3,
        account: 3,
        stpGroup: 3,
        side: 'BUY',
        orderType: 'STOP_LIMIT',
        stopPrice: 101,
        price: 102,
        size: 1,
        stp: 'NONE',
        acceptedSeq: 6,
      },
    ]);
    expect(book.depth(5).bids).toEqual([]);
  });

  it('book - a trade that reaches a stop triggers it: Triggered, then its matching events, no second Accepted', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 1), limit(2, 1, 'SELL', 105, 5));
    expectEvents(book, place(3, 2, 'BUY', 'STOP_MARKET', { stopPrice: 100, size: 2 }), [
      accepted(3, 2, 'BUY', 'STOP_MARKET', 0, 2),
    ]);
    expectEvents(book, limit(4, 3, 'BUY', 100, 1), [
      accepted(4, 3, 'BUY', 'LIMIT', 100, 1),
      fill([1, 1], [4, 3, 'BUY'], 100, 1, 0, 0),
      { type: 'Triggered', orderId: 3, account: 2, lastPrice: 100 },
      fill([2, 1], [3, 2, 'BUY'], 105, 2, 3, 0),
    ]);
    expect(book.stops()).toEqual([]);
    expect(book.lastPrice).toBe(105);
  });

  it('book - stops cascade: SELL stops run highest stop price first, ties in placement order, recomputed after each', () => {
    const book = createBook(CONFIG);
    setup(
      book,
      limit(1, 1, 'BUY', 100, 1),
      limit(2, 1, 'BUY', 99, 1),
      limit(3, 1, 'BUY', 98, 1),
      place(10, 2, 'SELL', 'STOP_MARKET', { stopPrice: 99, size: 1 }),
      place(11, 2, 'SELL', 'STOP_MARKET', { stopPrice: 100, size: 1 }),
      place(12, 3, 'SELL', 'STOP_MARKET', { stopPrice: 100, size: 1 }),
    );
    expectEvents(book, limit(20, 4, 'SELL', 100, 1), [
      accepted(20, 4, 'SELL', 'LIMIT', 100, 1),
      fill([1, 1], [20, 4, 'SELL'], 100, 1, 0, 0),
      { type: 'Triggered', orderId: 11, account: 2, lastPrice: 100 },
      fill([2, 1], [11, 2, 'SELL'], 99, 1, 0, 0),
      { type: 'Triggered', orderId: 12, account: 3, lastPrice: 99 },
      fill([3, 1], [12, 3, 'SELL'], 98, 1, 0, 0),
      { type: 'Triggered', orderId: 10, account: 2, lastPrice: 98 },
      expired(10, 2, 1, 0, 'NO_LIQUIDITY'),
    ]);
    expect(book.stops()).toEqual([]);
  });

  it('book - BUY stops run before SELL stops, lowest BUY stop price first; a triggered STOP_LIMIT rests', () => {
    const book = createBook(CONFIG);
    setup(
      book,
      limit(1, 1, 'SELL', 100, 1),
      place(31, 2, 'SELL', 'STOP_LIMIT', { stopPrice: 101, price: 120, size: 1 }),
      place(30, 2, 'BUY', 'STOP_LIMIT', { stopPrice: 99, price: 90, size: 2 }),
      place(29, 2, 'BUY', 'STOP_LIMIT', { stopPrice: 100, price: 91, size: 3 }),
    );
    expectEvents(book, limit(5, 3, 'BUY', 100, 1), [
      accepted(5, 3, 'BUY', 'LIMIT', 100, 1),
      fill([1, 1], [5, 3, 'BUY'], 100, 1, 0, 0),
      { type: 'Triggered', orderId: 30, account: 2, lastPrice: 100 },
      { type: 'Triggered', orderId: 29, account: 2, lastPrice: 100 },
      { type: 'Triggered', orderId: 31, account: 2, lastPrice: 100 },
    ]);
    expect(ids(book, 'BUY')).toEqual([
      [29, 3],
      [30, 2],
    ]);
    expect(ids(book, 'SELL')).toEqual([[31, 1]]);
  });

  it('book - a stop triggered outside the price band is Triggered then Rejected with PRICE_BAND, and its id is free', () => {
    const book = createBook({ ...CONFIG, priceBandBps: 1000, referencePrice: 100 });
    // The stop price is not banded and the limit price is only checked on trigger.
    expectEvents(book, place(2, 2, 'SELL', 'STOP_LIMIT', { stopPrice: 100, price: 80, size: 1 }), [
      accepted(2, 2, 'SELL', 'STOP_LIMIT', 80, 1),
    ]);
    setup(book, limit(1, 1, 'BUY', 100, 1));
    expectEvents(book, limit(3, 3, 'SELL', 100, 1), [
      accepted(3, 3, 'SELL', 'LIMIT', 100, 1),
      fill([1, 1], [3, 3, 'SELL'], 100, 1, 0, 0),
      { type: 'Triggered', orderId: 2, account: 2, lastPrice: 100 },
      rejected(2, 2, 'PRICE_BAND'),
    ]);
    expect(book.stops()).toEqual([]);
    expectEvents(book, limit(2, 2, 'SELL', 105, 1), [accepted(2, 2, 'SELL', 'LIMIT', 105, 1)]);
  });

  it('book - a waiting stop can be cancelled but not amended, and keeps its id in use', () => {
    const book = createBook(CONFIG);
    setup(book, place(1, 2, 'BUY', 'STOP_MARKET', { stopPrice: 105, size: 3 }));
    expectEvents(book, limit(1, 3, 'BUY', 100, 1), [rejected(1, 3, 'DUPLICATE_ORDER_ID')]);
    expectEvents(book, { type: 'amend', orderId: 1, account: 2, size: 2 }, [rejected(1, 2, 'NOT_AMENDABLE')]);
    expectEvents(book, { type: 'cancel', orderId: 1, account: 2 }, [cancelled(1, 2, 3, 0, 'USER')]);
    expect(book.stops()).toEqual([]);
  });
});

describe('book - amend', () => {
  it('book - amend to a smaller size at the same price keeps priority', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 100, 5), limit(2, 2, 'BUY', 100, 5));
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, size: 3 }, [
      { type: 'Amended', orderId: 1, account: 1, price: 100, size: 3, keptPriority: true },
    ]);
    expect(ids(book, 'BUY')).toEqual([
      [1, 3],
      [2, 5],
    ]);
    expect(book.depth(1).bids).toEqual([[100, 8, 2]]);
  });

  it('book - amend to a larger size loses priority', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 100, 5), limit(2, 2, 'BUY', 100, 5));
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, size: 6 }, [
      { type: 'Amended', orderId: 1, account: 1, price: 100, size: 6, keptPriority: false },
    ]);
    expect(ids(book, 'BUY')).toEqual([
      [2, 5],
      [1, 6],
    ]);
  });

  it('book - amend to another price goes to the back of the new level', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'SELL', 100, 1), limit(2, 2, 'SELL', 101, 1));
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, price: 101, size: 1 }, [
      { type: 'Amended', orderId: 1, account: 1, price: 101, size: 1, keptPriority: false },
    ]);
    expect(ids(book, 'SELL')).toEqual([
      [2, 1],
      [1, 1],
    ]);
    expect(book.depth(5).asks).toEqual([[101, 2, 2]]);
  });

  it('book - a crossing amend emits Amended, then matches as an incoming order and rests the rest', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 99, 5), limit(2, 2, 'SELL', 101, 2));
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, price: 101 }, [
      { type: 'Amended', orderId: 1, account: 1, price: 101, size: 5, keptPriority: false },
      fill([2, 2], [1, 1, 'BUY'], 101, 2, 0, 3),
    ]);
    expect(ids(book, 'BUY')).toEqual([[1, 3]]);
    expect(book.bestBid()).toBe(101);
    expect(book.lastPrice).toBe(101);
  });

  it('book - a crossing amend uses the order own STP mode', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 99, 5, { stp: 'CANCEL_INCOMING' }), limit(2, 1, 'SELL', 101, 2));
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, price: 101 }, [
      { type: 'Amended', orderId: 1, account: 1, price: 101, size: 5, keptPriority: false },
      cancelled(1, 1, 5, 0, 'STP'),
    ]);
    expect(book.orders('BUY')).toEqual([]);
    expectEvents(book, { type: 'cancel', orderId: 1, account: 1 }, [rejected(1, 1, 'UNKNOWN_ORDER')]);
  });

  it('book - a crossing amend of a post-only order is Rejected and the order stays as it was', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 99, 5, { postOnly: true }), limit(2, 2, 'SELL', 101, 2));
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, price: 101 }, [
      rejected(1, 1, 'POST_ONLY_WOULD_TAKE'),
    ]);
    expect(book.depth(5)).toEqual({ bids: [[99, 5, 1]], asks: [[101, 2, 1]] });
  });

  it('book - amend refusals: unknown order, other owner, no change, invalid and out-of-limit sizes', () => {
    const book = createBook({ ...CONFIG, maxSize: 10 });
    setup(book, limit(1, 1, 'BUY', 99, 5));
    const cases: [BookCommand, RejectCode][] = [
      [{ type: 'amend', orderId: 9, account: 1, size: 2 }, 'UNKNOWN_ORDER'],
      [{ type: 'amend', orderId: 1, account: 2, size: 2 }, 'NOT_ORDER_OWNER'],
      [{ type: 'amend', orderId: 1, account: 1, price: 99, size: 5 }, 'INVALID_ORDER'],
      [{ type: 'amend', orderId: 1, account: 1 }, 'INVALID_ORDER'],
      [{ type: 'amend', orderId: 1, account: 1, price: 0 }, 'INVALID_PRICE'],
      [{ type: 'amend', orderId: 1, account: 1, size: 0 }, 'INVALID_SIZE'],
      [{ type: 'amend', orderId: 1, account: 1, size: 11 }, 'SIZE_TOO_LARGE'],
    ];
    for (const [command, code] of cases) {
      const { orderId, account } = command as { orderId: number; account: number };
      expectEvents(book, command, [rejected(orderId, account, code)]);
    }
    expect(ids(book, 'BUY')).toEqual([[1, 5]]);
  });
});

describe('book - cancel and cancelAll', () => {
  it('book - cancel removes a resting order with reason USER; unknown and foreign orders are refused', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 99, 5), limit(2, 1, 'BUY', 99, 1));
    expectEvents(book, { type: 'cancel', orderId: 1, account: 2 }, [rejected(1, 2, 'NOT_ORDER_OWNER')]);
    expectEvents(book, { type: 'cancel', orderId: 1, account: 1 }, [cancelled(1, 1, 5, 0, 'USER')]);
    expectEvents(book, { type: 'cancel', orderId: 1, account: 1 }, [rejected(1, 1, 'UNKNOWN_ORDER')]);
    expect(book.depth(5).bids).toEqual([[99, 1, 1]]);
  });

  it('book - cancelAll cancels the account orders and stops in placement order, an amend not changing it', () => {
    const book = createBook(CONFIG);
    setup(
      book,
      limit(1, 1, 'BUY', 100, 1),
      limit(2, 2, 'BUY', 100, 1),
      place(3, 1, 'BUY', 'STOP_MARKET', { stopPrice: 110, size: 2 }),
      limit(4, 1, 'SELL', 105, 3),
      { type: 'amend', orderId: 1, account: 1, price: 101 },
    );
    expectEvents(book, { type: 'cancelAll', account: 1 }, [
      cancelled(1, 1, 1, 0, 'USER'),
      cancelled(3, 1, 2, 0, 'USER'),
      cancelled(4, 1, 3, 0, 'USER'),
    ]);
    expect(ids(book, 'BUY')).toEqual([[2, 1]]);
    expect(book.stops()).toEqual([]);
    expectEvents(book, { type: 'cancelAll', account: 1 }, []);
  });
});

describe('book - market status', () => {
  it('book - HALTED refuses every command but setStatus', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 99, 5));
    expectEvents(book, { type: 'setStatus', status: 'HALTED' }, [
      { type: 'StatusChanged', status: 'HALTED' },
    ]);
    expectEvents(book, limit(1, 1, 'BUY', 99, 5), [rejected(1, 1, 'MARKET_HALTED')]);
    expectEvents(book, { type: 'cancel', orderId: 1, account: 1 }, [rejected(1, 1, 'MARKET_HALTED')]);
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, size: 1 }, [rejected(1, 1, 'MARKET_HALTED')]);
    expectEvents(book, { type: 'cancelAll', account: 1 }, [rejected(0, 1, 'MARKET_HALTED')]);
    expect(book.status).toBe('HALTED');
    expectEvents(book, { type: 'setStatus', status: 'OPEN' }, [{ type: 'StatusChanged', status: 'OPEN' }]);
    expect(ids(book, 'BUY')).toEqual([[1, 5]]);
  });

  it('book - CANCEL_ONLY accepts only cancel and cancelAll', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 99, 5), limit(2, 1, 'BUY', 98, 5), {
      type: 'setStatus',
      status: 'CANCEL_ONLY',
    });
    expectEvents(book, limit(3, 1, 'BUY', 99, 5, { postOnly: true }), [rejected(3, 1, 'MARKET_CANCEL_ONLY')]);
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, size: 1 }, [
      rejected(1, 1, 'MARKET_CANCEL_ONLY'),
    ]);
    expectEvents(book, { type: 'cancel', orderId: 1, account: 1 }, [cancelled(1, 1, 5, 0, 'USER')]);
    expectEvents(book, { type: 'cancelAll', account: 1 }, [cancelled(2, 1, 5, 0, 'USER')]);
  });

  it('book - POST_ONLY accepts post-only LIMIT orders and amends that do not cross', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 99, 5), limit(2, 2, 'SELL', 101, 5), {
      type: 'setStatus',
      status: 'POST_ONLY',
    });
    expectEvents(book, limit(3, 1, 'BUY', 98, 5), [rejected(3, 1, 'MARKET_POST_ONLY')]);
    expectEvents(book, place(3, 1, 'BUY', 'IOC', { price: 98, size: 5 }), [
      rejected(3, 1, 'MARKET_POST_ONLY'),
    ]);
    expectEvents(book, limit(3, 1, 'BUY', 98, 5, { postOnly: true }), [
      accepted(3, 1, 'BUY', 'LIMIT', 98, 5),
    ]);
    expectEvents(book, limit(4, 1, 'BUY', 101, 5, { postOnly: true }), [
      rejected(4, 1, 'POST_ONLY_WOULD_TAKE'),
    ]);
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, price: 100 }, [
      { type: 'Amended', orderId: 1, account: 1, price: 100, size: 5, keptPriority: false },
    ]);
    expectEvents(book, { type: 'amend', orderId: 1, account: 1, price: 101 }, [
      rejected(1, 1, 'MARKET_POST_ONLY'),
    ]);
    expectEvents(book, { type: 'cancel', orderId: 3, account: 1 }, [cancelled(3, 1, 5, 0, 'USER')]);
    expect(book.lastPrice).toBeNull();
  });
});

describe('book - validation', () => {
  const band: BookConfig = {
    ...CONFIG,
    minSize: 2,
    maxSize: 100,
    minNotional: 1000,
    priceBandBps: 500,
    referencePrice: 100,
  };
  const cases: [name: string, command: PlaceOrder, code: RejectCode][] = [
    ['a non-positive order id', limit(0, 1, 'BUY', 100, 20), 'INVALID_ORDER'],
    ['an id in use by a resting order', limit(1, 1, 'BUY', 100, 20), 'DUPLICATE_ORDER_ID'],
    ['a LIMIT without price', place(5, 1, 'BUY', 'LIMIT', { size: 20 }), 'INVALID_PRICE'],
    ['a fractional price', limit(5, 1, 'BUY', 100.5, 20), 'INVALID_PRICE'],
    ['a zero size', limit(5, 1, 'BUY', 100, 0), 'INVALID_SIZE'],
    ['a bad price before a bad size', limit(5, 1, 'BUY', -1, 0), 'INVALID_PRICE'],
    ['a FOK_BUDGET without quote', place(5, 1, 'BUY', 'FOK_BUDGET', { size: 20 }), 'INVALID_QUOTE'],
    [
      'a STOP_MARKET without stop price',
      place(5, 1, 'BUY', 'STOP_MARKET', { size: 20 }),
      'INVALID_STOP_PRICE',
    ],
    [
      'postOnly on an IOC',
      place(5, 1, 'BUY', 'IOC', { price: 100, size: 20, postOnly: true }),
      'INVALID_ORDER',
    ],
    ['a price on a MARKET', place(5, 1, 'BUY', 'MARKET', { price: 100, size: 20 }), 'INVALID_ORDER'],
    ['a stop price on a LIMIT', limit(5, 1, 'BUY', 100, 20, { stopPrice: 90 }), 'INVALID_ORDER'],
    ['a MARKET SELL with only a quote', place(5, 1, 'SELL', 'MARKET', { quote: 5000 }), 'INVALID_SIZE'],
    ['an unknown STP mode', limit(5, 1, 'BUY', 100, 20, { stp: 'NOPE' as StpMode }), 'INVALID_ORDER'],
    ['a size under the minimum', limit(5, 1, 'BUY', 100, 1), 'SIZE_TOO_SMALL'],
    ['a size over the maximum', limit(5, 1, 'BUY', 100, 101), 'SIZE_TOO_LARGE'],
    ['size limits before notional', limit(5, 1, 'BUY', 1, 1), 'SIZE_TOO_SMALL'],
    ['a small price x size', limit(5, 1, 'BUY', 100, 9), 'NOTIONAL_TOO_SMALL'],
    ['a small MARKET quote', place(5, 1, 'BUY', 'MARKET', { quote: 999 }), 'NOTIONAL_TOO_SMALL'],
    [
      'a small FOK_BUDGET quote',
      place(5, 1, 'BUY', 'FOK_BUDGET', { size: 2, quote: 999 }),
      'NOTIONAL_TOO_SMALL',
    ],
    [
      'a small STOP_LIMIT price x size',
      place(5, 1, 'BUY', 'STOP_LIMIT', { stopPrice: 90, price: 100, size: 9 }),
      'NOTIONAL_TOO_SMALL',
    ],
    ['a limit price outside the band', limit(5, 1, 'BUY', 106, 20), 'PRICE_BAND'],
    ['an IOC price outside the band', place(5, 1, 'SELL', 'IOC', { price: 94, size: 20 }), 'PRICE_BAND'],
  ];
  it.each(cases)('book - rejects %s', (_name, command, code) => {
    const book = createBook(band);
    setup(book, limit(1, 9, 'SELL', 105, 20));
    const hash = book.stateHash();
    expectEvents(book, command, [rejected(command.orderId, command.account, code)]);
    expect(book.orders('SELL')).toHaveLength(1);
    expect(book.orders('BUY')).toHaveLength(0);
    expect(book.stops()).toHaveLength(0);
    expect(book.stateHash()).not.toBe(hash);
  });

  it('book - no notional check for MARKET by size and STOP_MARKET; no band for stop prices', () => {
    const book = createBook(band);
    expectEvents(book, place(1, 1, 'BUY', 'MARKET', { size: 2 }), [
      accepted(1, 1, 'BUY', 'MARKET', 0, 2),
      expired(1, 1, 2, 0, 'NO_LIQUIDITY'),
    ]);
    expectEvents(book, place(2, 1, 'BUY', 'STOP_MARKET', { stopPrice: 500, size: 2 }), [
      accepted(2, 1, 'BUY', 'STOP_MARKET', 0, 2),
    ]);
  });

  it('book - the band follows the last trade price once there is one', () => {
    const book = createBook(band);
    setup(book, limit(1, 1, 'SELL', 104, 20), limit(2, 2, 'BUY', 104, 20));
    expect(book.lastPrice).toBe(104);
    // |109 - 104| x 10,000 = 50,000 <= 104 x 500 = 52,000; 110 and 98 are 60,000 away.
    expectEvents(book, limit(3, 1, 'SELL', 109, 20), [accepted(3, 1, 'SELL', 'LIMIT', 109, 20)]);
    expectEvents(book, limit(4, 1, 'SELL', 110, 20), [rejected(4, 1, 'PRICE_BAND')]);
    expectEvents(book, limit(4, 1, 'BUY', 99, 20), [accepted(4, 1, 'BUY', 'LIMIT', 99, 20)]);
    expectEvents(book, limit(5, 1, 'BUY', 98, 20), [rejected(5, 1, 'PRICE_BAND')]);
    expectEvents(book, { type: 'amend', orderId: 4, account: 1, price: 98 }, [rejected(4, 1, 'PRICE_BAND')]);
  });

  it('book - the market status is checked before the order id', () => {
    const book = createBook(CONFIG);
    setup(book, limit(1, 1, 'BUY', 100, 1), { type: 'setStatus', status: 'HALTED' });
    expectEvents(book, limit(1, 1, 'BUY', 100, 1), [rejected(1, 1, 'MARKET_HALTED')]);
  });
});

/** A small deterministic command stream over a narrow price range (post-only LIMITs and cancelAll included). */
function* commandStream(seed: number, count: number, firstId: number): Generator<BookCommand> {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const types: OrderType[] = ['LIMIT', 'LIMIT', 'LIMIT', 'IOC', 'FOK', 'MARKET', 'STOP_LIMIT', 'STOP_MARKET'];
  const stps: StpMode[] = [
    'NONE',
    'CANCEL_RESTING',
    'CANCEL_INCOMING',
    'CANCEL_BOTH',
    'DECREMENT_AND_CANCEL',
  ];
  let id = firstId;
  for (let i = 0; i < count; i++) {
    const r = next(100);
    const account = 1 + next(3);
    const side: Side = next(2) === 0 ? 'BUY' : 'SELL';
    if (r < 55) {
      const orderType = types[next(types.length)]!;
      const stp = stps[next(stps.length)]!;
      const price = orderType !== 'MARKET' && orderType !== 'STOP_MARKET' ? 95 + next(11) : undefined;
      const size = 1 + next(8);
      const stopPrice = orderType === 'STOP_LIMIT' || orderType === 'STOP_MARKET' ? 95 + next(11) : undefined;
      const postOnly = orderType === 'LIMIT' && next(4) === 0 ? true : undefined;
      yield place(id++, account, side, orderType, { stp, price, size, stopPrice, postOnly });
    } else if (r < 69) {
      yield { type: 'cancel', orderId: firstId + next(Math.max(1, id - firstId)), account };
    } else if (r < 70) {
      yield { type: 'cancelAll', account };
    } else {
      yield {
        type: 'amend',
        orderId: firstId + next(Math.max(1, id - firstId)),
        account,
        price: 95 + next(11),
      };
    }
  }
}

describe('book - snapshots and state hash', () => {
  it('book - snapshot lists orders in priority order (bids then asks) and stops in placement order', () => {
    const book = createBook(CONFIG);
    setup(
      book,
      limit(1, 1, 'BUY', 99, 1),
      limit(2, 1, 'SELL', 102, 1),
      limit(3, 1, 'BUY', 100, 1),
      limit(4, 1, 'SELL', 101, 1),
      limit(5, 1, 'BUY', 100, 2),
      place(7, 1, 'SELL', 'STOP_MARKET', { stopPrice: 90, size: 1 }),
      place(6, 1, 'BUY', 'STOP_MARKET', { stopPrice: 110, size: 1 }),
    );
    const snapshot = book.snapshot();
    expect(snapshot.orders.map((o) => o.orderId)).toEqual([3, 5, 1, 4, 2]);
    expect(snapshot.stops.map((s) => s.orderId)).toEqual([7, 6]);
    expect(snapshot).toMatchObject({ config: CONFIG, status: 'OPEN', seq: 7, lastPrice: null });
  });

  it('book - a book restored from a JSON snapshot continues exactly like the original, with equal hashes', () => {
    const original = createBook(CONFIG);
    for (const command of commandStream(42, 600, 1)) original.process(command);
    const snapshot = JSON.parse(JSON.stringify(original.snapshot()));
    const restored = createBook(CONFIG, snapshot);
    expect(restored.stateHash()).toBe(original.stateHash());
    expect(restored.snapshot()).toEqual(original.snapshot());
    // Post-only flags survive: a crossing amend of each post-only order is refused by both.
    const postOnly = (snapshot.orders as RestingOrder[]).filter((o) => o.postOnly);
    expect(postOnly.length).toBeGreaterThan(0);
    let postOnlyRejects = 0;
    for (const o of postOnly) {
      const opposite = o.side === 'BUY' ? original.bestAsk() : original.bestBid();
      if (opposite === null) continue;
      const command: BookCommand = { type: 'amend', orderId: o.orderId, account: o.account, price: opposite };
      const events = original.process(command);
      expect(events).toEqual([expect.objectContaining({ type: 'Rejected', code: 'POST_ONLY_WOULD_TAKE' })]);
      expect(restored.process(command)).toEqual(events);
      postOnlyRejects++;
    }
    expect(postOnlyRejects).toBeGreaterThan(0);
    let trades = 0;
    let cancelAlls = 0;
    for (const command of commandStream(7, 600, 1000)) {
      const events = original.process(command);
      trades += events.filter((e) => e.type === 'Fill').length;
      if (command.type === 'cancelAll' && events.length > 1) cancelAlls++;
      expect(restored.process(command)).toEqual(events);
    }
    expect(trades).toBeGreaterThan(50);
    expect(cancelAlls).toBeGreaterThan(0);
    expect(restored.stateHash()).toBe(original.stateHash());
    expect(restored.depth(100)).toEqual(original.depth(100));
  });

  it('book - equal books hash equal, any change changes the hash', () => {
    const a = createBook(CONFIG);
    const b = createBook({ ...CONFIG });
    for (const command of commandStream(3, 200, 1)) {
      a.process(command);
      b.process(command);
    }
    expect(a.stateHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(a.stateHash()).toBe(b.stateHash());
    b.process({ type: 'setStatus', status: 'OPEN' });
    expect(a.stateHash()).not.toBe(b.stateHash());
  });

  it('book - stateHash is the sha256 of the canonical JSON of the snapshot, also for odd-shaped entries', () => {
    const book = createBook({ ...CONFIG, referencePrice: 100 });
    for (const command of commandStream(5, 300, 1)) book.process(command);
    const snapshot = book.snapshot();
    expect(snapshot.orders.length).toBeGreaterThan(2);
    expect(snapshot.stops.length).toBeGreaterThan(0);
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
    expect(book.stateHash()).toBe(sha(canonicalJson(snapshot)));
    const odd = {
      ...snapshot,
      orders: [{ ...snapshot.orders[0]!, extra: 1 }, ...snapshot.orders.slice(1)],
      stops: [{ ...snapshot.stops[0]!, price: undefined }],
    } as unknown as typeof snapshot;
    expect(snapshotHash(odd)).toBe(sha(canonicalJson(odd)));
    expect(snapshotHash(odd)).not.toBe(book.stateHash());
  });

  it('book - canonical JSON sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 'x' }, null], e: undefined })).toBe(
      '{"a":[{"c":"x","d":1},null],"b":1}',
    );
  });

  it('book - invariants hold on a random stream: never crossed, depth agrees with L3, contiguous seq', () => {
    const book = createBook(CONFIG);
    let seq = 0;
    for (const command of commandStream(99, 3000, 1)) {
      for (const event of book.process(command)) expect(event.seq).toBe(++seq);
      const bid = book.bestBid();
      const ask = book.bestAsk();
      if (bid !== null && ask !== null) expect(bid).toBeLessThan(ask);
      for (const side of ['BUY', 'SELL'] as const) {
        const levels = new Map<number, [number, number]>();
        for (const o of book.orders(side)) {
          const [size, count] = levels.get(o.price) ?? [0, 0];
          levels.set(o.price, [size + o.size, count + 1]);
        }
        const depth = side === 'BUY' ? book.depth(1000).bids : book.depth(1000).asks;
        expect(depth).toEqual([...levels].map(([price, [size, count]]) => [price, size, count]));
      }
    }
    expect(book.seq).toBe(seq);
  });
});

describe('book - processInto', () => {
  const commands: BookCommand[] = [
    limit(1, 1, 'SELL', 100, 5),
    limit(2, 2, 'SELL', 101, 5),
    limit(3, 3, 'BUY', 101, 7),
    { type: 'amend', orderId: 2, account: 2, price: 102, size: 4 },
    { type: 'cancel', orderId: 9, account: 1 },
  ];

  it('book - processInto writes exactly the events of process, reusing one set of event objects', () => {
    const viaProcess = createBook(CONFIG);
    const viaBuffer = createBook(CONFIG);
    const out = new EventBuffer();
    let firstAccepted: BookEvent | undefined;
    for (const command of commands) {
      viaBuffer.processInto(command, out);
      expect(out.events.slice(0, out.length)).toEqual(viaProcess.process(command));
      firstAccepted ??= out.events[0];
    }
    expect(viaBuffer.stateHash()).toBe(viaProcess.stateHash());
    viaBuffer.processInto(limit(4, 4, 'BUY', 90, 1), out);
    expect(out.length).toBe(1);
    expect(out.events[0]).toBe(firstAccepted);
  });

  it('book - events returned by process are fresh and later commands leave them unchanged', () => {
    const book = createBook(CONFIG);
    const kept = commands.map((command) => book.process(command));
    const copies = JSON.parse(JSON.stringify(kept)) as unknown;
    book.process(limit(4, 4, 'BUY', 90, 1));
    book.process({ type: 'cancelAll', account: 3 });
    expect(kept).toEqual(copies);
    expect(new Set(kept.flat()).size).toBe(kept.flat().length);
  });
});
