/**
 * Waiting stop orders of the fast book. Stops are not in the price ladders; they wait here
 * until the last trade price reaches them. Two arrays of order slots give the trigger order
 * directly (BUY stops by ascending stop price, SELL stops by descending stop price, ties in
 * placement order, so the next stop to run is always at index 0), and a chain through the order
 * store's `prev`/`next` links keeps placement order for `stops()` and snapshots.
 */

import { BUY, NO_ORDER, type OrderStore } from './book-order.ts';

export class StopBook {
  /** BUY stops, lowest stop price first; ties in placement order. */
  private readonly buys: number[] = [];
  /** SELL stops, highest stop price first; ties in placement order. */
  private readonly sells: number[] = [];
  private head = NO_ORDER;
  private tail = NO_ORDER;

  constructor(private readonly orders: OrderStore) {}

  get size(): number {
    return this.buys.length + this.sells.length;
  }

  /** Adds a stop placed now (after every stop already waiting). */
  add(stop: number): void {
    const orders = this.orders;
    const isBuy = orders.side[stop] === BUY;
    const list = isBuy ? this.buys : this.sells;
    list.splice(this.indexAfter(list, orders.stopPrice[stop]!, isBuy), 0, stop);
    orders.next[stop] = NO_ORDER;
    orders.prev[stop] = this.tail;
    if (this.tail === NO_ORDER) this.head = stop;
    else orders.next[this.tail] = stop;
    this.tail = stop;
  }

  remove(stop: number): void {
    const orders = this.orders;
    const isBuy = orders.side[stop] === BUY;
    const list = isBuy ? this.buys : this.sells;
    if (list[0] === stop) list.shift();
    else {
      // Stops with the same stop price sit together, just before `indexAfter`.
      let at = this.indexAfter(list, orders.stopPrice[stop]!, isBuy) - 1;
      while (at >= 0 && list[at] !== stop) at--;
      if (at < 0) throw new Error(`stop book: stop ${orders.id[stop]} not found`);
      list.splice(at, 1);
    }
    const prev = orders.prev[stop]!;
    const next = orders.next[stop]!;
    if (prev === NO_ORDER) this.head = next;
    else orders.next[prev] = next;
    if (next === NO_ORDER) this.tail = prev;
    else orders.prev[next] = prev;
  }

  /**
   * The stop to run next for this last trade price, or NO_ORDER: the BUY stop with the lowest
   * stop price <= last, else the SELL stop with the highest stop price >= last.
   */
  next(last: number): number {
    const stopPrice = this.orders.stopPrice;
    const buy = this.buys[0];
    if (buy !== undefined && stopPrice[buy]! <= last) return buy;
    const sell = this.sells[0];
    if (sell !== undefined && stopPrice[sell]! >= last) return sell;
    return NO_ORDER;
  }

  /** The first waiting stop in placement order (then follow `next`), or NO_ORDER. */
  first(): number {
    return this.head;
  }

  /** Index just after the last stop that runs before (or ties with) `stopPrice`. */
  private indexAfter(list: readonly number[], stopPrice: number, isBuy: boolean): number {
    const prices = this.orders.stopPrice;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = prices[list[mid]!]!;
      if (isBuy ? p > stopPrice : p < stopPrice) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
