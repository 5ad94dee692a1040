/**
 * What a subscriber to a market's L2 stream runs: a local copy of the levels, started from a
 * snapshot and kept by deltas, that notices when it missed one.
 *
 * Continuity: a delta continues the client when its `prevSeq` is the seq the client is at. A
 * snapshot is taken at the view's current seq, which may be past the last delta (commands that
 * changed no level still advance the seq); so right after a snapshot at S, a delta with
 * prevSeq <= S continues it (nothing changed the levels between prevSeq and S), and a delta with
 * prevSeq > S means one was missed. Deltas with seq <= the client's seq are already in its levels
 * (the snapshot raced the stream) and are ignored.
 */

import { sortedLevels } from './price-levels.ts';
import type { BookDelta, BookSnapshotL2 } from './types.ts';

export type DeltaOutcome = 'applied' | 'stale' | 'gap';

export class L2Client {
  private readonly bids = new Map<number, number>();
  private readonly asks = new Map<number, number>();
  private seqNo = 0;
  /** At a snapshot (not at a delta's seq): any prevSeq up to `seq` continues it. */
  private atSnapshot = true;
  private gap = false;

  readonly symbol: string;

  constructor(snapshot: BookSnapshotL2) {
    this.symbol = snapshot.symbol;
    this.resync(snapshot);
  }

  get seq(): number {
    return this.seqNo;
  }

  /** A delta was missed: the levels are stale until `resync` with a fresh snapshot. */
  get needsResync(): boolean {
    return this.gap;
  }

  /** Applies a delta; after a gap every delta is refused ('gap') until `resync`. */
  apply(delta: BookDelta): DeltaOutcome {
    if (this.gap) return 'gap';
    if (delta.seq <= this.seqNo) return 'stale';
    const continues = this.atSnapshot ? delta.prevSeq <= this.seqNo : delta.prevSeq === this.seqNo;
    if (!continues) {
      this.gap = true;
      return 'gap';
    }
    for (const c of delta.changes) {
      const levels = c.side === 'BUY' ? this.bids : this.asks;
      if (c.size === 0) levels.delete(c.price);
      else levels.set(c.price, c.size);
    }
    this.seqNo = delta.seq;
    this.atSnapshot = false;
    return 'applied';
  }

  /** Replaces the levels with a snapshot's and clears `needsResync`. */
  resync(snapshot: BookSnapshotL2): void {
    this.bids.clear();
    this.asks.clear();
    for (const [price, size] of snapshot.bids) this.bids.set(price, size);
    for (const [price, size] of snapshot.asks) this.asks.set(price, size);
    this.seqNo = snapshot.seq;
    this.atSnapshot = true;
    this.gap = false;
  }

  /** The client's levels, best first, at most `depth` per side. */
  snapshot(depth = Infinity): BookSnapshotL2 {
    return {
      symbol: this.symbol,
      seq: this.seqNo,
      bids: sortedLevels(this.bids, 'BUY', depth),
      asks: sortedLevels(this.asks, 'SELL', depth),
    };
  }
}
