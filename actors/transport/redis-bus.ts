/**
 * The bus over Redis pub/sub (ioredis), for fanning GraphQL subscriptions out across several gateway
 * instances. NATS stays the exchange's event bus; this one only carries what gateways tell each
 * other's subscribers. Same contract as the other buses (`bus.contract.ts`).
 *
 * Two connections per bus: Redis puts a connection that subscribes into subscriber mode, where it
 * can run nothing else, so one connection subscribes and one publishes. On the wire a payload is the
 * store codec's text (`encodeValue`) on channel `<prefix><subject>`, so bigints cross exactly.
 *
 * Subjects follow NATS rules (`subject.ts`). Redis globs do not mean the same thing (`*` crosses
 * dots, `?` and `[` are special), so a pattern is subscribed as a safe superset glob (`a.*.b` and
 * `a.>` become `a.*.b` and `a.*`, literal text escaped) and every message is checked with
 * `subjectMatches` before it is queued; a pattern without wildcards is a plain SUBSCRIBE. Patterns
 * sharing a glob share one Redis subscription.
 *
 * Ordering across the two connections: a subscription starts (`arm`) once everything this bus
 * published before `subscribe()` has been received back (every PUBLISH acknowledged, then a PING
 * answered on the subscriber connection), and publishes made after `subscribe()` wait until then.
 * So, as on a single NATS connection, this bus's own messages reach a subscription exactly when
 * published after it. Messages from other instances published at the moment of a subscribe may or
 * may not arrive (at most once, as across NATS connections).
 *
 * Failures: an unreachable server at start is a `BusUnavailableError` (fail fast). Later, ioredis
 * reconnects on its own and resubscribes; publishes made meanwhile wait briefly in its offline queue
 * and then reject with `BusUnavailableError`, and messages published while the subscriber connection
 * was down are lost (at most once). The first error of each outage is reported (`onConnectionError`,
 * default a process warning).
 */
import { Redis } from 'ioredis';
import { decodeValue, encodeValue } from '../store/index.ts';
import type { Bus, MessageHandler, SubscribeOptions, Subscription } from './bus.ts';
import { DeliveryQueue } from './delivery.ts';
import {
  BusClosedError,
  BusUnavailableError,
  InvalidUrlError,
  TransportError,
  warnUnhandled,
} from './errors.ts';
import { redactUrl } from './nats-options.ts';
import { subjectMatches, validatePattern, validateSubject } from './subject.ts';

export interface RedisBusOptions {
  /**
   * Prepended to every channel (`qt.fanout:` gives `qt.fanout:market.BTC-USDT.trades`), so several
   * deployments (or parallel test runs) share a Redis without hearing each other. Default none.
   */
  readonly prefix?: string;
  /** Client name shown by `CLIENT LIST`, suffixed `:pub` and `:sub`, e.g. the gateway id. */
  readonly name?: string;
  /** How long the first connect may take before failing (default 5,000 ms). */
  readonly connectTimeoutMs?: number;
  /** Longest wait between reconnect attempts (default 1,000 ms; earlier attempts come sooner). */
  readonly reconnectWaitMs?: number;
  /** Told the first error of each connection outage. Default: a process warning. */
  readonly onConnectionError?: (error: unknown) => void;
}

/** Reconnect attempts a publish waits through before it rejects with `BusUnavailableError`. */
const PUBLISH_RETRIES = 5;
/** Longest a publish waits for an earlier subscription to be ready (see `hold`). */
const HOLD_TIMEOUT_MS = 5_000;
/** How long `close()` waits for a connection to say goodbye before cutting it. */
const QUIT_TIMEOUT_MS = 2_000;

const decodePayload = (data: Buffer): unknown => decodeValue(data.toString('utf8'));
const noop = (): void => undefined;

interface Entry {
  readonly tokens: readonly string[];
  readonly queue: DeliveryQueue<Buffer>;
  /** False until the subscriber connection has answered the command sent at `subscribe()`. */
  armed: boolean;
}

/** Subscriptions sharing one Redis channel or glob. */
type Group = Set<Entry>;

export class RedisBus implements Bus {
  readonly kind = 'redis';
  readonly prefix: string;

  private readonly pub: Redis;
  private readonly sub: Redis;
  /** Exact-subject subscriptions by channel, wildcard subscriptions by glob. */
  private readonly channels = new Map<string, Group>();
  private readonly patterns = new Map<string, Group>();
  /**
   * Settles once every subscription made so far is confirmed and every publish held back by one is
   * written; `undefined` when nothing is outstanding (publishes then go straight out).
   */
  private barrier: Promise<void> | undefined;
  /** The newest unanswered PUBLISH: replies come in order, so it settles after all earlier ones. */
  private lastPublish: Promise<number> | undefined;
  private closing: Promise<void> | undefined;

  private constructor(pub: Redis, sub: Redis, prefix: string) {
    this.pub = pub;
    this.sub = sub;
    this.prefix = prefix;
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      this.dispatch(this.channels.get(channel.toString('utf8')), channel, message);
    });
    sub.on('pmessageBuffer', (glob: string, channel: Buffer, message: Buffer) => {
      this.dispatch(this.patterns.get(glob), channel, message);
    });
  }

  /**
   * Connects both connections to `url` (`redis://[user:pass@]host[:port][/db]` or `rediss://`).
   * Fails fast when the server is not there at start; after that ioredis reconnects on its own.
   *
   * @throws (rejects) InvalidUrlError, or BusUnavailableError when the server cannot be reached.
   */
  static async connect(url: string, options: RedisBusOptions = {}): Promise<RedisBus> {
    checkRedisUrl(url);
    const report =
      options.onConnectionError ?? ((error) => warnUnhandled(error, `Redis bus ${redactUrl(url)}`));
    let startError: unknown;
    let started = false;
    const open = (role: 'pub' | 'sub'): Redis => {
      const redis = new Redis(url, {
        lazyConnect: true,
        connectTimeout: options.connectTimeoutMs ?? 5_000,
        retryStrategy: (times) => Math.min(times * 100, options.reconnectWaitMs ?? 1_000),
        // A subscription waits for the connection however long it takes; a publish does not.
        maxRetriesPerRequest: role === 'pub' ? PUBLISH_RETRIES : null,
        // A PUBLISH cut off mid-flight is reported rather than maybe sent twice (at most once).
        autoResendUnfulfilledCommands: role === 'sub',
        ...(options.name === undefined ? {} : { connectionName: `${options.name}:${role}` }),
      });
      let healthy = true;
      redis.on('ready', () => (healthy = true));
      // Without a listener ioredis logs every failed reconnect attempt; one report per outage.
      redis.on('error', (error: unknown) => {
        if (!started) startError ??= error;
        else if (healthy) report(error);
        healthy = false;
      });
      // A connection closed cleanly by the server (restart, CLIENT KILL) emits no error.
      redis.on('reconnecting', () => {
        if (started && healthy) {
          report(new BusUnavailableError(`Redis ${role} connection lost, reconnecting`));
        }
        healthy = false;
      });
      return redis;
    };
    const pub = open('pub');
    const sub = open('sub');
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.disconnect();
      sub.disconnect();
      const cause = startError ?? error;
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new BusUnavailableError(`connect to ${redactUrl(url)}: ${detail}`, { cause });
    }
    started = true;
    return new RedisBus(pub, sub, options.prefix ?? '');
  }

  async publish(subject: string, value: unknown): Promise<void> {
    if (this.closing) throw new BusClosedError();
    validateSubject(subject);
    const payload = encodeValue(value);
    const channel = this.prefix + subject;
    const barrier = this.barrier;
    try {
      if (barrier === undefined) {
        await this.send(channel, payload);
        return;
      }
      // Held back until earlier subscriptions are ready; later publishes queue behind this one.
      let reply: Promise<number> | undefined;
      const written = barrier.then(() => {
        reply = this.send(channel, payload);
      });
      this.hold(written);
      await written;
      await reply;
    } catch (error) {
      throw fromRedisError(error, `publish to ${subject}`);
    }
  }

  private send(channel: string, payload: string): Promise<number> {
    const reply = this.pub.publish(channel, payload);
    this.lastPublish = reply;
    const settled = (): void => {
      if (this.lastPublish === reply) this.lastPublish = undefined;
    };
    reply.then(settled, settled);
    return reply;
  }

  subscribe(pattern: string, handler: MessageHandler, options: SubscribeOptions = {}): Subscription {
    if (this.closing) throw new BusClosedError();
    const tokens = validatePattern(pattern);
    const wildcard = tokens.some((token) => token === '*' || token === '>');
    const groups = wildcard ? this.patterns : this.channels;
    const key = wildcard ? this.globFor(tokens) : this.prefix + pattern;
    const entry: Entry = {
      tokens,
      armed: false,
      queue: new DeliveryQueue(pattern, handler, decodePayload, options, () =>
        this.release(groups, key, entry),
      ),
    };
    let group = groups.get(key);
    let command: Promise<unknown> | undefined;
    if (group === undefined) {
      group = new Set();
      groups.set(key, group);
      command = wildcard ? this.sub.psubscribe(key) : this.sub.subscribe(key);
    }
    group.add(entry);
    this.hold(
      this.arm(entry, command).catch((error: unknown) => reportSubscribeError(error, pattern, options)),
    );
    return entry.queue;
  }

  /**
   * Lets messages reach `entry` from the point where everything this bus published before has been
   * received: earlier held-back publishes written, every PUBLISH acknowledged (so Redis has queued
   * its messages for the subscriber connection), then a PING on the subscriber connection, whose
   * answer comes after all of them. Later publishes wait for this (`hold`).
   */
  private async arm(entry: Entry, command: Promise<unknown> | undefined): Promise<void> {
    const before = this.barrier;
    await command;
    await before;
    await this.lastPublish?.catch(noop);
    await this.sub.ping();
    entry.armed = true;
  }

  async flush(): Promise<void> {
    if (this.closing) throw new BusClosedError();
    await this.barrier;
    try {
      await this.pub.ping();
    } catch (error) {
      throw fromRedisError(error, 'flush');
    }
  }

  close(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  private async drain(): Promise<void> {
    // Every held-back publish written, then QUIT: its reply comes after every PUBLISH's, so the
    // server has fanned them all out. The subscriber's QUIT reply then comes after every message
    // the server sent it before, so our own subscribers have received all of ours.
    await this.barrier;
    await quit(this.pub);
    await quit(this.sub);
    const entries = [...this.channels.values(), ...this.patterns.values()].flatMap((group) => [...group]);
    await Promise.all(entries.map((entry) => entry.queue.whenIdle()));
    for (const entry of entries) entry.queue.closeDrained();
    this.channels.clear();
    this.patterns.clear();
  }

  /**
   * Makes later publishes (and `flush`) wait until `work` settles, or at most `HOLD_TIMEOUT_MS`: a
   * subscription waiting out a Redis outage must not hold publishes back for longer than they would
   * wait in ioredis's offline queue anyway.
   */
  private hold(work: Promise<unknown>): void {
    const next = Promise.all([this.barrier, settleWithin(work, HOLD_TIMEOUT_MS)]).then(noop);
    this.barrier = next;
    void next.then(() => {
      if (this.barrier === next) this.barrier = undefined;
    });
  }

  private dispatch(group: Group | undefined, channel: Buffer, message: Buffer): void {
    if (group === undefined) return;
    const subject = channel.toString('utf8').slice(this.prefix.length);
    // Another publisher on the same Redis may use subjects we would refuse; they match nothing.
    try {
      validateSubject(subject);
    } catch {
      return;
    }
    const tokens = subject.split('.');
    for (const entry of group) {
      if (entry.armed && subjectMatches(entry.tokens, tokens)) entry.queue.push(subject, message);
    }
  }

  private release(groups: Map<string, Group>, key: string, entry: Entry): void {
    const group = groups.get(key);
    if (group === undefined || !group.delete(entry) || group.size > 0) return;
    groups.delete(key);
    if (this.closing) return;
    const done = groups === this.patterns ? this.sub.punsubscribe(key) : this.sub.unsubscribe(key);
    // Failing means the connection is gone, which ends the Redis subscription anyway.
    done.catch(noop);
  }

  /** A Redis glob matching at least every channel the validated NATS pattern `tokens` matches. */
  private globFor(tokens: readonly string[]): string {
    const glob = tokens.map((token) => (token === '*' || token === '>' ? '*' : escapeGlob(token))).join('.');
    return escapeGlob(this.prefix) + glob;
  }
}

/** `s` with Redis glob metacharacters escaped, so it matches only itself. */
function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

/** @throws InvalidUrlError unless `url` is `redis://host…` or `rediss://host…`. */
function checkRedisUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new InvalidUrlError(`Redis URL ${JSON.stringify(redactUrl(url))} cannot be parsed`, {
      cause: error,
    });
  }
  if ((parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '') {
    throw new InvalidUrlError(
      `Redis URL must look like redis://host:port, got ${JSON.stringify(redactUrl(url))}`,
    );
  }
}

/**
 * ioredis failures of `what` as typed errors: a refusal by the server (`ReplyError`, e.g. an ACL
 * denial) stays as it is; anything else means the connection is down or was cut (retryable).
 */
function fromRedisError(error: unknown, what: string): Error {
  if (error instanceof TransportError) return error;
  if (error instanceof Error && error.name === 'ReplyError') return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new BusUnavailableError(`${what}: ${detail}`, { cause: error });
}

function reportSubscribeError(error: unknown, pattern: string, options: SubscribeOptions): void {
  const failure = fromRedisError(error, `subscribe to ${pattern}`);
  if (options.onError === undefined) {
    warnUnhandled(failure, `bus subscriber of ${pattern}`);
    return;
  }
  try {
    options.onError(failure, undefined);
  } catch (nested) {
    warnUnhandled(nested, `onError of the bus subscriber of ${pattern}`);
  }
}

/** Resolves when `work` settles (either way) or after `ms`, whichever comes first. */
function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

/** QUIT, waiting for the reply (bounded); cut the connection if it does not come. */
async function quit(redis: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), QUIT_TIMEOUT_MS);
    timer.unref();
  });
  try {
    const result = await Promise.race([redis.quit(), timeout]);
    if (result === 'timeout') redis.disconnect();
  } catch {
    redis.disconnect();
  } finally {
    clearTimeout(timer);
  }
}
