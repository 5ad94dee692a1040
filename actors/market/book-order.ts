/**
 * The one mutable record behind every live order of the fast book (`book.ts`): a resting LIMIT
 * order in a price level's FIFO chain, or a waiting stop in the stop book's placement chain.
 * One class for both keeps the id index (`IntMap<BookOrder>`) monomorphic, and the
 * intrusive `prev`/`next` links make unlinking O(1) without any per-order array or closure
 * (exchange-core's `OrderBookDirectImpl` chains its orders the same way).
 */

import type { Side, StpMode } from './types.ts';
import type { PriceLevel } from './price-ladder.ts';

/** What a `BookOrder` is; small integers, not strings, so the hot path compares Smis. */
export const OrderKind = {
  /** Resting GTC limit order. */
  LIMIT: 0,
  /** Resting post-only limit order (an amend that would cross is refused). */
  LIMIT_POST_ONLY: 1,
  STOP_LIMIT: 2,
  STOP_MARKET: 3,
} as const;
export type OrderKind = (typeof OrderKind)[keyof typeof OrderKind];

export class BookOrder {
  /** Open lots (for a stop: its size). */
  size: number;
  /** Limit price in ticks (0 for STOP_MARKET). */
  price: number;
  kind: OrderKind;
  /** Links in the level's FIFO (resting) or in the stop book's placement chain (stop). */
  prev: BookOrder | null = null;
  next: BookOrder | null = null;
  /** The level the order rests in; null for stops and for an order being matched. */
  level: PriceLevel | null = null;
  /**
   * Seq of the order's `Accepted` event: placement order across the book (cancelAll's order,
   * stop trigger ties); kept by amends and triggers.
   */
  acceptedSeq = 0;

  constructor(
    readonly id: number,
    readonly account: number,
    readonly stpGroup: number,
    readonly side: Side,
    readonly stp: StpMode,
    kind: OrderKind,
    price: number,
    size: number,
    /** Stop price in ticks (0 for resting orders). */
    readonly stopPrice: number,
  ) {
    this.kind = kind;
    this.price = price;
    this.size = size;
  }

  get isStop(): boolean {
    return this.kind >= OrderKind.STOP_LIMIT;
  }
}
