import { Ring } from './ring.ts';
import type { Trade } from './types.ts';

/** The trade tape of one market: the last `capacity` trades. */
export class TradeTape {
  private readonly ring: Ring<Trade>;

  constructor(capacity = 1_000) {
    this.ring = new Ring<Trade>(capacity);
  }

  get size(): number {
    return this.ring.size;
  }

  /** Trades come in market order (ascending seq). */
  add(trade: Trade): void {
    this.ring.push(trade);
  }

  /** Up to `limit` of the latest trades, newest first. */
  recent(limit?: number): Trade[] {
    return this.ring.newestFirst(limit);
  }
}
