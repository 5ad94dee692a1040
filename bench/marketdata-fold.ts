import { CandleFolder, L2Book, TickerFolder, TradeTape } from '../actors/marketdata/index.ts';
import type { L2Start, Trade } from '../actors/marketdata/index.ts';
import type { BookEvent, RestingOrder, Side } from '../actors/market/index.ts';
import { mulberry32 } from './book-workload.ts';

/**
 * Market-data folding throughput, in trades per second.
 *
 * The input is made before timing (seed fixed): a book of 50 one-order levels per side around a
 * 1-tick spread (prices near 6,500,000 ticks, maker sizes 20..120 lots), hit by 1,000,000 IOC
 * takers of 1..10 lots on a random side, each a command of `Accepted`, `Fill` and (when the level
 * had less than asked) `Expired`. A taker that empties the best level moves the price one tick,
 * and a market maker requotes in three more commands (a new best bid or ask behind the trade, a
 * cancel of the far level on that side, a new far level on the other side): a random walk with
 * the book kept at 50 levels a side. Command times grow by 0..4 ms (about 35 minutes in all).
 *
 * Timed, per command, what the market-data actor will do: apply the command's events to an
 * `L2Book` (delta out), and for each `Fill` make a `Trade` and fold it into the candles of all
 * seven intervals, the 24h ticker and a 1,000-trade tape. Median of 3 runs after one warm-up run,
 * each from fresh folders.
 */

const SYMBOL = 'BTC-USDT';
const TRADES = 1_000_000;
const LEVELS = 50;
const MID = 6_500_000;

interface Workload {
  readonly start: L2Start;
  readonly commands: BookEvent[][];
  readonly times: Float64Array;
}

function workload(): Workload {
  const rnd = mulberry32(20_260_601);
  const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const book = { BUY: new Map<number, RestingOrder>(), SELL: new Map<number, RestingOrder>() };
  let nextId = 0;
  let seq = 0;
  const order = (side: Side, price: number): RestingOrder => ({
    orderId: ++nextId,
    account: 1,
    stpGroup: 1,
    side,
    price,
    size: int(20, 120),
    stp: 'NONE',
    postOnly: false,
    acceptedSeq: seq,
  });
  let bestBid = MID;
  for (let k = 0; k < LEVELS; k++) {
    book.BUY.set(bestBid - k, order('BUY', bestBid - k));
    book.SELL.set(bestBid + 1 + k, order('SELL', bestBid + 1 + k));
  }
  const start: L2Start = { seq, orders: [...book.BUY.values(), ...book.SELL.values()], stops: [] };

  const commands: BookEvent[][] = [];
  const times: number[] = [];
  let time = Date.UTC(2026, 5, 1, 23, 40);
  const accept = (o: RestingOrder): BookEvent => ({
    type: 'Accepted',
    seq: ++seq,
    orderId: o.orderId,
    account: o.account,
    side: o.side,
    orderType: 'LIMIT',
    price: o.price,
    size: o.size,
  });
  const place = (side: Side, price: number): void => {
    const o = order(side, price);
    book[side].set(price, o);
    commands.push([accept(o)]);
    times.push(time);
  };

  for (let n = 0; n < TRADES; n++) {
    time += int(0, 4);
    const takerSide: Side = rnd() < 0.5 ? 'BUY' : 'SELL';
    const makerSide: Side = takerSide === 'BUY' ? 'SELL' : 'BUY';
    const price = takerSide === 'BUY' ? bestBid + 1 : bestBid;
    const maker = book[makerSide].get(price)!;
    const want = int(1, 10);
    const size = Math.min(want, maker.size);
    const takerId = ++nextId;
    const events: BookEvent[] = [
      {
        type: 'Accepted',
        seq: ++seq,
        orderId: takerId,
        account: 2,
        side: takerSide,
        orderType: 'IOC',
        price,
        size: want,
      },
      {
        type: 'Fill',
        seq: ++seq,
        makerOrderId: maker.orderId,
        takerOrderId: takerId,
        makerAccount: 1,
        takerAccount: 2,
        price,
        size,
        takerSide,
        makerRemaining: maker.size - size,
        takerRemaining: want - size,
      },
    ];
    if (want > size) {
      events.push({
        type: 'Expired',
        seq: ++seq,
        orderId: takerId,
        account: 2,
        size: want - size,
        quoteLeft: 0,
        reason: 'IOC',
      });
    }
    commands.push(events);
    times.push(time);
    if (maker.size > size) {
      book[makerSide].set(price, { ...maker, size: maker.size - size });
      continue;
    }
    // The level is gone: the maker requotes one tick further in the trade's direction.
    book[makerSide].delete(price);
    const up = takerSide === 'BUY';
    bestBid += up ? 1 : -1;
    place(up ? 'BUY' : 'SELL', up ? bestBid : bestBid + 1);
    const farSide: Side = up ? 'BUY' : 'SELL';
    const farPrice = up ? bestBid - LEVELS : bestBid + 1 + LEVELS;
    const far = book[farSide].get(farPrice)!;
    book[farSide].delete(farPrice);
    commands.push([
      {
        type: 'Cancelled',
        seq: ++seq,
        orderId: far.orderId,
        account: 1,
        size: far.size,
        remaining: 0,
        reason: 'USER',
      },
    ]);
    times.push(time);
    place(up ? 'SELL' : 'BUY', up ? bestBid + LEVELS : bestBid + 1 - LEVELS);
  }
  return { start, commands, times: Float64Array.from(times) };
}

/** One timed pass over the workload; returns elapsed ms and a checksum that keeps the work alive. */
function foldOnce(w: Workload): { ms: number; trades: number; check: number } {
  const candles = new CandleFolder(SYMBOL);
  const ticker = new TickerFolder(SYMBOL);
  const tape = new TradeTape(1_000);
  const l2 = new L2Book(SYMBOL, w.start);
  const { commands, times } = w;
  let trades = 0;
  let deltas = 0;
  const t0 = performance.now();
  for (let i = 0; i < commands.length; i++) {
    const events = commands[i]!;
    if (l2.apply(events) !== null) deltas++;
    for (let j = 0; j < events.length; j++) {
      const e = events[j]!;
      if (e.type !== 'Fill') continue;
      const trade: Trade = {
        symbol: SYMBOL,
        seq: e.seq,
        time: times[i]!,
        price: e.price,
        size: e.size,
        takerSide: e.takerSide,
      };
      candles.add(trade);
      ticker.add(trade);
      tape.add(trade);
      trades++;
    }
  }
  const ms = performance.now() - t0;
  const last = times[times.length - 1]!;
  const check =
    ticker.ticker(last, l2.bestBid(), l2.bestAsk()).trades + candles.candles('1m').length + deltas;
  return { ms, trades, check };
}

export async function measureFold(): Promise<{ trades_per_s: number }> {
  const w = workload();
  foldOnce(w);
  const runs = [foldOnce(w), foldOnce(w), foldOnce(w)];
  for (const r of runs)
    if (r.trades !== TRADES) throw new Error(`folded ${r.trades} trades, expected ${TRADES}`);
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1]!;
  return { trades_per_s: Math.round(TRADES / (ms / 1_000)) };
}
