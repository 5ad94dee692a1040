/**
 * The L2 view against the real book: random command streams of every order type, STP mode,
 * cancels, amends and cancel-alls; after every command the view built from the events alone
 * equals the book's own depth, and so does a client fed the deltas from a snapshot taken partway.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createBook } from '../market/index.ts';
import type { BookCommand, BookConfig, BookEvent, OrderBook } from '../market/index.ts';
import { intentArbitrary, resolveIntents } from '../market/testing/random-commands.ts';
import { MarketDataError } from './errors.ts';
import { L2Book } from './l2-book.ts';
import { L2Client } from './l2-client.ts';
import type { BookDelta, BookSnapshotL2 } from './types.ts';

const PLAIN: BookConfig = { symbol: 'T-USDT', minSize: 1, maxSize: 1000, minNotional: 0, priceBandBps: 0 };
/** A band, so that a triggered STOP_LIMIT can be refused (PRICE_BAND) at trigger time. */
const BANDED: BookConfig = { ...PLAIN, symbol: 'B-USDT', priceBandBps: 500, referencePrice: 100 };

const levels = (s: Pick<BookSnapshotL2, 'bids' | 'asks'>) => ({ bids: s.bids, asks: s.asks });
const bookLevels = (book: OrderBook) => {
  const depth = book.depth(10_000);
  return {
    bids: depth.bids.map(([price, size]) => [price, size]),
    asks: depth.asks.map(([price, size]) => [price, size]),
  };
};
const l3 = (book: OrderBook) => ({
  seq: book.seq,
  orders: [...book.orders('BUY'), ...book.orders('SELL')],
  stops: book.stops(),
});

/** How often the stream hit the paths of the view that are easy to get wrong. */
const coverage = {
  restedAfterTaking: 0,
  triggeredThenTraded: 0,
  triggeredRejected: 0,
  partialCancel: 0,
  amended: 0,
  cancelAll: 0,
  noChange: 0,
};

function countCoverage(command: BookCommand, events: readonly BookEvent[], delta: BookDelta | null): void {
  if (delta === null && events.length > 0) coverage.noChange++;
  if (command.type === 'cancelAll' && events.length > 1) coverage.cancelAll++;
  events.forEach((e, i) => {
    const next = events[i + 1];
    if (e.type === 'Cancelled' && e.remaining > 0) coverage.partialCancel++;
    if (e.type === 'Amended') coverage.amended++;
    if (e.type === 'Triggered' && next?.type === 'Rejected') coverage.triggeredRejected++;
    if (e.type === 'Triggered' && next?.type === 'Fill') coverage.triggeredThenTraded++;
    if (e.type === 'Fill' && e.takerRemaining > 0 && next?.type !== 'Fill' && command.type === 'place') {
      if (command.orderType === 'LIMIT') coverage.restedAfterTaking++;
    }
  });
}

const streams = fc.record({
  config: fc.constantFrom(PLAIN, BANDED),
  intents: fc.array(intentArbitrary, { minLength: 1, maxLength: 200, size: 'max' }),
  cut: fc.nat({ max: 10_000 }),
});

describe('L2 book', () => {
  it('L2 - view, a client from a partway snapshot and a view from partway L3 all equal the book after every command', () => {
    fc.assert(
      fc.property(streams, ({ config, intents, cut }) => {
        const commands = resolveIntents(intents);
        const at = cut % (commands.length + 1);
        const book = createBook(config);
        const view = new L2Book(config.symbol);
        let client: L2Client | null = null;
        let late: L2Book | null = null;
        let prevSeq = 0;
        commands.forEach((command, i) => {
          if (i === at) {
            client = new L2Client(view.snapshot());
            late = new L2Book(config.symbol, l3(book));
          }
          const events = book.process(command);
          const delta = view.apply(events);
          countCoverage(command, events, delta);
          const expected = bookLevels(book);
          expect(view.seq).toBe(book.seq);
          expect(levels(view.snapshot())).toEqual(expected);
          expect([view.bestBid(), view.bestAsk()]).toEqual([book.bestBid(), book.bestAsk()]);
          if (delta !== null) {
            expect([delta.prevSeq, delta.seq]).toEqual([prevSeq, book.seq]);
            prevSeq = delta.seq;
          }
          if (client !== null && late !== null) {
            if (delta !== null) expect(client.apply(delta)).toBe('applied');
            expect(levels(client.snapshot())).toEqual(expected);
            late.apply(events);
            expect(levels(late.snapshot())).toEqual(expected);
          }
        });
      }),
      { seed: 4_2026, numRuns: 300 },
    );
    for (const [path, count] of Object.entries(coverage)) expect(count, path).toBeGreaterThan(0);
  });

  it('L2 - a delta carries the net change of its command and the seq chain', () => {
    const book = createBook(PLAIN);
    const view = new L2Book('T-USDT');
    const run = (command: BookCommand): BookDelta | null => view.apply(book.process(command));
    expect(
      run({ type: 'place', orderId: 1, account: 1, side: 'SELL', orderType: 'LIMIT', price: 101, size: 5 }),
    ).toEqual({ symbol: 'T-USDT', seq: 1, prevSeq: 0, changes: [{ side: 'SELL', price: 101, size: 5 }] });
    // A buy for 8 at 101 takes the 5 offered and rests 3 at 101: the offer level goes, a bid appears.
    expect(
      run({ type: 'place', orderId: 2, account: 2, side: 'BUY', orderType: 'LIMIT', price: 101, size: 8 }),
    ).toEqual({
      symbol: 'T-USDT',
      seq: 3,
      prevSeq: 1,
      changes: [
        { side: 'BUY', price: 101, size: 3 },
        { side: 'SELL', price: 101, size: 0 },
      ],
    });
    // Refused and non-resting commands advance the seq without a delta.
    expect(run({ type: 'cancel', orderId: 99, account: 1 })).toBeNull();
    expect(
      run({
        type: 'place',
        orderId: 3,
        account: 1,
        side: 'SELL',
        orderType: 'STOP_LIMIT',
        stopPrice: 90,
        price: 89,
        size: 1,
      }),
    ).toBeNull();
    expect(view.seq).toBe(5);
    expect(run({ type: 'amend', orderId: 2, account: 2, size: 2 })).toEqual({
      symbol: 'T-USDT',
      seq: 6,
      prevSeq: 3,
      changes: [{ side: 'BUY', price: 101, size: 2 }],
    });
    expect(view.snapshot(1)).toEqual({ symbol: 'T-USDT', seq: 6, bids: [[101, 2]], asks: [] });
  });

  it('L2 - a sweep and a cancelAll across many levels in one command', () => {
    const book = createBook(PLAIN);
    const view = new L2Book('T-USDT');
    let id = 0;
    const run = (command: BookCommand): BookDelta | null => view.apply(book.process(command));
    for (let price = 101; price <= 140; price++) {
      for (const account of [1, 2]) {
        run({ type: 'place', orderId: ++id, account, side: 'SELL', orderType: 'LIMIT', price, size: 2 });
      }
    }
    // takes both orders at 101..130 (60 fills over 30 levels), then rests 1 at 130
    const sweep = run({
      type: 'place',
      orderId: ++id,
      account: 3,
      side: 'BUY',
      orderType: 'LIMIT',
      price: 130,
      size: 121,
    });
    expect(sweep!.changes).toHaveLength(31);
    expect(levels(view.snapshot())).toEqual(bookLevels(book));
    const all = run({ type: 'cancelAll', account: 1 });
    expect(all!.changes).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ side: 'SELL', price: 131 + i, size: 2 })),
    );
    expect(levels(view.snapshot())).toEqual(bookLevels(book));
  });

  it('L2 - events that skip or repeat a seq, or name an order it never saw, are refused', () => {
    const book = createBook(PLAIN);
    book.process({
      type: 'place',
      orderId: 1,
      account: 1,
      side: 'SELL',
      orderType: 'LIMIT',
      price: 101,
      size: 5,
    });
    const view = new L2Book('T-USDT');
    const take = book.process({
      type: 'place',
      orderId: 2,
      account: 2,
      side: 'BUY',
      orderType: 'IOC',
      price: 101,
      size: 1,
    });
    expect(() => view.apply(take)).toThrow(expect.objectContaining({ code: 'EVENT_GAP' }));
    const blind = new L2Book('T-USDT', { seq: 1, orders: [], stops: [] });
    expect(() => blind.apply(take)).toThrow(MarketDataError);
    expect(() => blind.apply(take)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ORDER' }));
  });
});

describe('L2 client', () => {
  /** A book with a few levels and a view of it; `step` places one more order and returns its delta. */
  const setup = () => {
    const book = createBook(PLAIN);
    const view = new L2Book('T-USDT');
    let id = 0;
    const step = (side: 'BUY' | 'SELL', price: number): BookDelta => {
      const delta = view.apply(
        book.process({ type: 'place', orderId: ++id, account: 1, side, orderType: 'LIMIT', price, size: 2 }),
      );
      if (delta === null) throw new Error('expected a level change');
      return delta;
    };
    return { book, view, step };
  };

  it('L2 client - a dropped delta makes it need a resync; a fresh snapshot recovers it', () => {
    const { book, view, step } = setup();
    step('BUY', 99);
    const client = new L2Client(view.snapshot());
    expect(client.apply(step('SELL', 101))).toBe('applied');
    step('BUY', 98); // dropped on the way
    const after = step('SELL', 102);
    expect(client.apply(after)).toBe('gap');
    expect(client.needsResync).toBe(true);
    expect(client.apply(step('BUY', 97))).toBe('gap');

    const fresh = view.snapshot();
    client.resync(fresh);
    expect(client.needsResync).toBe(false);
    expect(client.apply(after)).toBe('stale');
    expect(client.apply(step('SELL', 103))).toBe('applied');
    expect(levels(client.snapshot())).toEqual(bookLevels(book));
  });

  it('L2 client - a snapshot taken after commands that changed no level continues with the next delta', () => {
    const { book, view, step } = setup();
    const first = step('BUY', 99);
    expect(view.apply(book.process({ type: 'cancel', orderId: 42, account: 1 }))).toBeNull();
    const client = new L2Client(view.snapshot());
    expect(client.seq).toBe(first.seq + 1);
    const next = step('SELL', 101);
    expect(next.prevSeq).toBe(first.seq);
    expect(client.apply(next)).toBe('applied');
    // once on the delta chain, continuity is exact again
    step('SELL', 102);
    expect(client.apply(step('SELL', 103))).toBe('gap');
  });
});
