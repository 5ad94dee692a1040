/**
 * The L2 view of one market (open lots per price level), kept from the book's events alone.
 *
 * It holds a shadow of every resting order (side, price, open lots) and every waiting stop, and
 * reads the rules of `actors/market/types.ts`:
 * - an `Accepted` LIMIT rests at its price from the start; its own fills as taker (`Fill`'s
 *   `takerRemaining`) and an STP `Cancelled` of its rest shrink it, so what is left at the end of
 *   the command is what rests. IOC, FOK, FOK_BUDGET and MARKET never rest and are not tracked.
 * - STOP_LIMIT and STOP_MARKET wait off the book. `Triggered` puts a STOP_LIMIT on the book at
 *   its limit price (then it behaves as a LIMIT), unless the very next event is its `Rejected`
 *   (PRICE_BAND); a triggered STOP_MARKET is gone.
 * - `Fill` sets the maker's open lots to `makerRemaining`; `Cancelled` sets them to `remaining`
 *   (> 0 for a DECREMENT_AND_CANCEL decrement); `Amended` moves the order to its new price with
 *   its new open size (then it may take, as above). cancelAll arrives as `Cancelled` events.
 * Other `Rejected` events (validation, FOK, post-only, amend refusals) change nothing, even when
 * they name a resting order.
 *
 * The level changes of a command are its net effect, so an incoming order that rests at a level
 * it also took from shows only the final sizes.
 */

import type { BookEvent, RestingOrder, Side, WaitingStop } from '../market/index.ts';
import { MarketDataError } from './errors.ts';
import { sortedLevels } from './price-levels.ts';
import type { BookDelta, BookSnapshotL2 } from './types.ts';

interface ShadowOrder {
  readonly side: Side;
  price: number;
  remaining: number;
}

interface ShadowStop {
  readonly side: Side;
  /** The limit price of a STOP_LIMIT (Accepted's price); null for a STOP_MARKET. */
  readonly limitPrice: number | null;
  readonly size: number;
}

/** A book to start from: `book.snapshot()` fits, or `{ seq: book.seq, orders: [...bids, ...asks], stops: book.stops() }`. */
export interface L2Start {
  readonly seq: number;
  readonly orders: readonly RestingOrder[];
  /** Needed too: a STOP_LIMIT's limit price is only in its `Accepted`, not in its `Triggered`. */
  readonly stops: readonly WaitingStop[];
}

type LevelChange = BookDelta['changes'][number];

export class L2Book {
  private readonly bids = new Map<number, number>();
  private readonly asks = new Map<number, number>();
  private readonly orders = new Map<number, ShadowOrder>();
  private readonly stops = new Map<number, ShadowStop>();
  /** Levels the current command touched, with their sizes before (a command touches a handful). */
  private readonly touchedBids = new Touched();
  private readonly touchedAsks = new Touched();
  /** Best prices; undefined when the best level went away and the next must be searched for. */
  private bestBidCache: number | null | undefined = null;
  private bestAskCache: number | null | undefined = null;
  private seqNo: number;
  private lastDeltaSeq: number;

  constructor(
    readonly symbol: string,
    start: L2Start = { seq: 0, orders: [], stops: [] },
  ) {
    this.seqNo = start.seq;
    this.lastDeltaSeq = start.seq;
    for (const o of start.orders) this.rest(o.orderId, o.side, o.price, o.size);
    for (const s of start.stops) {
      this.stops.set(s.orderId, {
        side: s.side,
        limitPrice: s.orderType === 'STOP_LIMIT' ? s.price : null,
        size: s.size,
      });
    }
    this.touchedBids.clear();
    this.touchedAsks.clear();
  }

  /** Seq of the last event applied. */
  get seq(): number {
    return this.seqNo;
  }

  /**
   * Applies the events of one command (contiguous, continuing `seq`) and returns its level
   * changes, or null when no level changed (the seq still advances).
   * @throws MarketDataError EVENT_GAP when the events do not continue `seq`, UNKNOWN_ORDER when
   *   they name a resting order or stop the view never saw.
   */
  apply(events: readonly BookEvent[]): BookDelta | null {
    const first = events[0];
    if (first === undefined) return null;
    if (first.seq !== this.seqNo + 1) {
      throw new MarketDataError('EVENT_GAP', `${this.symbol}: event seq ${first.seq} after ${this.seqNo}`);
    }
    let triggered = 0;
    for (const e of events) {
      switch (e.type) {
        case 'Accepted':
          if (e.orderType === 'LIMIT') this.rest(e.orderId, e.side, e.price, e.size);
          else if (e.orderType === 'STOP_LIMIT' || e.orderType === 'STOP_MARKET') {
            this.stops.set(e.orderId, {
              side: e.side,
              limitPrice: e.orderType === 'STOP_LIMIT' ? e.price : null,
              size: e.size,
            });
          }
          break;
        case 'Triggered': {
          const stop = this.stops.get(e.orderId);
          if (stop === undefined) throw this.unknown(e.orderId, e.seq);
          this.stops.delete(e.orderId);
          if (stop.limitPrice !== null) this.rest(e.orderId, stop.side, stop.limitPrice, stop.size);
          break;
        }
        case 'Rejected': {
          const refused = e.orderId === triggered ? this.orders.get(e.orderId) : undefined;
          if (refused !== undefined) this.reduce(refused, e.orderId, 0);
          break;
        }
        case 'Fill': {
          const maker = this.orders.get(e.makerOrderId);
          if (maker === undefined) throw this.unknown(e.makerOrderId, e.seq);
          this.reduce(maker, e.makerOrderId, e.makerRemaining);
          const taker = this.orders.get(e.takerOrderId);
          if (taker !== undefined) this.reduce(taker, e.takerOrderId, e.takerRemaining);
          break;
        }
        case 'Cancelled': {
          const order = this.orders.get(e.orderId);
          if (order !== undefined) this.reduce(order, e.orderId, e.remaining);
          else this.stops.delete(e.orderId);
          break;
        }
        case 'Amended': {
          const order = this.orders.get(e.orderId);
          if (order === undefined) throw this.unknown(e.orderId, e.seq);
          this.move(order.side, order.price, -order.remaining);
          order.price = e.price;
          order.remaining = e.size;
          this.move(order.side, e.price, e.size);
          break;
        }
        case 'Expired':
        case 'StatusChanged':
          break;
      }
      triggered = e.type === 'Triggered' ? e.orderId : 0;
    }
    this.seqNo = events[events.length - 1]!.seq;

    const changes: LevelChange[] = [];
    this.collect(this.touchedBids, this.bids, 'BUY', changes);
    this.collect(this.touchedAsks, this.asks, 'SELL', changes);
    if (changes.length === 0) return null;
    const delta: BookDelta = { symbol: this.symbol, seq: this.seqNo, prevSeq: this.lastDeltaSeq, changes };
    this.lastDeltaSeq = this.seqNo;
    return delta;
  }

  /** The levels at `seq`, best first, at most `depth` per side. */
  snapshot(depth = Infinity): BookSnapshotL2 {
    return {
      symbol: this.symbol,
      seq: this.seqNo,
      bids: sortedLevels(this.bids, 'BUY', depth),
      asks: sortedLevels(this.asks, 'SELL', depth),
    };
  }

  bestBid(): number | null {
    if (this.bestBidCache === undefined) this.bestBidCache = extreme(this.bids, Math.max);
    return this.bestBidCache;
  }

  bestAsk(): number | null {
    if (this.bestAskCache === undefined) this.bestAskCache = extreme(this.asks, Math.min);
    return this.bestAskCache;
  }

  private rest(orderId: number, side: Side, price: number, size: number): void {
    this.orders.set(orderId, { side, price, remaining: size });
    this.move(side, price, size);
  }

  /** Sets an order's open lots; at 0 it leaves the book. */
  private reduce(order: ShadowOrder, orderId: number, remaining: number): void {
    this.move(order.side, order.price, remaining - order.remaining);
    order.remaining = remaining;
    if (remaining === 0) this.orders.delete(orderId);
  }

  private move(side: Side, price: number, by: number): void {
    const buy = side === 'BUY';
    const levels = buy ? this.bids : this.asks;
    const touched = buy ? this.touchedBids : this.touchedAsks;
    const before = levels.get(price) ?? 0;
    touched.note(price, before);
    const after = before + by;
    if (after === 0) levels.delete(price);
    else levels.set(price, after);
    if (buy) {
      const best = this.bestBidCache;
      if (after === 0) {
        if (price === best) this.bestBidCache = undefined;
      } else if (best === null || (best !== undefined && price > best)) this.bestBidCache = price;
    } else {
      const best = this.bestAskCache;
      if (after === 0) {
        if (price === best) this.bestAskCache = undefined;
      } else if (best === null || (best !== undefined && price < best)) this.bestAskCache = price;
    }
  }

  private collect(
    touched: Touched,
    levels: ReadonlyMap<number, number>,
    side: Side,
    changes: LevelChange[],
  ): void {
    for (let i = 0; i < touched.count; i++) {
      const price = touched.prices[i]!;
      const size = levels.get(price) ?? 0;
      if (size !== touched.before[i]) changes.push({ side, price, size });
    }
    touched.clear();
  }

  private unknown(orderId: number, seq: number): MarketDataError {
    return new MarketDataError(
      'UNKNOWN_ORDER',
      `${this.symbol}: event ${seq} names unknown order ${orderId}`,
    );
  }
}

/**
 * Prices touched by one command and their sizes before it, in reused arrays: most commands touch
 * one to three levels, where a linear scan beats a Map; past `SCAN` levels (a sweep, a cancelAll)
 * a Map index keeps it linear.
 */
class Touched {
  private static readonly SCAN = 16;
  readonly prices: number[] = [];
  readonly before: number[] = [];
  private index: Map<number, number> | null = null;
  count = 0;

  /** Records a level's size before the command, the first time the command touches it. */
  note(price: number, size: number): void {
    if (this.index === null) {
      for (let i = 0; i < this.count; i++) if (this.prices[i] === price) return;
      if (this.count === Touched.SCAN)
        this.index = new Map(this.prices.slice(0, this.count).map((p, i) => [p, i]));
    } else if (this.index.has(price)) return;
    this.index?.set(price, this.count);
    this.prices[this.count] = price;
    this.before[this.count] = size;
    this.count++;
  }

  clear(): void {
    this.count = 0;
    this.index = null;
  }
}

function extreme(levels: ReadonlyMap<number, number>, pick: (a: number, b: number) => number): number | null {
  let best: number | null = null;
  for (const price of levels.keys()) best = best === null ? price : pick(best, price);
  return best;
}
