/**
 * JetStream streams and acknowledged publishes: the durable side of the bus, for events that must
 * not be lost (market events the accounts settle from). Consumption is in `durable-consumer.ts`.
 */
import type { JetStreamClient, JetStreamManager, NatsConnection, StreamConfig } from 'nats';
import { StorageType, nanos } from 'nats';
import { encodeValue } from '../store/index.ts';
import type { ConsumeOptions, DurableConsumer, DurableHandler } from './durable-consumer.ts';
import { startDurableConsumer } from './durable-consumer.ts';
import { InvalidNameError } from './errors.ts';
import { JsApiCode, fromNatsError, jsApiCode } from './nats-errors.ts';
import { validatePattern, validateSubject } from './subject.ts';

export interface StreamOptions {
  /** `file` (default) survives a server restart; `memory` is for scratch streams. */
  readonly storage?: 'file' | 'memory';
  /** Drop messages older than this (default: keep until other limits). */
  readonly maxAgeMs?: number;
  /** Window in which a repeated `msgId` is stored only once (server default 2 minutes). */
  readonly duplicateWindowMs?: number;
}

export interface PublishAck {
  readonly stream: string;
  /** The message's sequence number in the stream. */
  readonly seq: number;
  /** True when the stream already held this `msgId` and did not store it again. */
  readonly duplicate: boolean;
}

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const encoder = new TextEncoder();

/** Checks a stream or durable consumer name as the JetStream API would. */
export function validateName(what: string, name: string): void {
  if (!NAME.test(name)) throw new InvalidNameError(what, name);
}

export class JetStream {
  private readonly nc: NatsConnection;
  private manager: Promise<JetStreamManager> | undefined;
  private client: JetStreamClient | undefined;

  constructor(nc: NatsConnection) {
    this.nc = nc;
  }

  /**
   * Creates stream `name` capturing `subjects` (patterns allowed), or brings an existing one's
   * subjects and limits to these. Idempotent, so every node may call it at start.
   */
  async ensureStream(name: string, subjects: readonly string[], options: StreamOptions = {}): Promise<void> {
    validateName('stream', name);
    if (subjects.length === 0) throw new RangeError(`stream ${name} needs at least one subject`);
    subjects.forEach((subject) => validatePattern(subject));
    const jsm = await this.jsm();
    const wanted: Partial<StreamConfig> = {
      subjects: [...subjects],
      max_age: options.maxAgeMs === undefined ? 0 : nanos(options.maxAgeMs),
    };
    if (options.duplicateWindowMs !== undefined) wanted.duplicate_window = nanos(options.duplicateWindowMs);
    const what = `ensure stream ${name}`;
    try {
      const current = await jsm.streams.info(name).catch((error: unknown) => {
        if (jsApiCode(error) === JsApiCode.STREAM_NOT_FOUND) return undefined;
        throw error;
      });
      if (current === undefined) {
        const storage = options.storage === 'memory' ? StorageType.Memory : StorageType.File;
        await jsm.streams.add({ name, storage, ...wanted });
      } else if (!sameConfig(current.config, wanted)) {
        await jsm.streams.update(name, wanted);
      }
    } catch (error) {
      throw fromNatsError(error, what, true);
    }
  }

  /** Deletes a stream and its consumers; false when there was none. */
  async deleteStream(name: string): Promise<boolean> {
    validateName('stream', name);
    const jsm = await this.jsm();
    try {
      return await jsm.streams.delete(name);
    } catch (error) {
      if (jsApiCode(error) === JsApiCode.STREAM_NOT_FOUND) return false;
      throw fromNatsError(error, `delete stream ${name}`, true);
    }
  }

  /**
   * Publishes and waits for the stream's acknowledgement: once this resolves, the message is
   * stored. Give a `msgId` (a command or event id) so a retry after a lost ack is stored once.
   *
   * @throws (rejects) JetStreamError when no stream captures the subject or the server refused it.
   */
  async publish(subject: string, value: unknown, options: { msgId?: string } = {}): Promise<PublishAck> {
    validateSubject(subject);
    const data = encoder.encode(encodeValue(value));
    this.client ??= this.nc.jetstream();
    try {
      const ack = await this.client.publish(
        subject,
        data,
        options.msgId === undefined ? {} : { msgID: options.msgId },
      );
      return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
    } catch (error) {
      throw fromNatsError(error, `publish to ${subject}`, true);
    }
  }

  /**
   * Starts a durable, explicitly acknowledged consumer (see `startDurableConsumer`); `onStop` runs
   * when it is stopped.
   */
  async consume(
    stream: string,
    durable: string,
    handler: DurableHandler,
    options: ConsumeOptions = {},
    onStop: () => void = () => undefined,
  ): Promise<DurableConsumer> {
    validateName('stream', stream);
    validateName('consumer', durable);
    if (options.filterSubject !== undefined) validatePattern(options.filterSubject);
    this.client ??= this.nc.jetstream();
    return startDurableConsumer(
      this.nc,
      await this.jsm(),
      this.client,
      stream,
      durable,
      handler,
      options,
      onStop,
    );
  }

  private jsm(): Promise<JetStreamManager> {
    this.manager ??= this.nc.jetstreamManager().catch((error: unknown) => {
      this.manager = undefined;
      throw fromNatsError(error, 'open JetStream', true);
    });
    return this.manager;
  }
}

function sameConfig(current: StreamConfig, wanted: Partial<StreamConfig>): boolean {
  const subjects = [...(current.subjects ?? [])].sort().join(' ');
  return (
    subjects === [...(wanted.subjects ?? [])].sort().join(' ') &&
    current.max_age === wanted.max_age &&
    (wanted.duplicate_window === undefined || current.duplicate_window === wanted.duplicate_window)
  );
}
