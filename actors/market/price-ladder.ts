/**
 * One side of the fast book: price levels kept in a sorted array (worst price first, best
 * last, so the best level is read, removed and re-added at the array's end in O(1)) plus a
 * hash map (`IntMap`) from price to level for O(1) placement. Empty levels may linger inside
 * the array (see `PriceLadder.levels`); readers skip levels with no orders. Each level chains
 * its orders in time order through the orders' own `prev`/`next` links and keeps its total
 * open lots and order count, so depth queries never walk orders.
 */

import type { BookOrder } from './book-order.ts';
import { IntMap } from './int-map.ts';

export class PriceLevel {
  /** Total open lots of the level's orders. */
  size = 0;
  count = 0;
  head: BookOrder | null = null;
  tail: BookOrder | null = null;

  constructor(readonly price: number) {}

  /** Appends at the back of the time queue. */
  append(order: BookOrder): void {
    order.level = this;
    order.next = null;
    order.prev = this.tail;
    if (this.tail === null) this.head = order;
    else this.tail.next = order;
    this.tail = order;
    this.size += order.size;
    this.count++;
  }

  /** Unlinks an order of this level; its open lots leave the level's total. */
  unlink(order: BookOrder): void {
    const { prev, next } = order;
    if (prev === null) this.head = next;
    else prev.next = next;
    if (next === null) this.tail = prev;
    else next.prev = prev;
    order.prev = null;
    order.next = null;
    order.level = null;
    this.size -= order.size;
    this.count--;
  }
}

export class PriceLadder {
  /**
   * Levels sorted worst to best: bids ascending, asks descending. The last one (the best) is
   * never empty; emptied levels further in stay in place (and in `byPrice`) to be reused by the
   * next order at their price, so a churning book rarely shifts the array. They are swept out
   * once they outnumber the live levels, which keeps memory bounded and the cost amortised O(1).
   */
  readonly levels: PriceLevel[] = [];
  private readonly byPrice = new IntMap<PriceLevel>(256);
  private empty = 0;

  constructor(readonly isBid: boolean) {}

  /** The best level, or undefined when the side is empty. */
  best(): PriceLevel | undefined {
    return this.levels[this.levels.length - 1];
  }

  /** Rests an order at the back of its price's level, creating the level if needed. */
  add(order: BookOrder): void {
    let level = this.byPrice.get(order.price);
    if (level === undefined) {
      level = new PriceLevel(order.price);
      this.byPrice.set(order.price, level);
      this.insertLevel(level);
    } else if (level.count === 0) this.empty--;
    level.append(order);
  }

  /** Takes a resting order out of the side, dropping its level when it empties. */
  remove(order: BookOrder): void {
    const level = order.level!;
    level.unlink(order);
    if (level.count === 0) this.dropLevel(level);
  }

  /** Retires a level that has just become empty. */
  dropLevel(level: PriceLevel): void {
    const levels = this.levels;
    if (levels[levels.length - 1] !== level) {
      if (++this.empty > 32 && this.empty > levels.length - this.empty) this.sweep();
      return;
    }
    levels.pop();
    this.byPrice.delete(level.price);
    // Keep the best level live: drop the empty levels uncovered behind it.
    for (
      let top = levels[levels.length - 1];
      top !== undefined && top.count === 0;
      top = levels[levels.length - 1]
    ) {
      levels.pop();
      this.byPrice.delete(top.price);
      this.empty--;
    }
  }

  private sweep(): void {
    const levels = this.levels;
    let kept = 0;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i]!;
      if (level.count === 0) this.byPrice.delete(level.price);
      else levels[kept++] = level;
    }
    levels.length = kept;
    this.empty = 0;
  }

  private insertLevel(level: PriceLevel): void {
    const levels = this.levels;
    const n = levels.length;
    const best = levels[n - 1];
    if (best === undefined || (this.isBid ? level.price > best.price : level.price < best.price)) {
      levels.push(level);
      return;
    }
    const at = this.indexAfter(level.price);
    levels.push(level);
    for (let i = n; i > at; i--) levels[i] = levels[i - 1]!;
    levels[at] = level;
  }

  /** Index of the first level strictly better than `price` (binary search). */
  private indexAfter(price: number): number {
    const levels = this.levels;
    let lo = 0;
    let hi = levels.length;
    if (this.isBid) {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (levels[mid]!.price > price) hi = mid;
        else lo = mid + 1;
      }
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (levels[mid]!.price < price) hi = mid;
        else lo = mid + 1;
      }
    }
    return lo;
  }
}
