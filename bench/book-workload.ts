import type {
  AmendOrder,
  BookCommand,
  BookConfig,
  BookEvent,
  CancelOrder,
  OrderBook,
  PlaceOrder,
} from '../actors/market/types.ts';

/**
 * The seeded command stream of the `book` and `book-deep` benchmarks, in the style of
 * exchange-core's order book benchmarks: a pre-filled book, then a long stream of commands in a
 * fixed mix dominated by moves of resting orders.
 *
 * Mix per command (one draw each): 9% GTC LIMIT, 3% IOC, 6% cancel, 82% move (an `amend` of a
 * resting order to a price 1..4 ticks up or down, never the same price, and a new size 1..100
 * lots). Every amend changes the price, so every amend loses priority in any price-time book,
 * which is also what nodejs-order-book's `modify` does: both books see the same semantics.
 *
 * Prices are ticks around CENTRE; the pre-fill puts `restingOrders` orders on exactly `levels`
 * price levels (half bids just below CENTRE, half asks just above, every level used once, then the
 * rest on random levels of their side). During the stream:
 * - a GTC order is passive, 1 + floor(x × levels/2) ticks behind the opposite best price, where
 *   x = u (30%) or u³ (70%), u uniform in [0, 1): most join near the top, the rest anywhere in
 *   the pre-fill's depth; or, with a
 *   probability (5% at the target size) that rises when the book holds more than `restingOrders`
 *   and falls when it holds fewer, crossing: 0..2 ticks through the opposite best price;
 * - an IOC order is priced 0..3 ticks through the opposite best price; its size (1..100 lots times
 *   a factor, 1 at the target size) also grows when the book holds more than `restingOrders` and
 *   shrinks when it holds fewer; together this keeps the book near its pre-filled size;
 * - cancels and moves pick a uniformly random resting order (with its owner's account); a move
 *   goes up or down with equal odds, so a move of an order at or near the top of its side
 *   sometimes crosses the spread and trades;
 * - accounts are 1..`accounts`, uniformly; self-trade prevention is off (STP `NONE`).
 *
 * The generator runs against a real book (`generateWorkload(shape, book)`): it processes each
 * command as soon as it is drawn and updates its model of the resting orders from the events the
 * book returns (fills remove or shrink makers, a taker rests what is left, amends re-price), so a
 * cancel or move always targets an order that is resting at that moment. The whole stream is
 * built before any timing; the timed passes replay it unchanged.
 */

/** Ticks around which the book is built; far from 0 so that the prices never reach it. */
export const CENTRE = 1_000_000;

/** The benchmark's market: no size, notional or band limits that could reject a command. */
export const BENCH_CONFIG: BookConfig = {
  symbol: 'BENCH-USD',
  minSize: 1,
  maxSize: 1_000_000_000,
  minNotional: 0,
  priceBandBps: 0,
};

export const MIX = { gtc: 0.09, ioc: 0.03, cancel: 0.06, move: 0.82 } as const;

export interface WorkloadShape {
  readonly name: string;
  readonly seed: number;
  /** Orders resting after the pre-fill; also the size the stream keeps the book near. */
  readonly restingOrders: number;
  /** Distinct price levels of the pre-fill (both sides together). */
  readonly levels: number;
  readonly accounts: number;
  readonly commands: number;
}

export interface WorkloadStats {
  gtc: number;
  ioc: number;
  cancel: number;
  move: number;
  /** GTC orders drawn as crossing. */
  gtcCrossing: number;
  /** Moves that traded (the new price crossed). */
  moveCrossed: number;
  /** IOC orders that traded at least one lot. */
  iocTraded: number;
  fills: number;
  tradedLots: number;
  events: number;
  minResting: number;
  maxResting: number;
  /** Resting orders and price levels at the end of the stream. */
  finalResting: number;
  finalLevels: number;
}

export interface Workload {
  readonly shape: WorkloadShape;
  /** Non-crossing GTC orders; applied (untimed) to every book before the stream. */
  readonly prefill: readonly PlaceOrder[];
  readonly commands: readonly BookCommand[];
  readonly stats: WorkloadStats;
  /** The generating book's state after pre-fill + stream: every replay must end the same. */
  readonly finalStateHash: string;
  /** Events the stream (without the pre-fill) produced in the generating book. */
  readonly streamEvents: number;
}

/** mulberry32: a small, fast, seeded 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BUY = 0;
const SELL = 1;

/** The generator's view of the resting orders: dense id list (for O(1) random picks) + columns. */
class RestingModel {
  readonly ids: Int32Array;
  readonly pos: Int32Array;
  readonly side: Uint8Array;
  readonly price: Float64Array;
  readonly size: Float64Array;
  readonly account: Int32Array;
  count = 0;

  constructor(maxId: number) {
    this.ids = new Int32Array(maxId + 1);
    this.pos = new Int32Array(maxId + 1).fill(-1);
    this.side = new Uint8Array(maxId + 1);
    this.price = new Float64Array(maxId + 1);
    this.size = new Float64Array(maxId + 1);
    this.account = new Int32Array(maxId + 1);
  }

  has(id: number): boolean {
    return this.pos[id]! >= 0;
  }

  add(id: number, side: number, price: number, size: number, account: number): void {
    if (this.has(id)) throw new Error(`workload model: order ${id} added twice`);
    this.pos[id] = this.count;
    this.ids[this.count++] = id;
    this.side[id] = side;
    this.price[id] = price;
    this.size[id] = size;
    this.account[id] = account;
  }

  remove(id: number): void {
    const p = this.pos[id]!;
    if (p < 0) throw new Error(`workload model: order ${id} is not resting`);
    const last = this.ids[--this.count]!;
    this.ids[p] = last;
    this.pos[last] = p;
    this.pos[id] = -1;
  }

  pick(rng: () => number): number {
    return this.ids[Math.floor(rng() * this.count)]!;
  }
}

function intBelow(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Counts resting orders of a book through its L3 view and checks them against the model. */
function checkModel(book: OrderBook, model: RestingModel, where: string): number {
  let n = 0;
  for (const side of ['BUY', 'SELL'] as const) {
    for (const o of book.orders(side)) {
      n++;
      const ok =
        model.has(o.orderId) &&
        model.side[o.orderId] === (side === 'BUY' ? BUY : SELL) &&
        model.price[o.orderId] === o.price &&
        model.size[o.orderId] === o.size;
      if (!ok) throw new Error(`workload ${where}: book order ${o.orderId} differs from the events seen`);
    }
  }
  if (n !== model.count)
    throw new Error(`workload ${where}: book rests ${n} orders, events imply ${model.count}`);
  return n;
}

function levelCount(book: OrderBook): number {
  const d = book.depth(Number.MAX_SAFE_INTEGER);
  return d.bids.length + d.asks.length;
}

/**
 * Builds the pre-fill and the command stream by running them through `book` (a fresh book,
 * which ends up holding the final state). Deterministic for a given shape and book semantics.
 */
export function generateWorkload(
  shape: WorkloadShape,
  book: OrderBook,
  progress: (message: string) => void = () => undefined,
): Workload {
  const rng = mulberry32(shape.seed);
  const half = Math.floor(shape.levels / 2);
  const target = shape.restingOrders;
  const model = new RestingModel(shape.restingOrders + shape.commands + 1);
  let nextId = 1;
  const account = (): number => 1 + intBelow(rng, shape.accounts);
  const lots = (): number => 1 + intBelow(rng, 100);

  // Pre-fill: every level once, then random levels; bids CENTRE-1 .. CENTRE-half, asks mirrored.
  const prefill: PlaceOrder[] = [];
  for (let i = 0; i < shape.restingOrders; i++) {
    const side = i % 2 === 0 ? BUY : SELL;
    const slot = Math.floor(i / 2);
    const offset = 1 + (slot < half ? slot : intBelow(rng, half));
    prefill.push({
      type: 'place',
      orderId: nextId++,
      account: account(),
      side: side === BUY ? 'BUY' : 'SELL',
      orderType: 'LIMIT',
      price: side === BUY ? CENTRE - offset : CENTRE + offset,
      size: lots(),
    });
  }
  for (const cmd of prefill) {
    const events = book.process(cmd);
    if (events.length !== 1 || events[0]!.type !== 'Accepted') {
      throw new Error(`workload pre-fill: order ${cmd.orderId} did not simply rest`);
    }
    model.add(cmd.orderId, cmd.side === 'BUY' ? BUY : SELL, cmd.price!, cmd.size!, cmd.account);
  }
  checkModel(book, model, 'pre-fill');
  const prefillLevels = levelCount(book);
  if (prefillLevels !== shape.levels) {
    throw new Error(`workload pre-fill: ${prefillLevels} levels, expected ${shape.levels}`);
  }

  const stats: WorkloadStats = {
    gtc: 0,
    ioc: 0,
    cancel: 0,
    move: 0,
    gtcCrossing: 0,
    moveCrossed: 0,
    iocTraded: 0,
    fills: 0,
    tradedLots: 0,
    events: 0,
    minResting: model.count,
    maxResting: model.count,
    finalResting: 0,
    finalLevels: 0,
  };
  const commands: BookCommand[] = new Array<BookCommand>(shape.commands);
  const checkEvery = Math.max(100_000, Math.floor(shape.commands / 10));

  for (let i = 0; i < shape.commands; i++) {
    const dev = (model.count - target) / target;
    let r = rng();
    // With an empty book there is nothing to cancel or move: such draws become GTC orders.
    if (model.count === 0 && r >= MIX.gtc + MIX.ioc) r = 0;
    let cmd: BookCommand;
    if (r < MIX.gtc + MIX.ioc) {
      const ioc = r >= MIX.gtc;
      const buy = rng() < 0.5;
      const bid = book.bestBid();
      const ask = book.bestAsk();
      const refAsk = ask ?? (bid !== null ? bid + 2 : CENTRE + 1);
      const refBid = bid ?? (ask !== null ? ask - 2 : CENTRE - 1);
      let price: number;
      let size: number;
      if (ioc) {
        stats.ioc++;
        const through = intBelow(rng, 4);
        price = buy ? refAsk + through : refBid - through;
        size = Math.max(1, Math.round(lots() * clamp(1 + 8 * dev, 0.25, 6)));
      } else {
        stats.gtc++;
        const crossing = rng() < clamp(0.05 + 2 * dev, 0.01, 0.5);
        if (crossing) {
          stats.gtcCrossing++;
          const through = intBelow(rng, 3);
          price = buy ? refAsk + through : refBid - through;
        } else {
          // 30% spread evenly over the pre-fill's depth (keeps the level structure), 70% cubed
          // (near the top, where IOC orders and crossing orders take liquidity).
          const u = rng();
          const behind = 1 + Math.floor((rng() < 0.3 ? u : u * u * u) * half);
          price = buy ? refAsk - behind : refBid + behind;
        }
        size = lots();
      }
      cmd = {
        type: 'place',
        orderId: nextId++,
        account: account(),
        side: buy ? 'BUY' : 'SELL',
        orderType: ioc ? 'IOC' : 'LIMIT',
        price: Math.max(1, price),
        size,
      } satisfies PlaceOrder;
    } else if (r < MIX.gtc + MIX.ioc + MIX.cancel) {
      stats.cancel++;
      const id = model.pick(rng);
      cmd = { type: 'cancel', orderId: id, account: model.account[id]! } satisfies CancelOrder;
    } else {
      stats.move++;
      const id = model.pick(rng);
      const now = model.price[id]!;
      const delta = 1 + intBelow(rng, 4);
      let price = rng() < 0.5 ? now - delta : now + delta;
      if (price < 1) price = now + delta;
      cmd = {
        type: 'amend',
        orderId: id,
        account: model.account[id]!,
        price,
        size: lots(),
      } satisfies AmendOrder;
    }
    commands[i] = cmd;
    const events = book.process(cmd);
    stats.events += events.length;
    applyEvents(cmd, events, model, stats);
    if (model.count < stats.minResting) stats.minResting = model.count;
    if (model.count > stats.maxResting) stats.maxResting = model.count;
    if ((i + 1) % checkEvery === 0) {
      checkModel(book, model, `command ${i + 1}`);
      progress(
        `  generated ${i + 1} commands: ${model.count} resting on ${levelCount(book)} levels, ` +
          `best ${book.bestBid()} / ${book.bestAsk()}`,
      );
    }
  }
  stats.finalResting = checkModel(book, model, 'end');
  stats.finalLevels = levelCount(book);
  return {
    shape,
    prefill,
    commands,
    stats,
    finalStateHash: book.stateHash(),
    streamEvents: stats.events,
  };
}

/** Updates the model from one command's events; any event the workload cannot cause is a bug. */
function applyEvents(
  cmd: BookCommand,
  events: readonly BookEvent[],
  model: RestingModel,
  stats: WorkloadStats,
): void {
  let rest = -1;
  let newPrice = 0;
  let traded = false;
  for (const e of events) {
    switch (e.type) {
      case 'Accepted':
        rest = e.size;
        break;
      case 'Amended':
        rest = e.size;
        newPrice = e.price;
        break;
      case 'Fill':
        traded = true;
        stats.fills++;
        stats.tradedLots += e.size;
        if (e.makerRemaining === 0) model.remove(e.makerOrderId);
        else model.size[e.makerOrderId] = e.makerRemaining;
        rest = e.takerRemaining;
        break;
      case 'Cancelled':
        if (e.remaining === 0) model.remove(e.orderId);
        else model.size[e.orderId] = e.remaining;
        break;
      case 'Expired':
        rest = 0;
        break;
      default:
        throw new Error(
          `workload: unexpected ${e.type} event for ${JSON.stringify(cmd)}: ${JSON.stringify(e)}`,
        );
    }
  }
  switch (cmd.type) {
    case 'place':
      if (rest < 0) throw new Error(`workload: order ${cmd.orderId} was not accepted`);
      if (cmd.orderType === 'IOC') {
        if (traded) stats.iocTraded++;
        if (rest !== 0) throw new Error(`workload: IOC ${cmd.orderId} left ${rest} lots open`);
      } else if (rest > 0) {
        model.add(cmd.orderId, cmd.side === 'BUY' ? BUY : SELL, cmd.price!, rest, cmd.account);
      }
      break;
    case 'amend':
      if (rest < 0 || newPrice !== cmd.price)
        throw new Error(`workload: amend of ${cmd.orderId} not applied`);
      if (traded) stats.moveCrossed++;
      if (rest === 0) model.remove(cmd.orderId);
      else {
        model.price[cmd.orderId] = newPrice;
        model.size[cmd.orderId] = rest;
      }
      break;
    case 'cancel':
      if (model.has(cmd.orderId)) throw new Error(`workload: cancel of ${cmd.orderId} not applied`);
      break;
    default:
      throw new Error(`workload: unexpected command ${cmd.type}`);
  }
}
