/**
 * The reference order book: slow, plain and written straight from the contract in `types.ts`,
 * like exchange-core's `OrderBookNaiveImpl`. Resting orders and stops live in two plain arrays;
 * the best order is found by a linear scan, views are built by sorting copies; a FOK dry run
 * clones the whole state and runs the very same matching on the clone. It exists only so that
 * the conformance table, the property tests and the differential test have an oracle that is
 * easy to check by reading. Never use it in production: every match step is O(book size).
 *
 * Readings of the contract where its text leaves a choice (the conformance test pins each one):
 * - A non-positive or unsafe order id on `place` is `INVALID_ORDER` (the id step of validation).
 * - A field is "present" when it is not `undefined`: `postOnly: false` on an IOC is
 *   `INVALID_ORDER` like `postOnly: true`. Required fields are checked in the order price, size,
 *   quote, stopPrice, then fields the type does not take. MARKET BUY with a size is by size
 *   (a quote is then an extra field), with a quote and no size by quote; MARKET with neither,
 *   or SELL with only a quote, is `INVALID_SIZE`.
 * - Amend validates the resulting order as a new LIMIT order (its price is banded even when only
 *   the size changes). In a POST_ONLY market an amend that would cross is `MARKET_POST_ONLY`
 *   (the market status comes first), otherwise a post-only order that would cross is
 *   `POST_ONLY_WOULD_TAKE`. For a waiting stop, the owner is checked before `NOT_AMENDABLE`.
 * - FOK_BUDGET's feasibility is the same dry run as FOK's (self-trade prevention included).
 * - MARKET by quote: its open lots are 0, so its fills report `takerRemaining` 0 and an STP
 *   cancel of its rest (`CANCEL_INCOMING`, `CANCEL_BOTH`) reports size 0. Under
 *   DECREMENT_AND_CANCEL its rest at a level is the lots its quote still buys there
 *   (floor(quote left / price)); the decrement spends q × price of the quote.
 * - A by-quote MARKET that cannot buy a single lot at the best ask stops there, before any
 *   self-trade prevention against that ask.
 * - A triggered STOP_LIMIT outside the band: `Triggered`, then `Rejected` (`PRICE_BAND`).
 * - cancelAll's "placement order" is ascending `acceptedSeq`, the seq of the order's `Accepted`
 *   event (an amend or a trigger does not change it). Snapshots carry it and each resting
 *   order's post-only flag, so a restored book behaves exactly like the original.
 * - `createReferenceBook(config, snapshot)` keeps `config` (not `snapshot.config`).
 */

import { snapshotHash } from '../book-hash.ts';
import {
  CancelReason,
  ExpireReason,
  MarketStatus,
  OrderType,
  RejectCode,
  StpMode,
  type AmendOrder,
  type BookCommand,
  type BookConfig,
  type BookEvent,
  type BookSnapshot,
  type CancelAll,
  type CancelOrder,
  type Depth,
  type Level,
  type OrderBook,
  type PlaceOrder,
  type RestingOrder,
  type Side,
  type WaitingStop,
} from '../types.ts';

interface Resting {
  orderId: number;
  account: number;
  stpGroup: number;
  side: Side;
  price: number;
  size: number;
  stp: StpMode;
  postOnly: boolean;
  /** Time priority: smaller is earlier. */
  time: number;
  /** Placement order, for cancelAll: the seq of the order's `Accepted` event. */
  placed: number;
}

interface Stop {
  orderId: number;
  account: number;
  stpGroup: number;
  side: Side;
  orderType: 'STOP_LIMIT' | 'STOP_MARKET';
  stopPrice: number;
  price: number;
  size: number;
  stp: StpMode;
  /** Placement order (trigger ties, cancelAll): the seq of the stop's `Accepted` event. */
  placed: number;
}

interface State {
  status: MarketStatus;
  seq: number;
  lastPrice: number | null;
  orders: Resting[];
  stops: Stop[];
  /** Source of `time` and `placed` keys. */
  clock: number;
}

/** The incoming side of a match. */
interface Taker {
  orderId: number;
  account: number;
  stpGroup: number;
  side: Side;
  stp: StpMode;
  /** Limit price; null for MARKET and FOK_BUDGET. */
  limit: number | null;
  /** Open lots (unused by MARKET by quote). */
  rest: number;
  /** MARKET by quote: quote left in tick-lots; null otherwise. */
  quoteLeft: number | null;
  /** Lots traded. */
  filled: number;
  /** Tick-lots traded. */
  notional: number;
}

type EventBody = BookEvent extends infer E ? (E extends BookEvent ? Omit<E, 'seq'> : never) : never;

const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const SIDES: readonly unknown[] = ['BUY', 'SELL'];
const ORDER_TYPES: readonly unknown[] = Object.values(OrderType);
const STP_MODES: readonly unknown[] = Object.values(StpMode);
const STATUSES: readonly unknown[] = Object.values(MarketStatus);

const opposite = (side: Side): Side => (side === 'BUY' ? 'SELL' : 'BUY');

/** True when `a` has priority over `b` on the same side. */
function before(a: Resting, b: Resting): boolean {
  if (a.price !== b.price) return a.side === 'BUY' ? a.price > b.price : a.price < b.price;
  return a.time < b.time;
}

function sortedSide(state: State, side: Side): Resting[] {
  return state.orders
    .filter((o) => o.side === side)
    .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

function best(state: State, side: Side): Resting | undefined {
  let found: Resting | undefined;
  for (const o of state.orders) if (o.side === side && (found === undefined || before(o, found))) found = o;
  return found;
}

function toResting(o: Resting): RestingOrder {
  return {
    orderId: o.orderId,
    account: o.account,
    stpGroup: o.stpGroup,
    side: o.side,
    price: o.price,
    size: o.size,
    stp: o.stp,
    postOnly: o.postOnly,
    acceptedSeq: o.placed,
  };
}

function toWaiting(s: Stop): WaitingStop {
  return {
    orderId: s.orderId,
    account: s.account,
    stpGroup: s.stpGroup,
    side: s.side,
    orderType: s.orderType,
    stopPrice: s.stopPrice,
    price: s.price,
    size: s.size,
    stp: s.stp,
    acceptedSeq: s.placed,
  };
}

/** Builds a reference book, empty or restored from `snapshot`. */
export function createReferenceBook(config: BookConfig, snapshot?: BookSnapshot): OrderBook {
  return new ReferenceBook(config, snapshot);
}

class ReferenceBook implements OrderBook {
  private state: State;

  constructor(
    private readonly config: BookConfig,
    snapshot?: BookSnapshot,
  ) {
    this.state = { status: MarketStatus.OPEN, seq: 0, lastPrice: null, orders: [], stops: [], clock: 0 };
    if (snapshot === undefined) return;
    const s = this.state;
    s.status = snapshot.status;
    s.seq = snapshot.seq;
    s.lastPrice = snapshot.lastPrice;
    for (const o of snapshot.orders) {
      s.orders.push({
        orderId: o.orderId,
        account: o.account,
        stpGroup: o.stpGroup,
        side: o.side,
        price: o.price,
        size: o.size,
        stp: o.stp,
        postOnly: o.postOnly,
        time: ++s.clock,
        placed: o.acceptedSeq,
      });
    }
    for (const w of snapshot.stops) {
      s.stops.push({
        orderId: w.orderId,
        account: w.account,
        stpGroup: w.stpGroup,
        side: w.side,
        orderType: w.orderType,
        stopPrice: w.stopPrice,
        price: w.price,
        size: w.size,
        stp: w.stp,
        placed: w.acceptedSeq,
      });
    }
  }

  get lastPrice(): number | null {
    return this.state.lastPrice;
  }

  get status(): MarketStatus {
    return this.state.status;
  }

  get seq(): number {
    return this.state.seq;
  }

  process(command: BookCommand): BookEvent[] {
    const out: BookEvent[] = [];
    switch (command.type) {
      case 'place':
        this.place(command, out);
        break;
      case 'cancel':
        this.cancel(command, out);
        break;
      case 'amend':
        this.amend(command, out);
        break;
      case 'cancelAll':
        this.cancelAll(command, out);
        break;
      case 'setStatus':
        if (!STATUSES.includes(command.status)) {
          this.emit(this.state, out, {
            type: 'Rejected',
            orderId: 0,
            account: 0,
            code: RejectCode.INVALID_ORDER,
          });
        } else {
          this.state.status = command.status;
          this.emit(this.state, out, { type: 'StatusChanged', status: command.status });
        }
        break;
    }
    return out;
  }

  depth(levels: number): Depth {
    const side = (s: Side): Level[] => {
      const result: [number, number, number][] = [];
      for (const o of sortedSide(this.state, s)) {
        const last = result[result.length - 1];
        if (last !== undefined && last[0] === o.price) {
          last[1] += o.size;
          last[2] += 1;
        } else {
          result.push([o.price, o.size, 1]);
        }
      }
      return result.slice(0, Math.max(0, levels));
    };
    return { bids: side('BUY'), asks: side('SELL') };
  }

  orders(side: Side): RestingOrder[] {
    return sortedSide(this.state, side).map(toResting);
  }

  stops(): WaitingStop[] {
    return [...this.state.stops].sort((a, b) => a.placed - b.placed).map(toWaiting);
  }

  bestBid(): number | null {
    return best(this.state, 'BUY')?.price ?? null;
  }

  bestAsk(): number | null {
    return best(this.state, 'SELL')?.price ?? null;
  }

  snapshot(): BookSnapshot {
    return {
      config: this.config,
      status: this.state.status,
      seq: this.state.seq,
      lastPrice: this.state.lastPrice,
      orders: [...this.orders('BUY'), ...this.orders('SELL')],
      stops: this.stops(),
    };
  }

  stateHash(): string {
    return snapshotHash(this.snapshot());
  }

  // --- commands ---------------------------------------------------------------------------------

  private emit(state: State, out: BookEvent[], body: EventBody): void {
    out.push({ ...body, seq: ++state.seq } as BookEvent);
  }

  private reject(out: BookEvent[], orderId: number, account: number, code: RejectCode): void {
    this.emit(this.state, out, { type: 'Rejected', orderId, account, code });
  }

  private place(cmd: PlaceOrder, out: BookEvent[]): void {
    const state = this.state;
    const code = this.validatePlace(state, cmd);
    if (code !== null) {
      this.reject(out, cmd.orderId, cmd.account, code);
      return;
    }
    const size = cmd.size ?? 0;
    const price = cmd.price ?? 0;
    const stp = cmd.stp ?? StpMode.NONE;
    const stpGroup = cmd.stpGroup ?? cmd.account;
    const type = cmd.orderType;

    if (type === OrderType.LIMIT && cmd.postOnly === true && this.crosses(state, cmd.side, price)) {
      this.reject(out, cmd.orderId, cmd.account, RejectCode.POST_ONLY_WOULD_TAKE);
      return;
    }
    if (type === OrderType.STOP_LIMIT || type === OrderType.STOP_MARKET) {
      if (state.lastPrice !== null && stopHolds(cmd.side, cmd.stopPrice!, state.lastPrice)) {
        this.reject(out, cmd.orderId, cmd.account, RejectCode.STOP_WOULD_TRIGGER);
        return;
      }
    }
    const byQuote = type === OrderType.MARKET && cmd.size === undefined;
    const taker: Taker = {
      orderId: cmd.orderId,
      account: cmd.account,
      stpGroup,
      side: cmd.side,
      stp,
      limit: type === OrderType.LIMIT || type === OrderType.IOC || type === OrderType.FOK ? price : null,
      rest: size,
      quoteLeft: byQuote ? cmd.quote! : null,
      filled: 0,
      notional: 0,
    };
    if (type === OrderType.FOK || type === OrderType.FOK_BUDGET) {
      const dry: State = structuredClone(state);
      const dryTaker = { ...taker };
      this.match(dry, dryTaker, []);
      const enough =
        type === OrderType.FOK ||
        (cmd.side === 'BUY' ? dryTaker.notional <= cmd.quote! : dryTaker.notional >= cmd.quote!);
      if (dryTaker.filled !== size || !enough) {
        this.reject(out, cmd.orderId, cmd.account, RejectCode.FOK_UNFILLABLE);
        return;
      }
    }

    this.emit(state, out, {
      type: 'Accepted',
      orderId: cmd.orderId,
      account: cmd.account,
      side: cmd.side,
      orderType: type,
      price:
        type === OrderType.MARKET || type === OrderType.FOK_BUDGET || type === OrderType.STOP_MARKET
          ? 0
          : price,
      size: byQuote ? 0 : size,
    });
    const placed = state.seq;

    if (type === OrderType.STOP_LIMIT || type === OrderType.STOP_MARKET) {
      state.stops.push({
        orderId: cmd.orderId,
        account: cmd.account,
        stpGroup,
        side: cmd.side,
        orderType: type,
        stopPrice: cmd.stopPrice!,
        price: type === OrderType.STOP_LIMIT ? price : 0,
        size,
        stp,
        placed,
      });
      return;
    }

    const stpCancelled = this.match(state, taker, out);
    if (!stpCancelled) {
      if (type === OrderType.LIMIT) {
        if (taker.rest > 0) this.rest(state, taker, cmd.postOnly === true, placed);
      } else if (type === OrderType.IOC) {
        if (taker.rest > 0) this.expire(state, out, taker, ExpireReason.IOC);
      } else if (type === OrderType.MARKET) {
        if (taker.rest > 0 || (taker.quoteLeft ?? 0) > 0)
          this.expire(state, out, taker, ExpireReason.NO_LIQUIDITY);
      } else if (taker.rest !== 0) {
        throw new Error(`reference book: FOK ${cmd.orderId} passed its dry run but did not fill`);
      }
    }
    this.runStops(state, out);
  }

  private validatePlace(state: State, cmd: PlaceOrder): RejectCode | null {
    const status = state.status;
    if (status === MarketStatus.HALTED) return RejectCode.MARKET_HALTED;
    if (status === MarketStatus.CANCEL_ONLY) return RejectCode.MARKET_CANCEL_ONLY;
    if (status === MarketStatus.POST_ONLY && !(cmd.orderType === OrderType.LIMIT && cmd.postOnly === true)) {
      return RejectCode.MARKET_POST_ONLY;
    }

    if (!isPositiveInt(cmd.orderId)) return RejectCode.INVALID_ORDER;
    if (this.live(state, cmd.orderId) !== undefined) return RejectCode.DUPLICATE_ORDER_ID;

    if (!SIDES.includes(cmd.side) || !ORDER_TYPES.includes(cmd.orderType)) return RejectCode.INVALID_ORDER;
    if (cmd.stp !== undefined && !STP_MODES.includes(cmd.stp)) return RejectCode.INVALID_ORDER;
    if (cmd.postOnly !== undefined && typeof cmd.postOnly !== 'boolean') return RejectCode.INVALID_ORDER;
    const type = cmd.orderType;
    const byQuote =
      type === OrderType.MARKET && cmd.side === 'BUY' && cmd.size === undefined && cmd.quote !== undefined;
    const takesPrice =
      type === OrderType.LIMIT ||
      type === OrderType.IOC ||
      type === OrderType.FOK ||
      type === OrderType.STOP_LIMIT;
    const takesSize = !byQuote;
    const takesQuote = type === OrderType.FOK_BUDGET || byQuote;
    const takesStop = type === OrderType.STOP_LIMIT || type === OrderType.STOP_MARKET;
    if (takesPrice && !isPositiveInt(cmd.price)) return RejectCode.INVALID_PRICE;
    if (takesSize && !isPositiveInt(cmd.size)) return RejectCode.INVALID_SIZE;
    if (takesQuote && !isPositiveInt(cmd.quote)) return RejectCode.INVALID_QUOTE;
    if (takesStop && !isPositiveInt(cmd.stopPrice)) return RejectCode.INVALID_STOP_PRICE;
    if (
      (!takesPrice && cmd.price !== undefined) ||
      (!takesSize && cmd.size !== undefined) ||
      (!takesQuote && cmd.quote !== undefined) ||
      (!takesStop && cmd.stopPrice !== undefined) ||
      (type !== OrderType.LIMIT && cmd.postOnly !== undefined)
    ) {
      return RejectCode.INVALID_ORDER;
    }

    if (takesSize) {
      const limits = this.checkSize(cmd.size!);
      if (limits !== null) return limits;
    }
    const notional = takesPrice ? cmd.price! * cmd.size! : takesQuote ? cmd.quote! : null;
    if (notional !== null && notional < this.config.minNotional) return RejectCode.NOTIONAL_TOO_SMALL;
    if (type === OrderType.LIMIT || type === OrderType.IOC || type === OrderType.FOK) {
      if (!this.inBand(state, cmd.price!)) return RejectCode.PRICE_BAND;
    }
    return null;
  }

  private checkSize(size: number): RejectCode | null {
    if (size < this.config.minSize) return RejectCode.SIZE_TOO_SMALL;
    if (size > this.config.maxSize) return RejectCode.SIZE_TOO_LARGE;
    return null;
  }

  private inBand(state: State, price: number): boolean {
    const ref = state.lastPrice ?? this.config.referencePrice ?? null;
    if (ref === null || this.config.priceBandBps === 0) return true;
    return Math.abs(price - ref) * 10_000 <= ref * this.config.priceBandBps;
  }

  /** Would a `side` order at `price` meet the opposite best price? */
  private crosses(state: State, side: Side, price: number): boolean {
    const other = best(state, opposite(side));
    if (other === undefined) return false;
    return side === 'BUY' ? price >= other.price : price <= other.price;
  }

  private live(state: State, orderId: number): Resting | Stop | undefined {
    return state.orders.find((o) => o.orderId === orderId) ?? state.stops.find((s) => s.orderId === orderId);
  }

  private cancel(cmd: CancelOrder, out: BookEvent[]): void {
    const state = this.state;
    if (state.status === MarketStatus.HALTED) {
      this.reject(out, cmd.orderId, cmd.account, RejectCode.MARKET_HALTED);
      return;
    }
    const found = this.live(state, cmd.orderId);
    if (found === undefined) {
      this.reject(out, cmd.orderId, cmd.account, RejectCode.UNKNOWN_ORDER);
      return;
    }
    if (found.account !== cmd.account) {
      this.reject(out, cmd.orderId, cmd.account, RejectCode.NOT_ORDER_OWNER);
      return;
    }
    this.cancelLive(state, out, found, CancelReason.USER);
  }

  private cancelAll(cmd: CancelAll, out: BookEvent[]): void {
    const state = this.state;
    if (state.status === MarketStatus.HALTED) {
      this.reject(out, 0, cmd.account, RejectCode.MARKET_HALTED);
      return;
    }
    const mine: (Resting | Stop)[] = [...state.orders, ...state.stops].filter(
      (o) => o.account === cmd.account,
    );
    mine.sort((a, b) => a.placed - b.placed);
    for (const o of mine) this.cancelLive(state, out, o, CancelReason.USER);
  }

  /** Removes a resting order or a waiting stop entirely. */
  private cancelLive(state: State, out: BookEvent[], o: Resting | Stop, reason: CancelReason): void {
    state.orders = state.orders.filter((x) => x.orderId !== o.orderId);
    state.stops = state.stops.filter((x) => x.orderId !== o.orderId);
    this.emit(state, out, {
      type: 'Cancelled',
      orderId: o.orderId,
      account: o.account,
      size: o.size,
      remaining: 0,
      reason,
    });
  }

  private amend(cmd: AmendOrder, out: BookEvent[]): void {
    const state = this.state;
    const reject = (code: RejectCode): void => this.reject(out, cmd.orderId, cmd.account, code);
    if (state.status === MarketStatus.HALTED) return reject(RejectCode.MARKET_HALTED);
    if (state.status === MarketStatus.CANCEL_ONLY) return reject(RejectCode.MARKET_CANCEL_ONLY);
    const found = this.live(state, cmd.orderId);
    if (found === undefined) return reject(RejectCode.UNKNOWN_ORDER);
    if (found.account !== cmd.account) return reject(RejectCode.NOT_ORDER_OWNER);
    if (!('time' in found)) return reject(RejectCode.NOT_AMENDABLE);
    const o = found;

    if (cmd.price !== undefined && !isPositiveInt(cmd.price)) return reject(RejectCode.INVALID_PRICE);
    if (cmd.size !== undefined && !isPositiveInt(cmd.size)) return reject(RejectCode.INVALID_SIZE);
    const price = cmd.price ?? o.price;
    const size = cmd.size ?? o.size;
    if (price === o.price && size === o.size) return reject(RejectCode.INVALID_ORDER);
    const limits = this.checkSize(size);
    if (limits !== null) return reject(limits);
    if (price * size < this.config.minNotional) return reject(RejectCode.NOTIONAL_TOO_SMALL);
    if (!this.inBand(state, price)) return reject(RejectCode.PRICE_BAND);
    if (price !== o.price && this.crosses(state, o.side, price)) {
      if (state.status === MarketStatus.POST_ONLY) return reject(RejectCode.MARKET_POST_ONLY);
      if (o.postOnly) return reject(RejectCode.POST_ONLY_WOULD_TAKE);
    }

    const keptPriority = price === o.price && size < o.size;
    this.emit(state, out, {
      type: 'Amended',
      orderId: o.orderId,
      account: o.account,
      price,
      size,
      keptPriority,
    });
    if (keptPriority) {
      o.size = size;
      return;
    }
    state.orders = state.orders.filter((x) => x !== o);
    const taker: Taker = {
      orderId: o.orderId,
      account: o.account,
      stpGroup: o.stpGroup,
      side: o.side,
      stp: o.stp,
      limit: price,
      rest: size,
      quoteLeft: null,
      filled: 0,
      notional: 0,
    };
    const stpCancelled = this.match(state, taker, out);
    if (!stpCancelled && taker.rest > 0) this.rest(state, taker, o.postOnly, o.placed);
    this.runStops(state, out);
  }

  // --- matching ---------------------------------------------------------------------------------

  /**
   * Matches `taker` against the opposite side of `state`, emitting fills and STP cancels.
   * Returns true when self-trade prevention cancelled the taker's rest (it must then neither
   * rest nor expire).
   */
  private match(state: State, taker: Taker, out: BookEvent[]): boolean {
    for (;;) {
      if (taker.quoteLeft === null && taker.rest === 0) return false;
      const maker = best(state, opposite(taker.side));
      if (maker === undefined) return false;
      if (
        taker.limit !== null &&
        (taker.side === 'BUY' ? maker.price > taker.limit : maker.price < taker.limit)
      ) {
        return false;
      }
      const wanted = taker.quoteLeft === null ? taker.rest : Math.floor(taker.quoteLeft / maker.price);
      if (wanted === 0) return false;

      if (taker.stp !== StpMode.NONE && maker.stpGroup === taker.stpGroup) {
        const takerOpen = taker.quoteLeft === null ? taker.rest : 0;
        switch (taker.stp) {
          case StpMode.CANCEL_RESTING:
            this.cancelLive(state, out, maker, CancelReason.STP);
            continue;
          case StpMode.CANCEL_INCOMING:
            this.cancelTaker(state, out, taker, takerOpen, 0);
            return true;
          case StpMode.CANCEL_BOTH:
            this.cancelLive(state, out, maker, CancelReason.STP);
            this.cancelTaker(state, out, taker, takerOpen, 0);
            return true;
          case StpMode.DECREMENT_AND_CANCEL: {
            const q = Math.min(wanted, maker.size);
            maker.size -= q;
            if (maker.size === 0) state.orders = state.orders.filter((x) => x !== maker);
            this.emit(state, out, {
              type: 'Cancelled',
              orderId: maker.orderId,
              account: maker.account,
              size: q,
              remaining: maker.size,
              reason: CancelReason.STP,
            });
            if (taker.quoteLeft === null) taker.rest -= q;
            else taker.quoteLeft -= q * maker.price;
            this.cancelTaker(state, out, taker, q, wanted - q);
            if (wanted - q === 0) return true;
            continue;
          }
        }
      }

      const q = Math.min(wanted, maker.size);
      maker.size -= q;
      if (taker.quoteLeft === null) taker.rest -= q;
      else taker.quoteLeft -= q * maker.price;
      taker.filled += q;
      taker.notional += q * maker.price;
      state.lastPrice = maker.price;
      if (maker.size === 0) state.orders = state.orders.filter((x) => x !== maker);
      this.emit(state, out, {
        type: 'Fill',
        makerOrderId: maker.orderId,
        takerOrderId: taker.orderId,
        makerAccount: maker.account,
        takerAccount: taker.account,
        price: maker.price,
        size: q,
        takerSide: taker.side,
        makerRemaining: maker.size,
        takerRemaining: taker.quoteLeft === null ? taker.rest : 0,
      });
    }
  }

  private cancelTaker(state: State, out: BookEvent[], taker: Taker, size: number, remaining: number): void {
    this.emit(state, out, {
      type: 'Cancelled',
      orderId: taker.orderId,
      account: taker.account,
      size,
      remaining,
      reason: CancelReason.STP,
    });
  }

  private expire(state: State, out: BookEvent[], taker: Taker, reason: ExpireReason): void {
    this.emit(state, out, {
      type: 'Expired',
      orderId: taker.orderId,
      account: taker.account,
      size: taker.quoteLeft === null ? taker.rest : 0,
      quoteLeft: taker.quoteLeft ?? 0,
      reason,
    });
  }

  private rest(state: State, taker: Taker, postOnly: boolean, placed: number): void {
    state.orders.push({
      orderId: taker.orderId,
      account: taker.account,
      stpGroup: taker.stpGroup,
      side: taker.side,
      price: taker.limit!,
      size: taker.rest,
      stp: taker.stp,
      postOnly,
      time: ++state.clock,
      placed,
    });
  }

  /** Runs triggered stops one at a time, if the command traded, until none is left. */
  private runStops(state: State, out: BookEvent[]): void {
    if (!out.some((e) => e.type === 'Fill')) return;
    for (;;) {
      const last = state.lastPrice;
      if (last === null) return;
      const candidates = state.stops.filter((s) => stopHolds(s.side, s.stopPrice, last));
      const buys = candidates
        .filter((s) => s.side === 'BUY')
        .sort((a, b) => a.stopPrice - b.stopPrice || a.placed - b.placed);
      const sells = candidates
        .filter((s) => s.side === 'SELL')
        .sort((a, b) => b.stopPrice - a.stopPrice || a.placed - b.placed);
      const stop = buys[0] ?? sells[0];
      if (stop === undefined) return;
      state.stops = state.stops.filter((s) => s !== stop);
      this.emit(state, out, {
        type: 'Triggered',
        orderId: stop.orderId,
        account: stop.account,
        lastPrice: last,
      });
      const isLimit = stop.orderType === OrderType.STOP_LIMIT;
      if (isLimit && !this.inBand(state, stop.price)) {
        this.emit(state, out, {
          type: 'Rejected',
          orderId: stop.orderId,
          account: stop.account,
          code: RejectCode.PRICE_BAND,
        });
        continue;
      }
      const taker: Taker = {
        orderId: stop.orderId,
        account: stop.account,
        stpGroup: stop.stpGroup,
        side: stop.side,
        stp: stop.stp,
        limit: isLimit ? stop.price : null,
        rest: stop.size,
        quoteLeft: null,
        filled: 0,
        notional: 0,
      };
      const stpCancelled = this.match(state, taker, out);
      if (stpCancelled || taker.rest === 0) continue;
      if (isLimit) this.rest(state, taker, false, stop.placed);
      else this.expire(state, out, taker, ExpireReason.NO_LIQUIDITY);
    }
  }
}

/** A stop's condition: BUY when last >= stopPrice, SELL when last <= stopPrice. */
function stopHolds(side: Side, stopPrice: number, last: number): boolean {
  return side === 'BUY' ? last >= stopPrice : last <= stopPrice;
}
