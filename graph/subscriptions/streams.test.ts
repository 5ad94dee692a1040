import { afterEach, describe, expect, it } from 'vitest';
import type { BookDelta, BookSnapshotL2, MarketData } from '../../actors/marketdata/index.ts';
import { subjects } from '../../actors/marketdata/index.ts';
import { InProcessBus } from '../../actors/transport/index.ts';
import { busStream, GAP, OVERFLOW } from './bounded-stream.ts';
import { tradeStream } from './market-streams.ts';
import { orderBookUpdates } from './order-book.ts';

const SYMBOL = 'BTC-USDT';
let bus: InProcessBus;

afterEach(async () => {
  await bus.close();
});

/** A MarketData whose view is at `book.seq` (all the stream reads of it). */
function fakeMarketData(book: { current: BookSnapshotL2 }): MarketData {
  return { symbol: SYMBOL, snapshot: () => book.current } as unknown as MarketData;
}

const delta = (seq: number, prevSeq: number, price = 100): BookDelta => ({
  symbol: SYMBOL,
  seq,
  prevSeq,
  changes: [{ side: 'BUY', price, size: seq }],
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('subscription streams', () => {
  it('orderBook - snapshot, then continuing deltas; a gap sends a fresh snapshot instead of the delta', async () => {
    bus = new InProcessBus();
    const book = { current: { symbol: SYMBOL, seq: 10, bids: [[100, 1]], asks: [] } as BookSnapshotL2 };
    const updates = orderBookUpdates(fakeMarketData(book), bus, 10, 100);
    expect((await updates.next()).value).toMatchObject({ type: 'SNAPSHOT', seq: 10 });
    await bus.publish(subjects.orderbook(SYMBOL), delta(9, 8)); // already in the snapshot
    await bus.publish(subjects.orderbook(SYMBOL), delta(12, 8)); // continues a snapshot at 10
    expect((await updates.next()).value).toMatchObject({
      type: 'DELTA',
      seq: 12,
      prevSeq: 8,
      bids: [[100, 12]],
    });
    book.current = { symbol: SYMBOL, seq: 15, bids: [[100, 15]], asks: [] };
    await bus.publish(subjects.orderbook(SYMBOL), delta(15, 14)); // 13..14 never arrived
    expect((await updates.next()).value).toMatchObject({ type: 'SNAPSHOT', seq: 15, prevSeq: null });
    await bus.publish(subjects.orderbook(SYMBOL), delta(16, 15));
    expect((await updates.next()).value).toMatchObject({ type: 'DELTA', seq: 16, prevSeq: 15 });
    await updates.return(undefined);
  });

  it('orderBook - a reader that falls behind gets its backlog dropped and one snapshot, not unbounded memory', async () => {
    bus = new InProcessBus();
    const book = { current: { symbol: SYMBOL, seq: 0, bids: [], asks: [] } as BookSnapshotL2 };
    const updates = orderBookUpdates(fakeMarketData(book), bus, 10, 3);
    await updates.next();
    await tick();
    for (let seq = 1; seq <= 50; seq++) await bus.publish(subjects.orderbook(SYMBOL), delta(seq, seq - 1));
    await tick();
    book.current = { symbol: SYMBOL, seq: 50, bids: [[100, 50]], asks: [] };
    // The backlog (over 3) was dropped for one GAP: the reader gets the book as it is now.
    expect((await updates.next()).value).toMatchObject({ type: 'SNAPSHOT', seq: 50, bids: [[100, 50]] });
    await bus.publish(subjects.orderbook(SYMBOL), delta(51, 50));
    expect((await updates.next()).value).toMatchObject({ type: 'DELTA', seq: 51 });
    await updates.return(undefined);
  });

  it('bounded stream - drop-oldest keeps the freshest values within the bound', async () => {
    bus = new InProcessBus();
    const stream = busStream<number>(bus, 'x.y', { maxQueue: 3, policy: 'drop-oldest' });
    for (let i = 1; i <= 10; i++) await bus.publish('x.y', i);
    await tick();
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await stream.next()).value);
    expect(got).toEqual([8, 9, 10]);
    expect(stream.dropped).toBe(7);
    await stream.return!();
  });

  it('trades - a reader past the bound gets OVERFLOW and the end, never a silent gap', async () => {
    bus = new InProcessBus();
    const trades = tradeStream(bus, SYMBOL, 3);
    const first = trades.next();
    await tick();
    for (let seq = 1; seq <= 10; seq++) {
      await bus.publish(subjects.trade(SYMBOL), {
        symbol: SYMBOL,
        seq,
        time: 0,
        price: 1,
        size: 1,
        takerSide: 'BUY',
      });
    }
    await tick();
    expect((await first).value).toMatchObject({ seq: 1 });
    expect((await trades.next()).value).toBe(OVERFLOW);
    expect((await trades.next()).done).toBe(true);
    expect(GAP).not.toBe(OVERFLOW);
  });
});
