/**
 * The bus over core NATS (nats.js v2), plus the JetStream helpers of `jetstream.ts` on the same
 * connection. On the wire a payload is the UTF-8 of the store codec's text (`encodeValue`), so
 * bigints cross exactly and any NATS client can read it as JSON.
 *
 * nats.js hands messages to a callback as they are parsed; each subscription's own bounded queue
 * (`DeliveryQueue`) then decouples the socket from slow handlers, so a slow subscriber drops its
 * oldest messages instead of growing the process (or getting the whole connection cut off by the
 * server as a slow consumer).
 */
import type { NatsConnection, Subscription as NatsSubscription } from 'nats';
import { connect } from 'nats';
import { decodeValue, encodeValue } from '../store/index.ts';
import type { Bus, MessageHandler, SubscribeOptions, Subscription } from './bus.ts';
import { DeliveryQueue } from './delivery.ts';
import type { ConsumeOptions, DurableConsumer, DurableHandler } from './durable-consumer.ts';
import { BusClosedError } from './errors.ts';
import type { PublishAck, StreamOptions } from './jetstream.ts';
import { JetStream } from './jetstream.ts';
import { fromNatsError } from './nats-errors.ts';
import type { NatsBusOptions } from './nats-options.ts';
import { natsConnectionOptions, redactUrl } from './nats-options.ts';
import { validatePattern, validateSubject } from './subject.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const decodePayload = (data: Uint8Array): unknown => decodeValue(decoder.decode(data));

export class NatsBus implements Bus {
  readonly kind = 'nats';
  /** The server this connection is on now (it may change after a reconnect). */
  get server(): string {
    return this.nc.getServer();
  }

  private readonly nc: NatsConnection;
  private readonly jetstream: JetStream;
  private readonly queues = new Set<DeliveryQueue<Uint8Array>>();
  private readonly consumers = new Set<DurableConsumer>();
  private closing: Promise<void> | undefined;

  private constructor(nc: NatsConnection) {
    this.nc = nc;
    this.jetstream = new JetStream(nc);
  }

  /**
   * Connects to `url` (`nats://[user:pass@]host[:port]`). Fails fast when the server is not there
   * at start; after that nats.js reconnects on its own.
   *
   * @throws (rejects) InvalidUrlError, or BusUnavailableError when the server cannot be reached.
   */
  static async connect(url: string, options: NatsBusOptions = {}): Promise<NatsBus> {
    const connection = natsConnectionOptions(url, options);
    try {
      return new NatsBus(await connect(connection));
    } catch (error) {
      throw fromNatsError(error, `connect to ${redactUrl(url)}`);
    }
  }

  async publish(subject: string, value: unknown): Promise<void> {
    if (this.closing) throw new BusClosedError();
    validateSubject(subject);
    const data = encoder.encode(encodeValue(value));
    try {
      this.nc.publish(subject, data);
    } catch (error) {
      throw fromNatsError(error, `publish to ${subject}`);
    }
  }

  subscribe(pattern: string, handler: MessageHandler, options: SubscribeOptions = {}): Subscription {
    if (this.closing) throw new BusClosedError();
    validatePattern(pattern);
    const queue: DeliveryQueue<Uint8Array> = new DeliveryQueue(
      pattern,
      handler,
      decodePayload,
      options,
      () => {
        this.queues.delete(queue);
        subscription.unsubscribe();
      },
    );
    let subscription: NatsSubscription;
    try {
      subscription = this.nc.subscribe(pattern, {
        callback: (error, msg) => {
          if (error === null) queue.push(msg.subject, msg.data);
        },
      });
    } catch (error) {
      throw fromNatsError(error, `subscribe to ${pattern}`);
    }
    this.queues.add(queue);
    return queue;
  }

  async flush(): Promise<void> {
    if (this.closing) throw new BusClosedError();
    try {
      await this.nc.flush();
    } catch (error) {
      throw fromNatsError(error, 'flush');
    }
  }

  /**
   * Creates stream `name` capturing `subjects`, or updates its subjects and limits. Idempotent.
   *
   * @throws (rejects) InvalidNameError, InvalidSubjectError, JetStreamError.
   */
  ensureStream(name: string, subjects: readonly string[], options?: StreamOptions): Promise<void> {
    return this.jetstream.ensureStream(name, subjects, options);
  }

  /** Deletes a stream with its messages and consumers; false when it did not exist. */
  deleteStream(name: string): Promise<boolean> {
    return this.jetstream.deleteStream(name);
  }

  /** Publishes into a stream and waits until it is stored; `msgId` makes a retry store it once. */
  publishDurable(subject: string, value: unknown, options?: { msgId?: string }): Promise<PublishAck> {
    if (this.closing) return Promise.reject(new BusClosedError());
    return this.jetstream.publish(subject, value, options);
  }

  /**
   * Runs `handler` for every message of durable consumer `durable` on `stream` (created if new),
   * acking each after the handler resolves and redelivering it when the handler throws.
   * `close()` stops it; so does `stop()` on the result.
   */
  async consume(
    stream: string,
    durable: string,
    handler: DurableHandler,
    options?: ConsumeOptions,
  ): Promise<DurableConsumer> {
    if (this.closing) throw new BusClosedError();
    const consumer = await this.jetstream.consume(stream, durable, handler, options, () =>
      this.consumers.delete(consumer),
    );
    this.consumers.add(consumer);
    return consumer;
  }

  close(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  private async drain(): Promise<void> {
    // Durable consumers first: their acks must leave before the connection does.
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    // nats.js drain: unsubscribes everywhere, delivers what the server already sent to our
    // callbacks, flushes outgoing publishes, then closes.
    await this.nc.drain().catch(() => undefined);
    const queues = [...this.queues];
    await Promise.all(queues.map((queue) => queue.whenIdle()));
    for (const queue of queues) queue.closeDrained();
    this.queues.clear();
  }
}
