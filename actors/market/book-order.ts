/**
 * Every live order of the fast book (`book.ts`), a resting LIMIT order in a price level's FIFO
 * chain or a waiting stop in the stop book's placement chain, as a slot number into typed-array
 * columns (struct of arrays, after exchange-core's pooled orders). Compared with an object per
 * order this keeps an order's hot fields in a few dense arrays (the 100,000-order book's prev/next
 * links fit in the CPU cache, its order objects did not), has no pointers for the GC to trace or
 * write barriers to run, and reuses the slots of dead orders through a free list, so placing an
 * order allocates nothing once the columns have grown. The intrusive `prev`/`next` links make
 * unlinking O(1).
 *
 * A slot is only valid while its order lives: `release` hands it to the next `alloc`. Columns are
 * replaced when they grow, so callers must not keep a column across an `alloc`.
 */

import { StpMode, type Side } from './types.ts';

/** What an order is; small integers, so the hot path compares Smis. */
export const OrderKind = {
  /** Resting GTC limit order. */
  LIMIT: 0,
  /** Resting post-only limit order (an amend that would cross is refused). */
  LIMIT_POST_ONLY: 1,
  STOP_LIMIT: 2,
  STOP_MARKET: 3,
} as const;
export type OrderKind = (typeof OrderKind)[keyof typeof OrderKind];

/** No order: the end of a chain. */
export const NO_ORDER = -1;

/** `side` column codes. */
export const BUY = 0;
export const SELL = 1;

const STP_MODES: readonly StpMode[] = [
  StpMode.NONE,
  StpMode.CANCEL_RESTING,
  StpMode.CANCEL_INCOMING,
  StpMode.CANCEL_BOTH,
  StpMode.DECREMENT_AND_CANCEL,
];

export function sideOf(code: number): Side {
  return code === BUY ? 'BUY' : 'SELL';
}

export function stpOf(code: number): StpMode {
  return STP_MODES[code]!;
}

export class OrderStore {
  id: Float64Array;
  account: Float64Array;
  stpGroup: Float64Array;
  /** Limit price in ticks (0 for STOP_MARKET). */
  price: Float64Array;
  /** Open lots (for a stop: its size). */
  size: Float64Array;
  /** Stop price in ticks (0 for resting orders). */
  stopPrice: Float64Array;
  /**
   * Seq of the order's `Accepted` event: placement order across the book (cancelAll's order,
   * stop trigger ties); kept by amends and triggers.
   */
  acceptedSeq: Float64Array;
  /** Links in the level's FIFO (resting) or the stop book's placement chain (stop); free list. */
  prev: Int32Array;
  next: Int32Array;
  kind: Uint8Array;
  side: Uint8Array;
  /** Index into STP_MODES. */
  stp: Uint8Array;

  /** Head of the free list (chained through `next`). */
  private free = NO_ORDER;
  /** Slots ever handed out; the rest of the capacity is untouched. */
  private used = 0;

  constructor(private capacity = 1024) {
    this.id = new Float64Array(capacity);
    this.account = new Float64Array(capacity);
    this.stpGroup = new Float64Array(capacity);
    this.price = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.stopPrice = new Float64Array(capacity);
    this.acceptedSeq = new Float64Array(capacity);
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.side = new Uint8Array(capacity);
    this.stp = new Uint8Array(capacity);
  }

  /** A slot for a new order (links cleared, `acceptedSeq` 0). */
  alloc(
    id: number,
    account: number,
    stpGroup: number,
    side: Side,
    stp: StpMode,
    kind: OrderKind,
    price: number,
    size: number,
    stopPrice: number,
  ): number {
    let slot = this.free;
    if (slot !== NO_ORDER) this.free = this.next[slot]!;
    else {
      if (this.used === this.capacity) this.grow();
      slot = this.used++;
    }
    this.id[slot] = id;
    this.account[slot] = account;
    this.stpGroup[slot] = stpGroup;
    this.price[slot] = price;
    this.size[slot] = size;
    this.stopPrice[slot] = stopPrice;
    this.acceptedSeq[slot] = 0;
    this.prev[slot] = NO_ORDER;
    this.next[slot] = NO_ORDER;
    this.kind[slot] = kind;
    this.side[slot] = side === 'BUY' ? BUY : SELL;
    this.stp[slot] = STP_MODES.indexOf(stp);
    return slot;
  }

  /** Frees the slot of an order that is gone (out of every chain and index). */
  release(slot: number): void {
    this.next[slot] = this.free;
    this.free = slot;
  }

  isStop(slot: number): boolean {
    return this.kind[slot]! >= OrderKind.STOP_LIMIT;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.id = grown(this.id, new Float64Array(capacity));
    this.account = grown(this.account, new Float64Array(capacity));
    this.stpGroup = grown(this.stpGroup, new Float64Array(capacity));
    this.price = grown(this.price, new Float64Array(capacity));
    this.size = grown(this.size, new Float64Array(capacity));
    this.stopPrice = grown(this.stopPrice, new Float64Array(capacity));
    this.acceptedSeq = grown(this.acceptedSeq, new Float64Array(capacity));
    this.prev = grown(this.prev, new Int32Array(capacity));
    this.next = grown(this.next, new Int32Array(capacity));
    this.kind = grown(this.kind, new Uint8Array(capacity));
    this.side = grown(this.side, new Uint8Array(capacity));
    this.stp = grown(this.stp, new Uint8Array(capacity));
    this.capacity = capacity;
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(old: T, to: T): T {
  to.set(old);
  return to;
}
