import { afterEach, describe, expect, test } from 'vitest';
import { natsUrl, requireNats } from '../../test/services.ts';
import { waitFor } from './bus.contract.ts';
import type { Bus, BusMessage } from './bus.ts';
import { createBus } from './create-bus.ts';
import { BusUnavailableError, InvalidUrlError, PayloadTooLargeError } from './errors.ts';
import { InProcessBus } from './in-process-bus.ts';
import { NatsBus } from './nats-bus.ts';
import { natsConnectionOptions } from './nats-options.ts';

describe('NATS connection options', () => {
  test('a plain URL gives host:port, the default port, and endless reconnects', () => {
    expect(natsConnectionOptions('nats://127.0.0.1:4222', { name: 'node-1' })).toMatchObject({
      servers: '127.0.0.1:4222',
      name: 'node-1',
      maxReconnectAttempts: -1,
    });
    expect(natsConnectionOptions('nats://nats.internal')).toMatchObject({ servers: 'nats.internal:4222' });
  });

  test('credentials in the URL become user/pass or a token', () => {
    expect(natsConnectionOptions('nats://svc:p%40ss@h:1')).toMatchObject({ user: 'svc', pass: 'p@ss' });
    expect(natsConnectionOptions('nats://s3cret@h:1')).toMatchObject({ token: 's3cret' });
  });

  test.each(['http://127.0.0.1:4222', 'not a url', 'nats://'])('%j is refused as INVALID_URL', (url) => {
    expect(() => natsConnectionOptions(url)).toThrow(InvalidUrlError);
  });
});

describe('createBus', () => {
  test('without a URL it is the in-process bus', async () => {
    for (const config of [{}, { natsUrl: undefined }, { natsUrl: '' }]) {
      const bus = await createBus(config);
      expect(bus).toBeInstanceOf(InProcessBus);
      await bus.close();
    }
  });

  test('an unreachable server fails fast with a retryable BUS_UNAVAILABLE', async () => {
    const error: unknown = await createBus(
      { natsUrl: 'nats://127.0.0.1:1' },
      { connectTimeoutMs: 1_000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusUnavailableError);
    expect(error).toMatchObject({ code: 'BUS_UNAVAILABLE', retryable: true });
  });
});

const withNats = await requireNats();
describe.skipIf(!withNats)('NATS bus - across connections', () => {
  const run = `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const buses: Bus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  async function open(): Promise<Bus> {
    const bus = await createBus({ natsUrl: natsUrl() }, { name: 'nats-bus-test' });
    buses.push(bus);
    return bus;
  }

  test('createBus with a URL connects to NATS', async () => {
    const bus = await open();
    expect(bus).toBeInstanceOf(NatsBus);
    expect(bus.kind).toBe('nats');
  });

  test('a message published on one connection reaches a subscriber on another, bigints intact', async () => {
    const [publisher, subscriber] = [await open(), await open()];
    const received: BusMessage[] = [];
    subscriber.subscribe(`${run}.fills.*`, (message) => void received.push(message));
    await subscriber.flush();
    await publisher.publish(`${run}.fills.BTC-USDT`, { seq: 1, quote: 10n ** 30n });
    await waitFor('the fill', () => received.length === 1);
    expect(received).toEqual([{ subject: `${run}.fills.BTC-USDT`, value: { seq: 1, quote: 10n ** 30n } }]);
  });

  test('a payload over the server max_payload is refused as PAYLOAD_TOO_LARGE', async () => {
    const bus = await open();
    const error: unknown = await bus
      .publish(`${run}.big`, 'x'.repeat(2 * 1024 * 1024))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', retryable: false });
  });
});
