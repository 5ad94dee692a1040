import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { natsUrl, requireNats } from '../../test/services.ts';
import { waitFor } from './bus.contract.ts';
import type { DurableConsumer, DurableMessage } from './durable-consumer.ts';
import { InvalidNameError, InvalidSubjectError, JetStreamError } from './errors.ts';
import { NatsBus } from './nats-bus.ts';

const withJetStream = await requireNats({ jetstream: true });

describe.skipIf(!withJetStream)('JetStream - durable streams and consumers', () => {
  const run = `j${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  let tests = 0;
  let bus: NatsBus;
  /** This test's stream name and subject prefix, deleted after the test. */
  let stream: string;
  let p: string;
  const streams: string[] = [];
  const consumers: DurableConsumer[] = [];
  const extraBuses: NatsBus[] = [];

  beforeAll(async () => {
    bus = await NatsBus.connect(natsUrl(), { name: 'jetstream-test' });
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    await Promise.all(extraBuses.splice(0).map((extra) => extra.close()));
    for (const name of streams.splice(0)) await bus.deleteStream(name);
  });

  afterAll(async () => {
    await bus?.close();
  });

  async function freshStream(): Promise<void> {
    tests++;
    stream = `${run}_${tests}`;
    p = `${run}.${tests}`;
    streams.push(stream);
    await bus.ensureStream(stream, [`${p}.>`], { storage: 'memory' });
  }

  async function consume(
    on: NatsBus,
    durable: string,
    handler: (message: DurableMessage) => void | Promise<void>,
    options: Parameters<NatsBus['consume']>[3] = {},
  ): Promise<DurableConsumer> {
    const consumer = await on.consume(stream, durable, handler, { ackWaitMs: 2_000, ...options });
    consumers.push(consumer);
    return consumer;
  }

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  test('ensureStream is idempotent and stores what is published to its subjects', async () => {
    await freshStream();
    await bus.ensureStream(stream, [`${p}.>`], { storage: 'memory' });
    const first = await bus.publishDurable(`${p}.market.BTC`, { seq: 1, amount: 7n });
    const second = await bus.publishDurable(`${p}.market.ETH`, { seq: 2 });
    expect(first).toEqual({ stream, seq: 1, duplicate: false });
    expect(second.seq).toBe(2);
  });

  test('ensureStream brings an existing stream to the new subjects', async () => {
    await freshStream();
    await expect(bus.publishDurable(`${p}-b.x`, 1)).rejects.toBeInstanceOf(JetStreamError);
    await bus.ensureStream(stream, [`${p}.>`, `${p}-b.>`], { storage: 'memory' });
    await expect(bus.publishDurable(`${p}-b.x`, 1)).resolves.toMatchObject({ stream, seq: 1 });
  });

  test('a repeated msgId is stored once', async () => {
    await freshStream();
    const first = await bus.publishDurable(`${p}.cmd`, { n: 1 }, { msgId: 'cmd-1' });
    const again = await bus.publishDurable(`${p}.cmd`, { n: 1 }, { msgId: 'cmd-1' });
    expect(again).toEqual({ ...first, duplicate: true });
  });

  test('bad names and subjects are refused before reaching the server', async () => {
    await expect(bus.ensureStream('has.dot', ['x.>'])).rejects.toBeInstanceOf(InvalidNameError);
    await expect(bus.ensureStream(`${run}_bad`, ['x..y'])).rejects.toBeInstanceOf(InvalidSubjectError);
    await expect(bus.consume(`${run}_x`, 'bad name', () => undefined)).rejects.toBeInstanceOf(
      InvalidNameError,
    );
    await expect(bus.publishDurable('x.*', 1)).rejects.toBeInstanceOf(InvalidSubjectError);
  });

  test('a durable consumer gets every message once when each is acked', async () => {
    await freshStream();
    for (let i = 0; i < 20; i++) await bus.publishDurable(`${p}.events`, { i, big: BigInt(i) * 10n ** 20n });
    const seen: DurableMessage[] = [];
    const consumer = await consume(bus, 'settler', (message) => void seen.push(message));
    await waitFor('twenty acks', () => consumer.acked === 20);
    // Past the ack wait: an unacked message would have come back by now.
    await sleep(2_500);
    expect(seen.map((m) => m.value)).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ i, big: BigInt(i) * 10n ** 20n })),
    );
    expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(seen.every((m) => m.deliveryCount === 1 && m.subject === `${p}.events`)).toBe(true);
    expect(consumer.failed).toBe(0);
  });

  test('a message whose handler throws is redelivered, then acked', async () => {
    await freshStream();
    for (let i = 0; i < 5; i++) await bus.publishDurable(`${p}.events`, i);
    const seen: [unknown, number][] = [];
    const errors: [unknown, DurableMessage | undefined][] = [];
    let failOnce = true;
    const consumer = await consume(
      bus,
      'flaky',
      async ({ value, deliveryCount }) => {
        if (value === 2 && failOnce) {
          failOnce = false;
          throw new Error('ledger busy');
        }
        seen.push([value, deliveryCount]);
      },
      { redeliveryDelayMs: 50, onError: (error, message) => void errors.push([error, message]) },
    );
    await waitFor('five acks', () => consumer.acked === 5);
    await sleep(300);
    expect([...seen].sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
      [3, 1],
      [4, 1],
    ]);
    expect(consumer.failed).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]![0]).toEqual(new Error('ledger busy'));
    expect(errors[0]![1]).toMatchObject({ value: 2, seq: 3, deliveryCount: 1 });
  });

  test('a restarted consumer resumes after the last ack, on a new connection', async () => {
    await freshStream();
    for (let i = 0; i < 5; i++) await bus.publishDurable(`${p}.events`, i);
    const before = await NatsBus.connect(natsUrl(), { name: 'jetstream-test-before' });
    extraBuses.push(before);
    const firstRun: unknown[] = [];
    const first = await consume(before, 'resumer', ({ value }) => void firstRun.push(value));
    await waitFor('the first five', () => first.acked === 5);
    await first.stop();
    await before.close();

    for (let i = 5; i < 10; i++) await bus.publishDurable(`${p}.events`, i);
    const after = await NatsBus.connect(natsUrl(), { name: 'jetstream-test-after' });
    extraBuses.push(after);
    const secondRun: unknown[] = [];
    const second = await consume(after, 'resumer', ({ value }) => void secondRun.push(value));
    await waitFor('the next five', () => second.acked === 5);
    await sleep(300);
    expect(firstRun).toEqual([0, 1, 2, 3, 4]);
    expect(secondRun).toEqual([5, 6, 7, 8, 9]);
  });

  test('closing the bus stops its consumers after the running handler acks', async () => {
    await freshStream();
    for (let i = 0; i < 3; i++) await bus.publishDurable(`${p}.events`, i);
    const closing = await NatsBus.connect(natsUrl(), { name: 'jetstream-test-closing' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    const first = await closing.consume(
      stream,
      'closer',
      async () => {
        started++;
        await gate;
      },
      { ackWaitMs: 1_000 },
    );
    await waitFor('the first message to start', () => started === 1);
    const closed = closing.close();
    release();
    await closed;
    expect(first.acked).toBe(1);

    // The two pulled but never started come back to the next instance after the ack wait.
    const rest: [unknown, number][] = [];
    const second = await consume(bus, 'closer', (m) => void rest.push([m.value, m.deliveryCount]), {
      ackWaitMs: 1_000,
    });
    await waitFor('the other two', () => second.acked === 2, 5_000);
    await sleep(1_500);
    expect(rest).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(started).toBe(1);
  });
});
