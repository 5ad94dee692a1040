/**
 * A reusable event list for `BufferedOrderBook.processInto` (exchange-core reuses its event
 * objects the same way). The book writes each event of a command into an event object kept from
 * earlier commands, one pool per event type, so once the pools have grown to the largest command
 * seen a command allocates no event and no array: at millions of commands a second, per-command
 * garbage is what the scavenger would otherwise spend its time on.
 *
 * The events are ordinary `BookEvent`s (same fields, same key order as fresh ones) but they are
 * only valid until the buffer is written again: the next `processInto` with this buffer
 * overwrites them in place. A buffer made with `reuse` false makes every event afresh instead,
 * for events that are kept: `OrderBook.process` returns those.
 */

import type {
  Accepted,
  Amended,
  BookEvent,
  CancelReason,
  Cancelled,
  ExpireReason,
  Expired,
  Fill,
  MarketStatus,
  OrderType,
  RejectCode,
  Rejected,
  Side,
  StatusChanged,
  Triggered,
} from './types.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Event objects of one type, handed out again after each `clear` when `reuse` is set. */
class Pool<T> {
  private readonly items: T[] = [];
  used = 0;

  constructor(
    private readonly reuse: boolean,
    private readonly make: () => T,
  ) {}

  take(): T {
    if (!this.reuse) return this.make();
    const items = this.items;
    if (this.used === items.length) items.push(this.make());
    return items[this.used++]!;
  }
}

function newAccepted(): Writable<Accepted> {
  return {
    type: 'Accepted',
    seq: 0,
    orderId: 0,
    account: 0,
    side: 'BUY',
    orderType: 'LIMIT',
    price: 0,
    size: 0,
  };
}

function newRejected(): Writable<Rejected> {
  return {
    type: 'Rejected',
    seq: 0,
    orderId: 0,
    account: 0,
    code: 'INVALID_ORDER',
  };
}

function newFill(): Writable<Fill> {
  return {
    type: 'Fill',
    seq: 0,
    makerOrderId: 0,
    takerOrderId: 0,
    makerAccount: 0,
    takerAccount: 0,
    price: 0,
    size: 0,
    takerSide: 'BUY',
    makerRemaining: 0,
    takerRemaining: 0,
  };
}

function newCancelled(): Writable<Cancelled> {
  return {
    type: 'Cancelled',
    seq: 0,
    orderId: 0,
    account: 0,
    size: 0,
    remaining: 0,
    reason: 'USER',
  };
}

function newExpired(): Writable<Expired> {
  return {
    type: 'Expired',
    seq: 0,
    orderId: 0,
    account: 0,
    size: 0,
    quoteLeft: 0,
    reason: 'IOC',
  };
}

function newTriggered(): Writable<Triggered> {
  return {
    type: 'Triggered',
    seq: 0,
    orderId: 0,
    account: 0,
    lastPrice: 0,
  };
}

function newAmended(): Writable<Amended> {
  return {
    type: 'Amended',
    seq: 0,
    orderId: 0,
    account: 0,
    price: 0,
    size: 0,
    keptPriority: false,
  };
}

function newStatusChanged(): Writable<StatusChanged> {
  return {
    type: 'StatusChanged',
    seq: 0,
    status: 'OPEN',
  };
}

export class EventBuffer {
  /** The events are `events[0]` .. `events[length - 1]`; entries past `length` are stale. */
  readonly events: BookEvent[] = [];
  length = 0;

  private readonly accepteds: Pool<Writable<Accepted>>;
  private readonly rejecteds: Pool<Writable<Rejected>>;
  private readonly fills: Pool<Writable<Fill>>;
  private readonly cancelleds: Pool<Writable<Cancelled>>;
  private readonly expireds: Pool<Writable<Expired>>;
  private readonly triggereds: Pool<Writable<Triggered>>;
  private readonly amendeds: Pool<Writable<Amended>>;
  private readonly statusChangeds: Pool<Writable<StatusChanged>>;

  /**
   * `reuse` false: every event is a fresh object, safe to keep (what `process` returns); the
   * default reuses them, for loops that read each command's events before the next.
   */
  constructor(reuse = true) {
    this.accepteds = new Pool(reuse, newAccepted);
    this.rejecteds = new Pool(reuse, newRejected);
    this.fills = new Pool(reuse, newFill);
    this.cancelleds = new Pool(reuse, newCancelled);
    this.expireds = new Pool(reuse, newExpired);
    this.triggereds = new Pool(reuse, newTriggered);
    this.amendeds = new Pool(reuse, newAmended);
    this.statusChangeds = new Pool(reuse, newStatusChanged);
  }

  /** Empties the list; the event objects are reused by the next writes. */
  clear(): void {
    this.length = 0;
    this.accepteds.used = 0;
    this.rejecteds.used = 0;
    this.fills.used = 0;
    this.cancelleds.used = 0;
    this.expireds.used = 0;
    this.triggereds.used = 0;
    this.amendeds.used = 0;
    this.statusChangeds.used = 0;
  }

  /** Appends an event object as it is (not copied; the buffer does not reuse it). */
  push(event: BookEvent): void {
    const events = this.events;
    if (this.length === events.length) events.push(event);
    else events[this.length] = event;
    this.length++;
  }

  /** The events as a new array (of the same event objects). */
  toArray(): BookEvent[] {
    // Most commands emit one event: an exactly sized literal is the least garbage.
    if (this.length === 1) return [this.events[0]!];
    return this.events.slice(0, this.length);
  }

  accepted(
    seq: number,
    orderId: number,
    account: number,
    side: Side,
    orderType: OrderType,
    price: number,
    size: number,
  ): void {
    const e = this.accepteds.take();
    e.seq = seq;
    e.orderId = orderId;
    e.account = account;
    e.side = side;
    e.orderType = orderType;
    e.price = price;
    e.size = size;
    this.push(e);
  }

  rejected(seq: number, orderId: number, account: number, code: RejectCode): void {
    const e = this.rejecteds.take();
    e.seq = seq;
    e.orderId = orderId;
    e.account = account;
    e.code = code;
    this.push(e);
  }

  fill(
    seq: number,
    makerOrderId: number,
    takerOrderId: number,
    makerAccount: number,
    takerAccount: number,
    price: number,
    size: number,
    takerSide: Side,
    makerRemaining: number,
    takerRemaining: number,
  ): void {
    const e = this.fills.take();
    e.seq = seq;
    e.makerOrderId = makerOrderId;
    e.takerOrderId = takerOrderId;
    e.makerAccount = makerAccount;
    e.takerAccount = takerAccount;
    e.price = price;
    e.size = size;
    e.takerSide = takerSide;
    e.makerRemaining = makerRemaining;
    e.takerRemaining = takerRemaining;
    this.push(e);
  }

  cancelled(
    seq: number,
    orderId: number,
    account: number,
    size: number,
    remaining: number,
    reason: CancelReason,
  ): void {
    const e = this.cancelleds.take();
    e.seq = seq;
    e.orderId = orderId;
    e.account = account;
    e.size = size;
    e.remaining = remaining;
    e.reason = reason;
    this.push(e);
  }

  expired(
    seq: number,
    orderId: number,
    account: number,
    size: number,
    quoteLeft: number,
    reason: ExpireReason,
  ): void {
    const e = this.expireds.take();
    e.seq = seq;
    e.orderId = orderId;
    e.account = account;
    e.size = size;
    e.quoteLeft = quoteLeft;
    e.reason = reason;
    this.push(e);
  }

  triggered(seq: number, orderId: number, account: number, lastPrice: number): void {
    const e = this.triggereds.take();
    e.seq = seq;
    e.orderId = orderId;
    e.account = account;
    e.lastPrice = lastPrice;
    this.push(e);
  }

  amended(
    seq: number,
    orderId: number,
    account: number,
    price: number,
    size: number,
    keptPriority: boolean,
  ): void {
    const e = this.amendeds.take();
    e.seq = seq;
    e.orderId = orderId;
    e.account = account;
    e.price = price;
    e.size = size;
    e.keptPriority = keptPriority;
    this.push(e);
  }

  statusChanged(seq: number, status: MarketStatus): void {
    const e = this.statusChangeds.take();
    e.seq = seq;
    e.status = status;
    this.push(e);
  }
}
