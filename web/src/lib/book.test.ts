import { describe, expect, it } from 'vitest';
import { BookModel } from './book.ts';
import type { OrderBookUpdate, PriceLevel } from './types.ts';

const snapshot = (seq: string, bids: PriceLevel[], asks: PriceLevel[]): OrderBookUpdate => ({
  type: 'SNAPSHOT',
  symbol: 'BTC-USDT',
  seq,
  prevSeq: null,
  bids,
  asks,
});
const delta = (
  prevSeq: string,
  seq: string,
  bids: PriceLevel[],
  asks: PriceLevel[] = [],
): OrderBookUpdate => ({
  type: 'DELTA',
  symbol: 'BTC-USDT',
  seq,
  prevSeq,
  bids,
  asks,
});

describe('BookModel', () => {
  it('sorts bids high to low and asks low to high, with cumulative depth', () => {
    const book = new BookModel();
    book.apply(
      snapshot(
        '10',
        [
          { price: '99', size: '1' },
          { price: '100', size: '2' },
          { price: '98.5', size: '3' },
        ],
        [
          { price: '102', size: '1' },
          { price: '101', size: '0.5' },
        ],
      ),
    );
    const v = book.view(10);
    expect(v.bids.map((l) => l.price)).toEqual(['100', '99', '98.5']);
    expect(v.asks.map((l) => l.price)).toEqual(['101', '102']);
    expect(v.bids.map((l) => l.total)).toEqual(['2', '3', '6']);
    expect(v.asks.map((l) => l.total)).toEqual(['0.5', '1.5']);
    expect(v.bids[2]!.depth).toBe(1);
    expect(v.asks[1]!.depth).toBe(0.25);
    expect(v.bestBid).toBe('100');
    expect(v.bestAsk).toBe('101');
    expect(v.spread).toBe('1');
    expect(v.seq).toBe('10');
  });

  it('applies deltas, removes size-0 levels and treats equal prices as one level', () => {
    const book = new BookModel();
    book.apply(snapshot('1', [{ price: '100.50', size: '1' }], [{ price: '101', size: '1' }]));
    expect(
      book.apply(
        delta('1', '2', [
          { price: '100.5', size: '4' },
          { price: '100.25', size: '1' },
        ]),
      ),
    ).toBe('ok');
    expect(book.view(5).bids).toMatchObject([
      { price: '100.5', size: '4' },
      { price: '100.25', size: '1' },
    ]);
    book.apply(delta('2', '3', [{ price: '100.50', size: '0' }], [{ price: '101', size: '0' }]));
    const v = book.view(5);
    expect(v.bids.map((l) => l.price)).toEqual(['100.25']);
    expect(v.asks).toEqual([]);
    expect(v.spread).toBeNull();
    expect(book.bids.size).toBe(1);
  });

  it('refuses a delta out of sequence and resyncs on the next snapshot', () => {
    const book = new BookModel();
    expect(book.apply(delta('0', '1', [{ price: '1', size: '1' }]))).toBe('gap'); // before any snapshot
    book.apply(snapshot('5', [{ price: '100', size: '1' }], []));
    expect(book.apply(delta('7', '8', [{ price: '99', size: '1' }]))).toBe('gap');
    expect(book.view(5).bids.map((l) => l.price)).toEqual(['100']);
    book.apply(snapshot('8', [{ price: '97', size: '2' }], [{ price: '103', size: '1' }]));
    const v = book.view(5);
    expect(v.bids.map((l) => l.price)).toEqual(['97']); // the old level is gone
    expect(v.asks.map((l) => l.price)).toEqual(['103']);
    expect(book.seq).toBe('8');
  });

  it('keeps memory bounded and shows at most N levels', () => {
    const book = new BookModel(50);
    book.apply(snapshot('0', [], []));
    for (let i = 1; i <= 2000; i++) {
      book.apply(
        delta(
          String(i - 1),
          String(i),
          [{ price: String(1000 - (i % 500)), size: '1' }],
          [{ price: String(1001 + (i % 700)), size: '2' }],
        ),
      );
    }
    expect(book.bids.size).toBeLessThanOrEqual(63);
    expect(book.asks.size).toBeLessThanOrEqual(63);
    const v = book.view(10);
    expect(v.bids).toHaveLength(10);
    expect(v.bids[0]!.price).toBe('1000');
    expect(v.asks[0]!.price).toBe('1001');
  });
});
