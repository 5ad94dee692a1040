import { add, cmp, normalize, ratio, sub } from './decimal.ts';
import type { OrderBookUpdate, PriceLevel } from './types.ts';

/**
 * The live order book of one market: a Map<price, size> per side fed by the orderBook
 * subscription (a SNAPSHOT replaces everything; a DELTA sets levels, size "0" removing one).
 * Memory stays bounded: each side keeps at most `keep` levels, dropping the worst ones.
 */

export interface DepthLevel {
  price: string;
  size: string;
  /** Cumulative size from the best level down to this one. */
  total: string;
  /** total / the largest total shown on either side, 0..1 (depth bar width). */
  depth: number;
}

export interface BookView {
  bids: DepthLevel[];
  asks: DepthLevel[];
  bestBid: string | null;
  bestAsk: string | null;
  spread: string | null;
  /** Spread in basis points of the mid, for display. */
  spreadBps: number | null;
  seq: string;
}

export type ApplyResult = 'ok' | 'gap';

// Numbers order distinct prices fast; exact decimal comparison settles what floats cannot tell apart.
const byPriceAsc = (a: string, b: string) => {
  const d = Number(a) - Number(b);
  return d !== 0 ? Math.sign(d) : cmp(a, b);
};
const byPriceDesc = (a: string, b: string) => byPriceAsc(b, a);

export class BookModel {
  readonly bids = new Map<string, string>();
  readonly asks = new Map<string, string>();
  seq = '';
  /** True once a snapshot arrived (before that the book is loading). */
  ready = false;

  constructor(readonly keep = 200) {}

  /**
   * Applies one update. A DELTA that does not follow the current seq is refused ('gap'); the
   * stream sends a fresh SNAPSHOT after any gap, and until then the book stays as it was.
   */
  apply(update: OrderBookUpdate): ApplyResult {
    if (update.type === 'SNAPSHOT') {
      this.bids.clear();
      this.asks.clear();
      setLevels(this.bids, update.bids);
      setLevels(this.asks, update.asks);
      this.seq = update.seq;
      this.ready = true;
    } else {
      if (!this.ready || (update.prevSeq !== null && update.prevSeq !== this.seq)) return 'gap';
      setLevels(this.bids, update.bids);
      setLevels(this.asks, update.asks);
      this.seq = update.seq;
    }
    trim(this.bids, byPriceDesc, this.keep);
    trim(this.asks, byPriceAsc, this.keep);
    return 'ok';
  }

  clear(): void {
    this.bids.clear();
    this.asks.clear();
    this.seq = '';
    this.ready = false;
  }

  /** The best `levels` per side (bids high to low, asks low to high) with cumulative depth. */
  view(levels: number): BookView {
    const bids = best(this.bids, byPriceDesc, levels);
    const asks = best(this.asks, byPriceAsc, levels);
    const bidRows = cumulative(bids);
    const askRows = cumulative(asks);
    const maxTotal = [bidRows.at(-1)?.total ?? '0', askRows.at(-1)?.total ?? '0'].reduce((a, b) =>
      cmp(a, b) >= 0 ? a : b,
    );
    for (const row of [...bidRows, ...askRows]) row.depth = ratio(row.total, maxTotal);
    const bestBid = bids[0]?.price ?? null;
    const bestAsk = asks[0]?.price ?? null;
    let spread: string | null = null;
    let spreadBps: number | null = null;
    if (bestBid !== null && bestAsk !== null) {
      spread = sub(bestAsk, bestBid);
      const mid = add(bestAsk, bestBid);
      // spread / (mid / 2) * 10,000
      spreadBps = Math.round(ratio(spread, mid) * 2 * 10_000 * 100) / 100;
    }
    return { bids: bidRows, asks: askRows, bestBid, bestAsk, spread, spreadBps, seq: this.seq };
  }
}

function setLevels(side: Map<string, string>, levels: readonly PriceLevel[]): void {
  for (const { price, size } of levels) {
    const key = normalize(price);
    if (cmp(size, '0') <= 0) side.delete(key);
    else side.set(key, size);
  }
}

function trim(side: Map<string, string>, order: (a: string, b: string) => number, keep: number): void {
  // Trim in batches (past keep + 25%) so a full book does not sort on every update.
  if (side.size <= keep + Math.ceil(keep / 4)) return;
  const prices = [...side.keys()].sort(order);
  for (const price of prices.slice(keep)) side.delete(price);
}

function best(side: Map<string, string>, order: (a: string, b: string) => number, n: number): PriceLevel[] {
  return [...side.keys()]
    .sort(order)
    .slice(0, n)
    .map((price) => ({ price, size: side.get(price)! }));
}

function cumulative(levels: PriceLevel[]): DepthLevel[] {
  let total = '0';
  return levels.map(({ price, size }) => {
    total = add(total, size);
    return { price, size, total, depth: 0 };
  });
}
