/**
 * A durable JetStream pull consumer with explicit acks: at-least-once delivery that survives
 * restarts. The server remembers the durable's position, so a consumer started again under the same
 * name resumes after the last acknowledged message.
 *
 * Each message is acked only after the handler's promise resolves. A handler that throws gets a
 * `nak` with a delay, so the server redelivers it (after `redeliveryDelayMs`), forever: these are
 * money events and dropping one after N tries would lose it; fix the handler and it catches up.
 * A payload that cannot be decoded can never succeed, so it is terminated instead and reported.
 * Handlers must be idempotent (dedupe by `seq` or the event's own id): a crash between the handler
 * and the ack, or an ack lost on the wire, redelivers.
 *
 * Messages are handled one at a time in stream order, except that a message whose handler failed
 * comes back after later ones; set `maxAckPending: 1` when strict order matters more than speed.
 */
import type {
  ConsumerConfig,
  ConsumerMessages,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
  NatsConnection,
} from 'nats';
import { AckPolicy, DeliverPolicy, nanos } from 'nats';
import { decodeValue } from '../store/index.ts';
import type { BusMessage } from './bus.ts';
import { JetStreamError, warnUnhandled } from './errors.ts';
import { JsApiCode, fromNatsError, jsApiCode } from './nats-errors.ts';

export interface DurableMessage extends BusMessage {
  /** The message's sequence number in the stream: unique, increasing, a natural dedupe key. */
  readonly seq: number;
  /** 1 on first delivery, more on redeliveries. */
  readonly deliveryCount: number;
}

/** Handles one durable message; the message is acked when this resolves, redelivered if it throws. */
export type DurableHandler = (message: DurableMessage) => void | Promise<void>;

export interface ConsumeOptions {
  /** Only messages on subjects matching this pattern (default: the whole stream). */
  readonly filterSubject?: string;
  /** How long the server waits for an ack before redelivering (default 30,000 ms). */
  readonly ackWaitMs?: number;
  /** Delay before a message whose handler threw is redelivered (default 1,000 ms). */
  readonly redeliveryDelayMs?: number;
  /** Most unacknowledged messages out at once (server default 1,000; 1 gives strict order). */
  readonly maxAckPending?: number;
  /** Messages pulled per request (default 100). */
  readonly batch?: number;
  /** Told about handler failures and a consumer that stopped by itself. Default: a process warning. */
  readonly onError?: (error: unknown, message: DurableMessage | undefined) => void;
}

export interface DurableConsumer {
  readonly stream: string;
  readonly durable: string;
  /** Messages handled and acked by this instance. */
  readonly acked: number;
  /** Handler failures (each one redelivered) and undecodable messages (terminated). */
  readonly failed: number;
  /**
   * Stops pulling: lets the running handler finish and ack, and flushes the acks. Messages already
   * pulled but not started stay unacked and come back (to any instance) after `ackWaitMs`. The
   * durable stays on the server; starting it again resumes after the last ack.
   */
  stop(): Promise<void>;
}

const decoder = new TextDecoder();

/** Creates or updates the durable, then starts pulling from it. */
export async function startDurableConsumer(
  nc: NatsConnection,
  jsm: JetStreamManager,
  js: JetStreamClient,
  stream: string,
  durable: string,
  handler: DurableHandler,
  options: ConsumeOptions,
  onStop: () => void,
): Promise<DurableConsumer> {
  let messages: ConsumerMessages;
  try {
    await ensureDurable(jsm, stream, durable, options);
    const consumer = await js.consumers.get(stream, durable);
    messages = await consumer.consume({ max_messages: options.batch ?? 100 });
  } catch (error) {
    throw fromNatsError(error, `consume ${stream}/${durable}`, true);
  }
  return new PullLoop(nc, stream, durable, messages, handler, options, onStop);
}

async function ensureDurable(
  jsm: JetStreamManager,
  stream: string,
  durable: string,
  options: ConsumeOptions,
): Promise<void> {
  const wanted: Partial<ConsumerConfig> = { ack_wait: nanos(options.ackWaitMs ?? 30_000) };
  if (options.maxAckPending !== undefined) wanted.max_ack_pending = options.maxAckPending;
  const current = await jsm.consumers.info(stream, durable).catch((error: unknown) => {
    if (jsApiCode(error) === JsApiCode.CONSUMER_NOT_FOUND) return undefined;
    throw error;
  });
  if (current === undefined) {
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...(options.filterSubject === undefined ? {} : { filter_subject: options.filterSubject }),
      ...wanted,
    });
  } else if (
    current.config.ack_wait !== wanted.ack_wait ||
    (wanted.max_ack_pending !== undefined && current.config.max_ack_pending !== wanted.max_ack_pending)
  ) {
    await jsm.consumers.update(stream, durable, wanted);
  }
}

class PullLoop implements DurableConsumer {
  readonly stream: string;
  readonly durable: string;
  acked = 0;
  failed = 0;
  private readonly nc: NatsConnection;
  private readonly messages: ConsumerMessages;
  private readonly handler: DurableHandler;
  private readonly options: ConsumeOptions;
  private readonly onStop: () => void;
  private readonly done: Promise<void>;
  private stopping: Promise<void> | undefined;

  constructor(
    nc: NatsConnection,
    stream: string,
    durable: string,
    messages: ConsumerMessages,
    handler: DurableHandler,
    options: ConsumeOptions,
    onStop: () => void,
  ) {
    this.nc = nc;
    this.stream = stream;
    this.durable = durable;
    this.messages = messages;
    this.handler = handler;
    this.options = options;
    this.onStop = onStop;
    this.done = this.run();
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.onStop();
      await this.messages.close();
      await this.done;
      // Acks are fire-and-forget; the round trip makes sure the server has them before we return.
      await this.nc.flush().catch(() => undefined);
    })();
    return this.stopping;
  }

  private async run(): Promise<void> {
    try {
      for await (const msg of this.messages) {
        // Pulled but not started: left unacked, so the server redelivers it after the ack wait. A
        // `nak` would be sooner, but NATS 2.9 can hand a nak'd message to the closing pull request.
        if (!this.stopping) await this.handle(msg);
      }
    } catch (error) {
      if (!this.stopping)
        this.report(fromNatsError(error, `consumer ${this.stream}/${this.durable}`, true), undefined);
      return;
    }
    if (!this.stopping) {
      this.report(
        new JetStreamError(`consumer ${this.stream}/${this.durable} stopped`, { retryable: true }),
        undefined,
      );
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    let message: DurableMessage;
    try {
      const value = decodeValue(decoder.decode(msg.data));
      message = { subject: msg.subject, value, seq: msg.seq, deliveryCount: msg.info.deliveryCount };
    } catch (error) {
      // Redelivering bytes that can never decode would loop forever.
      msg.term();
      this.failed++;
      this.report(error, undefined);
      return;
    }
    try {
      await this.handler(message);
    } catch (error) {
      msg.nak(this.options.redeliveryDelayMs ?? 1_000);
      this.failed++;
      this.report(error, message);
      return;
    }
    msg.ack();
    this.acked++;
  }

  private report(error: unknown, message: DurableMessage | undefined): void {
    const onError = this.options.onError;
    if (onError === undefined) {
      warnUnhandled(error, `durable consumer ${this.stream}/${this.durable}`);
      return;
    }
    try {
      onError(error, message);
    } catch (nested) {
      warnUnhandled(nested, `onError of durable consumer ${this.stream}/${this.durable}`);
    }
  }
}
