/**
 * The embedded bus: the same contract as `NatsBus` inside one process, for `npm start` without a
 * NATS server and for tests. Values still go through the codec, so what works here (and what is
 * refused) is exactly what works on NATS.
 */
import { decodeValue, encodeValue } from '../store/index.ts';
import type { Bus, MessageHandler, SubscribeOptions, Subscription } from './bus.ts';
import { DeliveryQueue } from './delivery.ts';
import { BusClosedError } from './errors.ts';
import { subjectMatches, validatePattern, validateSubject } from './subject.ts';

interface Entry {
  readonly tokens: readonly string[];
  readonly queue: DeliveryQueue<string>;
}

export class InProcessBus implements Bus {
  readonly kind = 'in-process';
  /** A linear scan per publish: fine for the few hundred subscriptions one node holds. */
  private readonly entries = new Set<Entry>();
  private closing: Promise<void> | undefined;

  async publish(subject: string, value: unknown): Promise<void> {
    if (this.closing) throw new BusClosedError();
    validateSubject(subject);
    // Encoded once; each subscriber decodes its own copy at delivery.
    const payload = encodeValue(value);
    const tokens = subject.split('.');
    for (const entry of this.entries) {
      if (subjectMatches(entry.tokens, tokens)) entry.queue.push(subject, payload);
    }
  }

  subscribe(pattern: string, handler: MessageHandler, options: SubscribeOptions = {}): Subscription {
    if (this.closing) throw new BusClosedError();
    const tokens = validatePattern(pattern);
    const entry: Entry = {
      tokens,
      queue: new DeliveryQueue(pattern, handler, decodeValue, options, () => this.entries.delete(entry)),
    };
    this.entries.add(entry);
    return entry.queue;
  }

  async flush(): Promise<void> {
    if (this.closing) throw new BusClosedError();
  }

  close(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  private async drain(): Promise<void> {
    const entries = [...this.entries];
    await Promise.all(entries.map((entry) => entry.queue.whenIdle()));
    for (const entry of entries) entry.queue.closeDrained();
    this.entries.clear();
  }
}
