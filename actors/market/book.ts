/**
 * The fast matching engine book, after exchange-core's `OrderBookDirectImpl`: integer ticks
 * and lots, one price ladder per side (levels directly indexed by price in chunks of ticks, with a
 * bitset of live levels for the next best price; best level cached), an intrusive FIFO chain per
 * level, an id index for O(1) cancel and amend, and stops waiting outside the ladders in trigger
 * order. Orders are slots in typed-array columns (`OrderStore`), not objects. Pure and
 * deterministic: commands in, events out (`types.ts` is the contract, including every ordering
 * rule); no I/O, clock or randomness.
 *
 * The matching state of the incoming order (the taker) lives in fields of the book rather than
 * in an object per command, events are written into a reusable `EventBuffer`, and dead orders'
 * slots are reused, so once its arrays have grown `processInto` allocates nothing to place,
 * cancel, amend or match orders (`process` allocates the events it returns).
 */

import { BUY, NO_ORDER, OrderKind, OrderStore, sideOf, stpOf } from './book-order.ts';
import { snapshotHash } from './book-hash.ts';
import { EventBuffer } from './event-buffer.ts';
import { IntMap } from './int-map.ts';
import { checkLimits, checkPlaceShape, isPositiveInt, withinBand } from './order-validation.ts';
import { PriceLadder, type PriceLevel } from './price-ladder.ts';
import { StopBook } from './stop-book.ts';
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
  type BufferedOrderBook,
  type CancelAll,
  type CancelOrder,
  type Depth,
  type Level,
  type PlaceOrder,
  type RestingOrder,
  type SetStatus,
  type Side,
  type WaitingStop,
} from './types.ts';

/** Limit used for orders without one: a BUY takes any ask, a SELL any bid. */
const NO_LIMIT_BUY = Number.MAX_SAFE_INTEGER;
const NO_LIMIT_SELL = 0;

/**
 * The fast `OrderBook`. Build it with `createBook`; the class is exported for benchmarks and
 * tests that want to reach `restore`. Not safe to share between callers that interleave
 * commands: each command runs to completion (events, then triggered stops) inside `process` or
 * `processInto`.
 */
export class DirectBook implements BufferedOrderBook {
  /** Every live order (resting or waiting stop), by slot. */
  private readonly store = new OrderStore();
  private readonly bids = new PriceLadder(true, this.store);
  private readonly asks = new PriceLadder(false, this.store);
  private readonly stopBook = new StopBook(this.store);
  /** The slot of every live order by id. */
  private readonly index = new IntMap<number>(1024);
  private seqNo = 0;
  /** Last trade price; 0 before the first trade. */
  private last = 0;
  private marketStatus: MarketStatus = MarketStatus.OPEN;
  /** Whether the current command's own matching traded (then stops are checked). */
  private traded = false;
  /** Where the command being processed writes its events. */
  private out: EventBuffer;
  /** The buffer behind `process`: fresh event objects, which callers keep. */
  private readonly own = new EventBuffer(false);

  // The incoming order being matched.
  private tId = 0;
  private tAccount = 0;
  private tGroup = 0;
  private tSide: Side = 'BUY';
  private tStp: StpMode = StpMode.NONE;
  /** Open lots left (size mode). */
  private tRest = 0;
  /** Quote left in tick-lots (quote mode), -1 in size mode. */
  private tQuote = -1;
  /** Whether STP cancelled the incoming order's rest. */
  private tCancelled = false;

  constructor(private readonly config: BookConfig) {
    this.out = this.own;
  }

  get lastPrice(): number | null {
    return this.last > 0 ? this.last : null;
  }

  get status(): MarketStatus {
    return this.marketStatus;
  }

  get seq(): number {
    return this.seqNo;
  }

  process(command: BookCommand): BookEvent[] {
    this.processInto(command, this.own);
    return this.own.toArray();
  }

  processInto(command: BookCommand, out: EventBuffer): void {
    out.clear();
    this.out = out;
    this.traded = false;
    switch (command.type) {
      case 'amend':
        this.amend(command);
        break;
      case 'place':
        this.place(command);
        break;
      case 'cancel':
        this.cancel(command);
        break;
      case 'cancelAll':
        this.cancelAll(command);
        break;
      case 'setStatus':
        this.setStatus(command);
        break;
    }
    if (this.traded) this.runStops();
  }

  // --- commands ---------------------------------------------------------------------------------

  private place(cmd: PlaceOrder): void {
    const status = this.marketStatus;
    if (status !== MarketStatus.OPEN) {
      if (status === MarketStatus.HALTED)
        return this.reject(cmd.orderId, cmd.account, RejectCode.MARKET_HALTED);
      if (status === MarketStatus.CANCEL_ONLY) {
        return this.reject(cmd.orderId, cmd.account, RejectCode.MARKET_CANCEL_ONLY);
      }
      if (cmd.orderType !== OrderType.LIMIT || cmd.postOnly !== true) {
        return this.reject(cmd.orderId, cmd.account, RejectCode.MARKET_POST_ONLY);
      }
    }
    const id = cmd.orderId;
    if (!isPositiveInt(id)) return this.reject(id, cmd.account, RejectCode.INVALID_ORDER);
    if (this.index.has(id)) return this.reject(id, cmd.account, RejectCode.DUPLICATE_ORDER_ID);
    const shape = checkPlaceShape(cmd);
    if (shape !== null) return this.reject(id, cmd.account, shape);

    const type = cmd.orderType;
    const price = cmd.price ?? 0;
    const size = cmd.size ?? -1;
    const quote = cmd.quote ?? -1;
    let notional: number;
    if (type === OrderType.MARKET || type === OrderType.FOK_BUDGET) notional = quote;
    else if (type === OrderType.STOP_MARKET) notional = -1;
    else notional = price * size;
    const limits = checkLimits(this.config, size, notional);
    if (limits !== null) return this.reject(id, cmd.account, limits);
    if (
      (type === OrderType.LIMIT || type === OrderType.IOC || type === OrderType.FOK) &&
      !withinBand(this.config, this.last, price)
    ) {
      return this.reject(id, cmd.account, RejectCode.PRICE_BAND);
    }

    const side = cmd.side;
    const isBuy = side === 'BUY';
    const stp = cmd.stp ?? StpMode.NONE;
    const group = cmd.stpGroup ?? cmd.account;
    switch (type) {
      case OrderType.LIMIT: {
        const postOnly = cmd.postOnly === true;
        if (postOnly && this.crosses(isBuy, price)) {
          return this.reject(id, cmd.account, RejectCode.POST_ONLY_WOULD_TAKE);
        }
        this.accepted(cmd, price, size);
        const acceptedSeq = this.seqNo;
        this.setTaker(id, cmd.account, group, side, stp, size, -1);
        if (this.crosses(isBuy, price)) this.match(price);
        if (!this.tCancelled && this.tRest > 0) {
          const kind = postOnly ? OrderKind.LIMIT_POST_ONLY : OrderKind.LIMIT;
          const order = this.store.alloc(id, cmd.account, group, side, stp, kind, price, this.tRest, 0);
          this.store.acceptedSeq[order] = acceptedSeq;
          this.index.set(id, order);
          (isBuy ? this.bids : this.asks).add(order);
        }
        return;
      }
      case OrderType.IOC:
        this.accepted(cmd, price, size);
        this.setTaker(id, cmd.account, group, side, stp, size, -1);
        this.match(price);
        if (!this.tCancelled && this.tRest > 0) this.expired(this.tRest, 0, ExpireReason.IOC);
        return;
      case OrderType.FOK:
      case OrderType.FOK_BUDGET: {
        const budget = type === OrderType.FOK ? -1 : quote;
        const limit = type === OrderType.FOK ? price : isBuy ? NO_LIMIT_BUY : NO_LIMIT_SELL;
        if (!this.fillable(isBuy, group, stp, limit, size, budget)) {
          return this.reject(id, cmd.account, RejectCode.FOK_UNFILLABLE);
        }
        this.accepted(cmd, type === OrderType.FOK ? price : 0, size);
        this.setTaker(id, cmd.account, group, side, stp, size, -1);
        this.match(limit);
        return;
      }
      case OrderType.MARKET:
        this.accepted(cmd, 0, size > 0 ? size : 0);
        this.setTaker(id, cmd.account, group, side, stp, size > 0 ? size : 0, size > 0 ? -1 : quote);
        this.runMarket();
        return;
      default: {
        // STOP_LIMIT, STOP_MARKET
        const stopPrice = cmd.stopPrice!;
        if (this.last > 0 && (isBuy ? this.last >= stopPrice : this.last <= stopPrice)) {
          return this.reject(id, cmd.account, RejectCode.STOP_WOULD_TRIGGER);
        }
        const isLimit = type === OrderType.STOP_LIMIT;
        this.accepted(cmd, isLimit ? price : 0, size);
        const kind = isLimit ? OrderKind.STOP_LIMIT : OrderKind.STOP_MARKET;
        const stop = this.store.alloc(
          id,
          cmd.account,
          group,
          side,
          stp,
          kind,
          isLimit ? price : 0,
          size,
          stopPrice,
        );
        this.store.acceptedSeq[stop] = this.seqNo;
        this.index.set(id, stop);
        this.stopBook.add(stop);
      }
    }
  }

  private cancel(cmd: CancelOrder): void {
    if (this.marketStatus === MarketStatus.HALTED) {
      return this.reject(cmd.orderId, cmd.account, RejectCode.MARKET_HALTED);
    }
    const order = this.index.get(cmd.orderId);
    if (order === undefined) return this.reject(cmd.orderId, cmd.account, RejectCode.UNKNOWN_ORDER);
    if (this.store.account[order] !== cmd.account) {
      return this.reject(cmd.orderId, cmd.account, RejectCode.NOT_ORDER_OWNER);
    }
    this.cancelOrder(order);
  }

  private cancelAll(cmd: CancelAll): void {
    if (this.marketStatus === MarketStatus.HALTED) {
      return this.reject(0, cmd.account, RejectCode.MARKET_HALTED);
    }
    const account = cmd.account;
    const store = this.store;
    const mine: number[] = [];
    this.index.forEachValue((order) => {
      if (store.account[order] === account) mine.push(order);
    });
    mine.sort((a, b) => store.acceptedSeq[a]! - store.acceptedSeq[b]!);
    for (const order of mine) this.cancelOrder(order);
  }

  private amend(cmd: AmendOrder): void {
    const status = this.marketStatus;
    if (status === MarketStatus.HALTED)
      return this.reject(cmd.orderId, cmd.account, RejectCode.MARKET_HALTED);
    if (status === MarketStatus.CANCEL_ONLY) {
      return this.reject(cmd.orderId, cmd.account, RejectCode.MARKET_CANCEL_ONLY);
    }
    const order = this.index.get(cmd.orderId);
    if (order === undefined) return this.reject(cmd.orderId, cmd.account, RejectCode.UNKNOWN_ORDER);
    const store = this.store;
    if (store.account[order] !== cmd.account) {
      return this.reject(cmd.orderId, cmd.account, RejectCode.NOT_ORDER_OWNER);
    }
    const kind = store.kind[order]!;
    if (kind >= OrderKind.STOP_LIMIT) {
      return this.reject(cmd.orderId, cmd.account, RejectCode.NOT_AMENDABLE);
    }
    const oldPrice = store.price[order]!;
    const oldSize = store.size[order]!;
    let newPrice = oldPrice;
    if (cmd.price !== undefined) {
      newPrice = cmd.price;
      if (!isPositiveInt(newPrice)) return this.reject(cmd.orderId, cmd.account, RejectCode.INVALID_PRICE);
    }
    let newSize = oldSize;
    if (cmd.size !== undefined) {
      newSize = cmd.size;
      if (!isPositiveInt(newSize)) return this.reject(cmd.orderId, cmd.account, RejectCode.INVALID_SIZE);
    }
    if (newPrice === oldPrice && newSize === oldSize) {
      return this.reject(cmd.orderId, cmd.account, RejectCode.INVALID_ORDER);
    }
    const limits = checkLimits(this.config, newSize, newPrice * newSize);
    if (limits !== null) return this.reject(cmd.orderId, cmd.account, limits);
    if (!withinBand(this.config, this.last, newPrice)) {
      return this.reject(cmd.orderId, cmd.account, RejectCode.PRICE_BAND);
    }
    const isBuy = store.side[order] === BUY;
    const crosses = newPrice !== oldPrice && this.crosses(isBuy, newPrice);
    if (crosses) {
      // The market status first, then the order's own post-only flag.
      if (status === MarketStatus.POST_ONLY) {
        return this.reject(cmd.orderId, cmd.account, RejectCode.MARKET_POST_ONLY);
      }
      if (kind === OrderKind.LIMIT_POST_ONLY) {
        return this.reject(cmd.orderId, cmd.account, RejectCode.POST_ONLY_WOULD_TAKE);
      }
    }

    const keptPriority = newPrice === oldPrice && newSize < oldSize;
    this.out.amended(++this.seqNo, cmd.orderId, cmd.account, newPrice, newSize, keptPriority);
    const ladder = isBuy ? this.bids : this.asks;
    if (keptPriority) {
      ladder.levelAt(oldPrice).size -= oldSize - newSize;
      store.size[order] = newSize;
      return;
    }
    ladder.remove(order);
    store.price[order] = newPrice;
    store.size[order] = newSize;
    if (crosses) {
      this.setTaker(
        cmd.orderId,
        cmd.account,
        store.stpGroup[order]!,
        sideOf(store.side[order]!),
        stpOf(store.stp[order]!),
        newSize,
        -1,
      );
      this.match(newPrice);
      if (this.tCancelled || this.tRest === 0) {
        this.forget(order);
        return;
      }
      store.size[order] = this.tRest;
    }
    ladder.add(order);
  }

  private setStatus(cmd: SetStatus): void {
    const status = cmd.status;
    if (
      status !== MarketStatus.OPEN &&
      status !== MarketStatus.HALTED &&
      status !== MarketStatus.CANCEL_ONLY &&
      status !== MarketStatus.POST_ONLY
    ) {
      return this.reject(0, 0, RejectCode.INVALID_ORDER);
    }
    this.marketStatus = status;
    this.out.statusChanged(++this.seqNo, status);
  }

  // --- matching ---------------------------------------------------------------------------------

  private setTaker(
    id: number,
    account: number,
    group: number,
    side: Side,
    stp: StpMode,
    rest: number,
    quote: number,
  ): void {
    this.tId = id;
    this.tAccount = account;
    this.tGroup = group;
    this.tSide = side;
    this.tStp = stp;
    this.tRest = rest;
    this.tQuote = quote;
    this.tCancelled = false;
  }

  /** Whether a limit price on this side reaches the opposite best price. */
  private crosses(isBuy: boolean, price: number): boolean {
    if (isBuy) {
      const best = this.asks.best();
      return best !== undefined && best.price <= price;
    }
    const best = this.bids.best();
    return best !== undefined && best.price >= price;
  }

  /** Runs a MARKET taker (set up by `setTaker`) and expires what is left. */
  private runMarket(): void {
    this.match(this.tSide === 'BUY' ? NO_LIMIT_BUY : NO_LIMIT_SELL);
    if (this.tCancelled) return;
    if (this.tQuote >= 0) {
      if (this.tQuote > 0) this.expired(0, this.tQuote, ExpireReason.NO_LIQUIDITY);
    } else if (this.tRest > 0) this.expired(this.tRest, 0, ExpireReason.NO_LIQUIDITY);
  }

  /**
   * Matches the taker against the opposite side up to `limit`, in price-time order, applying
   * its STP mode to own resting orders. Leaves `tRest`/`tQuote` and `tCancelled` for the caller.
   * In quote mode the taker's open lots at a level are the whole lots its quote still pays for.
   */
  private match(limit: number): void {
    const isBuy = this.tSide === 'BUY';
    const ladder = isBuy ? this.asks : this.bids;
    const byQuote = this.tQuote >= 0;
    const stpOn = this.tStp !== StpMode.NONE;
    for (;;) {
      const level = ladder.best();
      if (level === undefined) return;
      const price = level.price;
      if (isBuy ? price > limit : price < limit) return;
      const store = this.store;
      let maker = level.head;
      while (maker !== NO_ORDER) {
        const want = byQuote ? Math.floor(this.tQuote / price) : this.tRest;
        if (want === 0) return;
        const next = store.next[maker]!;
        if (stpOn && store.stpGroup[maker] === this.tGroup) {
          this.selfTrade(level, maker, want, price);
          if (this.tCancelled) return;
        } else {
          const makerSize = store.size[maker]!;
          const qty = want < makerSize ? want : makerSize;
          const makerRest = makerSize - qty;
          store.size[maker] = makerRest;
          level.size -= qty;
          if (byQuote) this.tQuote -= qty * price;
          else this.tRest -= qty;
          this.last = price;
          this.traded = true;
          this.out.fill(
            ++this.seqNo,
            store.id[maker]!,
            this.tId,
            store.account[maker]!,
            this.tAccount,
            price,
            qty,
            this.tSide,
            makerRest,
            byQuote ? 0 : this.tRest,
          );
          if (makerRest === 0) this.removeResting(maker);
        }
        maker = next;
      }
      if (!byQuote && this.tRest === 0) return;
    }
  }

  /** The taker meets an own resting order under an STP mode other than NONE. */
  private selfTrade(level: PriceLevel, maker: number, want: number, price: number): void {
    // A by-quote taker has no open lots of its own: cancelling its rest cancels 0 lots.
    const open = this.tQuote >= 0 ? 0 : want;
    switch (this.tStp) {
      case StpMode.CANCEL_RESTING:
        this.cancelResting(maker, CancelReason.STP);
        return;
      case StpMode.CANCEL_INCOMING:
        this.cancelTaker(open, 0);
        return;
      case StpMode.CANCEL_BOTH:
        this.cancelResting(maker, CancelReason.STP);
        this.cancelTaker(open, 0);
        return;
      default: {
        // DECREMENT_AND_CANCEL
        const store = this.store;
        const makerSize = store.size[maker]!;
        const q = want < makerSize ? want : makerSize;
        if (makerSize === q) this.cancelResting(maker, CancelReason.STP);
        else {
          store.size[maker] = makerSize - q;
          level.size -= q;
          this.cancelledEvent(store.id[maker]!, store.account[maker]!, q, makerSize - q, CancelReason.STP);
        }
        if (want === q) this.cancelTaker(want, 0);
        else {
          if (this.tQuote >= 0) this.tQuote -= q * price;
          else this.tRest -= q;
          this.cancelledEvent(this.tId, this.tAccount, q, want - q, CancelReason.STP);
        }
      }
    }
  }

  /** STP cancels the taker's rest (`size` lots of it by this event). */
  private cancelTaker(size: number, remaining: number): void {
    this.cancelledEvent(this.tId, this.tAccount, size, remaining, CancelReason.STP);
    this.tCancelled = true;
    this.tRest = 0;
  }

  /**
   * FOK / FOK_BUDGET dry run of `match`: whether all `size` lots would trade within `limit`
   * (and, with a budget, for at most / at least `budget` tick-lots), counting own orders as
   * `match` would treat them. Changes nothing.
   */
  private fillable(
    isBuy: boolean,
    group: number,
    stp: StpMode,
    limit: number,
    size: number,
    budget: number,
  ): boolean {
    const ladder = isBuy ? this.asks : this.bids;
    const store = this.store;
    const stpOn = stp !== StpMode.NONE;
    let rest = size;
    let notional = 0;
    for (let level = ladder.best(); level !== undefined; level = ladder.worse(level)) {
      const price = level.price;
      if (isBuy ? price > limit : price < limit) break;
      for (let maker = level.head; maker !== NO_ORDER; maker = store.next[maker]!) {
        if (stpOn && store.stpGroup[maker] === group) {
          // CANCEL_RESTING goes on past it; every other mode ends or shrinks the taker untraded.
          if (stp === StpMode.CANCEL_RESTING) continue;
          return false;
        }
        const makerSize = store.size[maker]!;
        const qty = rest < makerSize ? rest : makerSize;
        rest -= qty;
        notional += qty * price;
        if (rest === 0) break;
      }
      if (rest === 0) break;
      if (budget >= 0 && isBuy && notional > budget) return false;
    }
    if (rest > 0) return false;
    if (budget < 0) return true;
    return isBuy ? notional <= budget : notional >= budget;
  }

  /** Triggers waiting stops one at a time while the last price reaches one (cascades). */
  private runStops(): void {
    const store = this.store;
    for (;;) {
      const stop = this.stopBook.next(this.last);
      if (stop === NO_ORDER) return;
      this.stopBook.remove(stop);
      const id = store.id[stop]!;
      const account = store.account[stop]!;
      const side = sideOf(store.side[stop]!);
      const price = store.price[stop]!;
      this.out.triggered(++this.seqNo, id, account, this.last);
      this.setTaker(id, account, store.stpGroup[stop]!, side, stpOf(store.stp[stop]!), store.size[stop]!, -1);
      if (store.kind[stop] === OrderKind.STOP_LIMIT) {
        if (!withinBand(this.config, this.last, price)) {
          this.forget(stop);
          this.reject(id, account, RejectCode.PRICE_BAND);
          continue;
        }
        const isBuy = side === 'BUY';
        if (this.crosses(isBuy, price)) this.match(price);
        if (!this.tCancelled && this.tRest > 0) {
          store.kind[stop] = OrderKind.LIMIT;
          store.size[stop] = this.tRest;
          (isBuy ? this.bids : this.asks).add(stop);
        } else this.forget(stop);
      } else {
        this.forget(stop);
        this.runMarket();
      }
    }
  }

  // --- order removal and events -----------------------------------------------------------------

  /** Drops an order that has left every chain: out of the index, its slot freed. */
  private forget(order: number): void {
    this.index.delete(this.store.id[order]!);
    this.store.release(order);
  }

  /** Removes a resting order that has no open lots left (or is being cancelled). */
  private removeResting(order: number): void {
    (this.store.side[order] === BUY ? this.bids : this.asks).remove(order);
    this.forget(order);
  }

  private cancelResting(order: number, reason: CancelReason): void {
    const store = this.store;
    this.cancelledEvent(store.id[order]!, store.account[order]!, store.size[order]!, 0, reason);
    this.removeResting(order);
  }

  /** User cancel of a resting order or a waiting stop. */
  private cancelOrder(order: number): void {
    const store = this.store;
    if (store.isStop(order)) {
      this.cancelledEvent(store.id[order]!, store.account[order]!, store.size[order]!, 0, CancelReason.USER);
      this.stopBook.remove(order);
      this.forget(order);
    } else this.cancelResting(order, CancelReason.USER);
  }

  private cancelledEvent(
    orderId: number,
    account: number,
    size: number,
    remaining: number,
    reason: CancelReason,
  ): void {
    this.out.cancelled(++this.seqNo, orderId, account, size, remaining, reason);
  }

  private expired(size: number, quoteLeft: number, reason: ExpireReason): void {
    this.out.expired(++this.seqNo, this.tId, this.tAccount, size, quoteLeft, reason);
  }

  private accepted(cmd: PlaceOrder, price: number, size: number): void {
    this.out.accepted(++this.seqNo, cmd.orderId, cmd.account, cmd.side, cmd.orderType, price, size);
  }

  private reject(orderId: number, account: number, code: RejectCode): void {
    this.out.rejected(++this.seqNo, orderId, account, code);
  }

  // --- queries ----------------------------------------------------------------------------------

  bestBid(): number | null {
    const best = this.bids.best();
    return best === undefined ? null : best.price;
  }

  bestAsk(): number | null {
    const best = this.asks.best();
    return best === undefined ? null : best.price;
  }

  depth(levels: number): Depth {
    return { bids: DirectBook.levelsOf(this.bids, levels), asks: DirectBook.levelsOf(this.asks, levels) };
  }

  orders(side: Side): RestingOrder[] {
    const out: RestingOrder[] = [];
    const ladder = side === 'BUY' ? this.bids : this.asks;
    const s = this.store;
    for (let level = ladder.best(); level !== undefined; level = ladder.worse(level)) {
      for (let o = level.head; o !== NO_ORDER; o = s.next[o]!) {
        out.push({
          orderId: s.id[o]!,
          account: s.account[o]!,
          stpGroup: s.stpGroup[o]!,
          side,
          price: s.price[o]!,
          size: s.size[o]!,
          stp: stpOf(s.stp[o]!),
          postOnly: s.kind[o] === OrderKind.LIMIT_POST_ONLY,
          acceptedSeq: s.acceptedSeq[o]!,
        });
      }
    }
    return out;
  }

  stops(): WaitingStop[] {
    const out: WaitingStop[] = [];
    const s = this.store;
    for (let o = this.stopBook.first(); o !== NO_ORDER; o = s.next[o]!) {
      out.push({
        orderId: s.id[o]!,
        account: s.account[o]!,
        stpGroup: s.stpGroup[o]!,
        side: sideOf(s.side[o]!),
        orderType: s.kind[o] === OrderKind.STOP_LIMIT ? OrderType.STOP_LIMIT : OrderType.STOP_MARKET,
        stopPrice: s.stopPrice[o]!,
        price: s.price[o]!,
        size: s.size[o]!,
        stp: stpOf(s.stp[o]!),
        acceptedSeq: s.acceptedSeq[o]!,
      });
    }
    return out;
  }

  snapshot(): BookSnapshot {
    return {
      config: this.config,
      status: this.marketStatus,
      seq: this.seqNo,
      lastPrice: this.lastPrice,
      orders: [...this.orders('BUY'), ...this.orders('SELL')],
      stops: this.stops(),
    };
  }

  stateHash(): string {
    return snapshotHash(this.snapshot());
  }

  /**
   * Loads a snapshot into this (fresh) book, exactly: orders keep their priority (the snapshot
   * lists them in it), their post-only flag and their `acceptedSeq` (placement order, read by
   * cancelAll and by stop trigger ties), so the restored book emits the same events and hashes
   * as the book the snapshot was taken from.
   */
  restore(snapshot: BookSnapshot): void {
    if (this.seqNo !== 0 || this.index.size !== 0) throw new Error('book: restore into a used book');
    this.marketStatus = snapshot.status;
    this.seqNo = snapshot.seq;
    this.last = snapshot.lastPrice ?? 0;
    const store = this.store;
    for (const o of snapshot.orders) {
      const order = store.alloc(
        o.orderId,
        o.account,
        o.stpGroup,
        o.side,
        o.stp,
        o.postOnly === true ? OrderKind.LIMIT_POST_ONLY : OrderKind.LIMIT,
        o.price,
        o.size,
        0,
      );
      store.acceptedSeq[order] = o.acceptedSeq;
      (o.side === 'BUY' ? this.bids : this.asks).add(order);
      this.index.set(o.orderId, order);
    }
    // The stop book takes stops in placement order (its trigger ties follow insertion).
    const stops = [...snapshot.stops].sort((a, b) => a.acceptedSeq - b.acceptedSeq);
    for (const s of stops) {
      const kind = s.orderType === OrderType.STOP_LIMIT ? OrderKind.STOP_LIMIT : OrderKind.STOP_MARKET;
      const stop = store.alloc(
        s.orderId,
        s.account,
        s.stpGroup,
        s.side,
        s.stp,
        kind,
        s.price,
        s.size,
        s.stopPrice,
      );
      store.acceptedSeq[stop] = s.acceptedSeq;
      this.stopBook.add(stop);
      this.index.set(s.orderId, stop);
    }
  }

  private static levelsOf(ladder: PriceLadder, count: number): Level[] {
    const out: Level[] = [];
    for (let level = ladder.best(); level !== undefined && out.length < count; level = ladder.worse(level)) {
      out.push([level.price, level.size, level.count]);
    }
    return out;
  }
}

/**
 * Creates the fast book, empty and OPEN, or rebuilt from a snapshot: same `stateHash()` and the
 * same future events as the book it was taken from (see `DirectBook.restore`).
 * `config` is used as given; `snapshot.config` is not read.
 */
export function createBook(config: BookConfig, snapshot?: BookSnapshot): BufferedOrderBook {
  const book = new DirectBook(config);
  if (snapshot !== undefined) book.restore(snapshot);
  return book;
}
