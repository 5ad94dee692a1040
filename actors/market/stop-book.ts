/**
 * Waiting stop orders of the fast book. Stops are not in the price ladders; they wait here
 * until the last trade price reaches them. Two arrays give the trigger order directly (BUY
 * stops by ascending stop price, SELL stops by descending stop price, ties in placement order,
 * so the next stop to run is always at index 0), and a chain through the orders' `prev`/`next`
 * links keeps placement order for `stops()` and snapshots.
 */

import type { BookOrder } from './book-order.ts';

export class StopBook {
  /** BUY stops, lowest stop price first; ties in placement order. */
  private readonly buys: BookOrder[] = [];
  /** SELL stops, highest stop price first; ties in placement order. */
  private readonly sells: BookOrder[] = [];
  private head: BookOrder | null = null;
  private tail: BookOrder | null = null;

  get size(): number {
    return this.buys.length + this.sells.length;
  }

  /** Adds a stop placed now (after every stop already waiting). */
  add(stop: BookOrder): void {
    const isBuy = stop.side === 'BUY';
    const list = isBuy ? this.buys : this.sells;
    list.splice(StopBook.indexAfter(list, stop.stopPrice, isBuy), 0, stop);
    stop.next = null;
    stop.prev = this.tail;
    if (this.tail === null) this.head = stop;
    else this.tail.next = stop;
    this.tail = stop;
  }

  remove(stop: BookOrder): void {
    const isBuy = stop.side === 'BUY';
    const list = isBuy ? this.buys : this.sells;
    if (list[0] === stop) list.shift();
    else {
      // Stops with the same stop price sit together, just before `indexAfter`.
      let at = StopBook.indexAfter(list, stop.stopPrice, isBuy) - 1;
      while (at >= 0 && list[at] !== stop) at--;
      if (at < 0) throw new Error(`stop book: stop ${stop.id} not found`);
      list.splice(at, 1);
    }
    const { prev, next } = stop;
    if (prev === null) this.head = next;
    else prev.next = next;
    if (next === null) this.tail = prev;
    else next.prev = prev;
    stop.prev = null;
    stop.next = null;
  }

  /**
   * The stop to run next for this last trade price, or null: the BUY stop with the lowest stop
   * price <= last, else the SELL stop with the highest stop price >= last.
   */
  next(last: number): BookOrder | null {
    const buy = this.buys[0];
    if (buy !== undefined && buy.stopPrice <= last) return buy;
    const sell = this.sells[0];
    if (sell !== undefined && sell.stopPrice >= last) return sell;
    return null;
  }

  /** Waiting stops in placement order. */
  first(): BookOrder | null {
    return this.head;
  }

  /** Index just after the last stop that runs before (or ties with) `stopPrice`. */
  private static indexAfter(list: readonly BookOrder[], stopPrice: number, isBuy: boolean): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = list[mid]!.stopPrice;
      if (isBuy ? p > stopPrice : p < stopPrice) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
