import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { OrderBookUpdate, PriceLevel } from '$lib/types.ts';
import OrderBook, { type BookSource } from './OrderBook.svelte';

const market = { symbol: 'BTC-USDT', base: 'BTC', quote: 'USDT', tickSize: '0.01', lotSize: '0.001' };

function fakeSource() {
  let push: ((u: OrderBookUpdate) => void) | null = null;
  const unsubscribe = vi.fn();
  const source: BookSource = vi.fn((_symbol, onUpdate) => {
    push = onUpdate;
    return unsubscribe;
  });
  return {
    source,
    unsubscribe,
    send: (u: OrderBookUpdate) => push!(u),
  };
}

const snap = (seq: string, bids: PriceLevel[], asks: PriceLevel[]): OrderBookUpdate => ({
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

const prices = (side: 'bid' | 'ask') =>
  screen.getAllByTestId(`book-row-${side}`).map((row) => row.querySelector('.price')!.textContent);

describe('OrderBook', () => {
  it('renders levels sorted, formatted by the market decimals, with depth bars and the spread', async () => {
    const feed = fakeSource();
    render(OrderBook, { props: { market, source: feed.source } });
    expect(screen.getByTestId('book-loading')).toBeTruthy();
    feed.send(
      snap(
        '1',
        [
          { price: '64999.5', size: '1' },
          { price: '65000', size: '0.5' },
          { price: '1000', size: '2.5' },
        ],
        [
          { price: '65010.1', size: '1' },
          { price: '65001', size: '3' },
        ],
      ),
    );
    await waitFor(() => expect(screen.queryByTestId('book-loading')).toBeNull());
    expect(prices('bid')).toEqual(['65,000.00', '64,999.50', '1,000.00']);
    // Asks are drawn highest on top, the best ask next to the spread.
    expect(prices('ask')).toEqual(['65,010.10', '65,001.00']);
    const bidRow = screen.getAllByTestId('book-row-bid')[0]!;
    expect(bidRow.textContent).toContain('0.500');
    const bars = screen.getAllByTestId('depth-bar').map((b) => parseFloat((b as HTMLElement).style.width));
    // cumulative: asks 3, 4 (drawn reversed: 4 then 3); bids 0.5, 1.5, 4; max 4.
    expect(bars).toEqual([100, 75, 12.5, 37.5, 100]);
    expect(screen.getByTestId('book-spread').textContent).toContain('Spread 1.00');
  });

  it('applies deltas, removes a level with size 0 and resyncs on a new snapshot', async () => {
    const feed = fakeSource();
    render(OrderBook, { props: { market, source: feed.source } });
    feed.send(
      snap(
        '10',
        [
          { price: '100', size: '1' },
          { price: '99', size: '1' },
        ],
        [{ price: '101', size: '1' }],
      ),
    );
    await waitFor(() => expect(prices('bid')).toEqual(['100.00', '99.00']));

    feed.send(
      delta('10', '11', [
        { price: '99', size: '0' },
        { price: '100.5', size: '2' },
      ]),
    );
    feed.send(delta('11', '12', [], [{ price: '101', size: '4' }]));
    await waitFor(() => expect(prices('bid')).toEqual(['100.50', '100.00']));
    expect(screen.getAllByTestId('book-row-ask')[0]!.textContent).toContain('4.000');

    feed.send(snap('50', [{ price: '90', size: '1' }], [{ price: '110', size: '1' }]));
    await waitFor(() => expect(prices('bid')).toEqual(['90.00']));
    expect(prices('ask')).toEqual(['110.00']);
  });

  it('resubscribes for a fresh snapshot when a delta does not follow', async () => {
    const feed = fakeSource();
    render(OrderBook, { props: { market, source: feed.source } });
    feed.send(snap('10', [{ price: '100', size: '1' }], []));
    await waitFor(() => expect(prices('bid')).toEqual(['100.00']));
    feed.send(delta('12', '13', [{ price: '105', size: '1' }]));
    expect(feed.unsubscribe).toHaveBeenCalledTimes(1);
    expect(feed.source).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByTestId('book-loading')).toBeTruthy());
    feed.send(snap('13', [{ price: '105', size: '1' }], []));
    await waitFor(() => expect(prices('bid')).toEqual(['105.00']));
  });

  it('renders at most N levels and coalesces a burst into few renders', async () => {
    const feed = fakeSource();
    render(OrderBook, { props: { market, source: feed.source, levels: 5 } });
    feed.send(snap('0', [], []));
    await waitFor(() => expect(screen.getByTestId('book-spread').textContent).toContain('Empty book'));
    for (let i = 1; i <= 500; i++) {
      feed.send(
        delta(
          String(i - 1),
          String(i),
          [{ price: String(1000 - (i % 40)), size: String(i) }],
          [{ price: String(1001 + (i % 40)), size: '1' }],
        ),
      );
    }
    // Nothing is drawn per update: the burst is rendered once, on the next frame.
    expect(screen.queryAllByTestId('book-row-bid')).toHaveLength(0);
    await waitFor(() => expect(screen.getAllByTestId('book-row-bid')).toHaveLength(5));
    expect(screen.getAllByTestId('book-row-ask')).toHaveLength(5);
    expect(prices('bid')[0]).toBe('1,000.00');
    // The best bid got its last update at i = 480.
    expect(screen.getAllByTestId('book-row-bid')[0]!.textContent).toContain('480.000');
  });
});
