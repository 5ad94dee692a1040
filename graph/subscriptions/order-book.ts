import type { BookDelta, MarketData } from '../../actors/marketdata/index.ts';
import { subjects } from '../../actors/marketdata/index.ts';
import type { Bus } from '../../actors/transport/index.ts';
import type { OrderBookUpdateModel } from '../models.ts';
import { busStream, GAP } from './bounded-stream.ts';

/**
 * The orderBook stream: a SNAPSHOT at the view's seq S, then every bus delta with seq > S, each
 * continuing the last (prevSeq). A delta that does not continue (a lost message, a slow reader
 * whose backlog was dropped) is never forwarded: a fresh SNAPSHOT is sent instead, so a client
 * applying what it gets is always exact. Same continuity rule as `L2Client`.
 *
 * The bus subscription is opened before the snapshot is taken, so no delta published after the
 * snapshot can be missed; deltas already inside the snapshot (seq <= S) are skipped.
 */
export async function* orderBookUpdates(
  md: MarketData,
  bus: Bus,
  depth: number,
  maxQueue: number,
): AsyncGenerator<OrderBookUpdateModel> {
  const stream = busStream<BookDelta>(bus, subjects.orderbook(md.symbol), { maxQueue, policy: 'gap' });
  try {
    let seq = 0;
    let atSnapshot = true;
    const snapshot = (): OrderBookUpdateModel => {
      const book = md.snapshot(depth);
      seq = book.seq;
      atSnapshot = true;
      return {
        type: 'SNAPSHOT',
        symbol: book.symbol,
        seq: book.seq,
        prevSeq: null,
        bids: book.bids,
        asks: book.asks,
      };
    };
    yield snapshot();
    for await (const item of stream) {
      if (item === GAP) {
        yield snapshot();
        continue;
      }
      if (typeof item === 'symbol') continue;
      if (item.seq <= seq) continue;
      const continues = atSnapshot ? item.prevSeq <= seq : item.prevSeq === seq;
      if (!continues) {
        yield snapshot();
        continue;
      }
      seq = item.seq;
      atSnapshot = false;
      const side = (s: 'BUY' | 'SELL') =>
        item.changes.filter((c) => c.side === s).map((c) => [c.price, c.size] as const);
      yield {
        type: 'DELTA',
        symbol: item.symbol,
        seq: item.seq,
        prevSeq: item.prevSeq,
        bids: side('BUY'),
        asks: side('SELL'),
      };
    }
  } finally {
    await stream.return?.();
  }
}
