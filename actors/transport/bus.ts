/**
 * The event bus the exchange publishes market data and events on: fire-and-forget publish to a
 * subject, subscribe to a NATS-style pattern. Three implementations with the same contract
 * (`bus.contract.ts`): `InProcessBus` (the embedded default), `NatsBus` (core NATS: the exchange's
 * events between nodes) and `RedisBus` (Redis pub/sub: only the gateways' fan-out of GraphQL
 * subscriptions across instances, `createFanoutBus`).
 *
 * Semantics all three keep:
 * - Values are what the store's codec carries (JSON plus exact bigints); every subscriber gets its
 *   own decoded copy, never the publisher's object.
 * - Delivery is asynchronous (a handler never runs inside `publish`) and, per subscription, in
 *   publish order (per publisher, on NATS and Redis) and one at a time: the next message waits
 *   until the handler's promise settles.
 * - At most once: a message published while nobody is subscribed, or dropped by overflow, is gone.
 *   Durable, acknowledged delivery is JetStream's job (`NatsBus.consume`).
 *
 * Slow subscribers: each subscription holds at most `maxPending` undelivered messages. When one
 * more arrives the **oldest** is dropped, `dropped` counts it, and `onOverflow` is called in order,
 * just before the first message after the gap. We drop rather than block or buffer without bound
 * because one stuck consumer must not stall the matching engine or grow memory until the process
 * dies, and market data consumers recover anyway: sequence numbers show the gap and they resync
 * from a snapshot. Dropping the oldest keeps the freshest state, which is what they resync towards.
 */

/** Default bound of a subscription's queue of undelivered messages. */
export const DEFAULT_MAX_PENDING = 10_000;

/** One delivered message: the concrete subject it was published to and a fresh decoded copy. */
export interface BusMessage {
  readonly subject: string;
  readonly value: unknown;
}

/** Handles one message; a returned promise holds back the next message until it settles. */
export type MessageHandler = (message: BusMessage) => void | Promise<void>;

/** What `onOverflow` is told: how many messages were just skipped, and the running total. */
export interface OverflowNotice {
  /** The subscription's pattern. */
  readonly pattern: string;
  /** Messages dropped since the previous notice: the gap just before the next delivered message. */
  readonly dropped: number;
  /** Messages dropped over the subscription's life. */
  readonly totalDropped: number;
}

export interface SubscribeOptions {
  /** Bound of undelivered messages held for this subscription (default `DEFAULT_MAX_PENDING`). */
  readonly maxPending?: number;
  /**
   * Told when messages were dropped, in delivery order: everything delivered before it came before
   * the gap, the next message comes after it. A market data consumer resyncs from a snapshot here.
   */
  readonly onOverflow?: (notice: OverflowNotice) => void;
  /**
   * Told when the handler (or `onOverflow`) throws or a payload cannot be decoded; delivery goes on
   * with the next message. Default: a process warning, so failures are never silent.
   */
  readonly onError?: (error: unknown, message: BusMessage | undefined) => void;
}

export interface Subscription {
  readonly pattern: string;
  /** Messages waiting for the handler (never more than `maxPending`). */
  readonly pending: number;
  /** Messages handed to the handler so far. */
  readonly delivered: number;
  /** Messages dropped because the queue was full. */
  readonly dropped: number;
  readonly closed: boolean;
  /**
   * Stops delivery now: undelivered messages are discarded and the handler is not called again
   * (a call already running finishes). Idempotent.
   */
  unsubscribe(): void;
}

export interface Bus {
  /** `'in-process'`, `'nats'` or `'redis'`, for the node's start-up line and metrics. */
  readonly kind: string;

  /**
   * Publishes `value` to the concrete `subject`. Resolves once the bus has accepted the message
   * (queued for each matching subscription, or written to the NATS connection's buffer, which
   * nats.js also keeps across a reconnect, or acknowledged by Redis); it does not wait for delivery.
   *
   * @throws (rejects) InvalidSubjectError for a bad subject, the store's InvalidValueError for a
   *   value the codec cannot carry, BusClosedError after `close()`, PayloadTooLargeError on NATS,
   *   BusUnavailableError on Redis when the connection stays down.
   */
  publish(subject: string, value: unknown): Promise<void>;

  /**
   * Calls `handler` for every message published to a subject matching `pattern` from now on.
   *
   * @throws InvalidSubjectError for a bad pattern, BusClosedError after `close()`.
   */
  subscribe(pattern: string, handler: MessageHandler, options?: SubscribeOptions): Subscription;

  /**
   * Resolves when everything published and subscribed so far has reached the server (one round
   * trip on NATS, a PING after the publishes on Redis; immediate in-process). Use it before relying
   * on another connection seeing a new subscription or message.
   */
  flush(): Promise<void>;

  /**
   * Drains and closes: refuses new publishes and subscriptions, delivers every message already
   * accepted to its handlers (waiting for their promises), then releases the connection.
   * Idempotent; every call resolves when the bus is closed.
   */
  close(): Promise<void>;
}
