/**
 * One subscription's bounded queue and its delivery loop, shared by both buses so they drop,
 * order and report the same way. Payloads stay encoded in the queue and are decoded just before
 * delivery: dropped messages cost no decoding, and each subscriber gets its own copy.
 */
import type { BusMessage, MessageHandler, OverflowNotice, SubscribeOptions, Subscription } from './bus.ts';
import { DEFAULT_MAX_PENDING } from './bus.ts';
import { warnUnhandled } from './errors.ts';
import { RingBuffer } from './ring-buffer.ts';

interface Pending<R> {
  readonly subject: string;
  readonly payload: R;
}

export class DeliveryQueue<R> implements Subscription {
  readonly pattern: string;
  private readonly queue: RingBuffer<Pending<R>>;
  private readonly handler: MessageHandler;
  private readonly decode: (payload: R) => unknown;
  private readonly options: SubscribeOptions;
  private readonly onUnsubscribe: () => void;
  private scheduled = false;
  private running = false;
  private unreported = 0;
  private idleWaiters: (() => void)[] = [];
  delivered = 0;
  dropped = 0;
  closed = false;

  /**
   * @param decode turns a queued payload into the delivered value (may throw: reported, skipped).
   * @param onUnsubscribe releases the transport's side (called once, by `unsubscribe`).
   */
  constructor(
    pattern: string,
    handler: MessageHandler,
    decode: (payload: R) => unknown,
    options: SubscribeOptions,
    onUnsubscribe: () => void,
  ) {
    const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    if (!Number.isInteger(maxPending) || maxPending < 1) {
      throw new RangeError(`maxPending must be a positive integer, got ${maxPending}`);
    }
    this.pattern = pattern;
    this.queue = new RingBuffer(maxPending);
    this.handler = handler;
    this.decode = decode;
    this.options = options;
    this.onUnsubscribe = onUnsubscribe;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Queues a message (dropping the oldest when full) and makes sure the loop will run. */
  push(subject: string, payload: R): void {
    if (this.closed) return;
    if (this.queue.push({ subject, payload })) {
      this.dropped++;
      this.unreported++;
    }
    if (!this.scheduled && !this.running) {
      this.scheduled = true;
      // A microtask: never inside the publisher's call, but before an awaiting publisher resumes,
      // so a publisher awaiting each publish cannot outrun a handler that keeps up.
      queueMicrotask(() => void this.run());
    }
  }

  unsubscribe(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.clear();
    this.onUnsubscribe();
    this.settleIdle();
  }

  /** Resolves once every queued message has been handled (or the subscription closed). */
  whenIdle(): Promise<void> {
    if (this.closed || (!this.running && !this.scheduled && this.queue.size === 0)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Marks the subscription closed once drained, without calling the transport back. */
  closeDrained(): void {
    this.closed = true;
    this.queue.clear();
    this.settleIdle();
  }

  private async run(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    try {
      while (!this.closed) {
        if (this.unreported > 0) this.reportOverflow();
        const next = this.queue.shift();
        if (next === undefined) break;
        await this.deliver(next);
      }
    } finally {
      this.running = false;
      this.settleIdle();
    }
  }

  private async deliver(next: Pending<R>): Promise<void> {
    let message: BusMessage | undefined;
    try {
      message = { subject: next.subject, value: this.decode(next.payload) };
      this.delivered++;
      const result = this.handler(message);
      // Only a real promise is awaited, so fast synchronous handlers drain the queue in one turn.
      if (result instanceof Promise) await result;
    } catch (error) {
      this.reportError(error, message);
    }
  }

  private reportOverflow(): void {
    const notice: OverflowNotice = {
      pattern: this.pattern,
      dropped: this.unreported,
      totalDropped: this.dropped,
    };
    this.unreported = 0;
    try {
      this.options.onOverflow?.(notice);
    } catch (error) {
      this.reportError(error, undefined);
    }
  }

  private reportError(error: unknown, message: BusMessage | undefined): void {
    const onError = this.options.onError;
    if (onError === undefined) {
      warnUnhandled(error, `bus subscriber of ${this.pattern}${message ? ` on ${message.subject}` : ''}`);
      return;
    }
    try {
      onError(error, message);
    } catch (nested) {
      warnUnhandled(nested, `onError of the bus subscriber of ${this.pattern}`);
    }
  }

  private settleIdle(): void {
    if (this.running || this.scheduled || (!this.closed && this.queue.size > 0)) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
