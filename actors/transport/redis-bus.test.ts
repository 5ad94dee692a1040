import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { redisUrl, requireRedis } from '../../test/services.ts';
import { busContract, waitFor } from './bus.contract.ts';
import type { Bus, BusMessage } from './bus.ts';
import { createFanoutBus } from './create-bus.ts';
import { BusUnavailableError, InvalidUrlError } from './errors.ts';
import { InProcessBus } from './in-process-bus.ts';
import type { RedisBusOptions } from './redis-bus.ts';
import { RedisBus } from './redis-bus.ts';

/** This file's channel prefix: parallel runs on one Redis never hear each other. */
const run = `qt-test-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}:`;

describe('createFanoutBus', () => {
  test('without a URL it is the in-process bus', async () => {
    for (const config of [{}, { redisUrl: undefined }, { redisUrl: ' ' }]) {
      const bus = await createFanoutBus(config);
      expect(bus).toBeInstanceOf(InProcessBus);
      await bus.close();
    }
  });

  test('an unreachable Redis at start fails fast with a retryable BUS_UNAVAILABLE', async () => {
    const started = Date.now();
    const error: unknown = await createFanoutBus(
      { redisUrl: 'redis://127.0.0.1:1' },
      { connectTimeoutMs: 1_000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusUnavailableError);
    expect(error).toMatchObject({ code: 'BUS_UNAVAILABLE', retryable: true });
    expect((error as Error).message).toContain('127.0.0.1:1');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test.each(['nats://127.0.0.1:4222', 'not a url', 'redis://'])(
    '%j is refused as INVALID_URL',
    async (url) => {
      await expect(RedisBus.connect(url)).rejects.toBeInstanceOf(InvalidUrlError);
    },
  );
});

const withRedis = await requireRedis();
describe.skipIf(!withRedis)('Redis', () => {
  busContract('Redis', () => RedisBus.connect(redisUrl(), { prefix: run, name: 'bus-contract' }));

  describe('Redis bus - gateway instances', () => {
    const buses: Bus[] = [];
    let tests = 0;
    let p: string;
    beforeEach(() => {
      p = `t${++tests}`;
    });
    afterEach(async () => {
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
    });

    async function open(options: RedisBusOptions = {}): Promise<RedisBus> {
      const bus = await RedisBus.connect(redisUrl(), { prefix: run, ...options });
      buses.push(bus);
      return bus;
    }

    function collect(bus: Bus, pattern: string): BusMessage[] {
      const received: BusMessage[] = [];
      bus.subscribe(pattern, (message) => void received.push(message));
      return received;
    }

    test('createFanoutBus with a URL connects to Redis', async () => {
      const bus = await createFanoutBus({ redisUrl: redisUrl() }, { prefix: run });
      buses.push(bus);
      expect(bus).toBeInstanceOf(RedisBus);
      expect(bus.kind).toBe('redis');
    });

    test('a message published on one instance reaches subscribers on both, bigints intact', async () => {
      const [first, second] = [await open(), await open()];
      const onFirst = collect(first, `${p}.marketdata.*.BTC-USDT`);
      const onSecond = collect(second, `${p}.marketdata.>`);
      const exactOnSecond = collect(second, `${p}.marketdata.trade.BTC-USDT`);
      await Promise.all([first.flush(), second.flush()]);
      const value = { seq: 1, quote: 10n ** 30n };
      await first.publish(`${p}.marketdata.trade.BTC-USDT`, value);
      await second.publish(`${p}.marketdata.trade.BTC-USDT`, { seq: 2, quote: -1n });
      await waitFor('both instances', () => onFirst.length === 2 && onSecond.length === 2);
      await waitFor('the exact subscriber', () => exactOnSecond.length === 2);
      const expected = [
        { subject: `${p}.marketdata.trade.BTC-USDT`, value },
        { subject: `${p}.marketdata.trade.BTC-USDT`, value: { seq: 2, quote: -1n } },
      ];
      expect(onFirst).toEqual(expected);
      expect(onSecond).toEqual(expected);
      expect(exactOnSecond).toEqual(expected);
    });

    test("'*' is one token even though the Redis glob '*' crosses dots", async () => {
      const [publisher, subscriber] = [await open(), await open()];
      const all = collect(subscriber, `${p}.>`);
      const star = collect(subscriber, `${p}.marketdata.*.BTC-USDT`);
      await subscriber.flush();
      const subjects = [
        `${p}.marketdata.trade.x.BTC-USDT`,
        `${p}.marketdata.trade.BTC-USDT`,
        `${p}.marketdata.BTC-USDT`,
        `${p}.marketdata.book.BTC-USDT.x`,
        `${p}.marketdata.book.BTC-USDT`,
      ];
      for (const subject of subjects) await publisher.publish(subject, subject);
      await waitFor('the catch-all', () => all.length === subjects.length);
      await publisher.flush();
      await subscriber.close();
      expect(star.map((m) => m.subject)).toEqual([
        `${p}.marketdata.trade.BTC-USDT`,
        `${p}.marketdata.book.BTC-USDT`,
      ]);
    });

    test('glob metacharacters in subjects are literal', async () => {
      const bus = await open();
      const all = collect(bus, `${p}.>`);
      const literal = collect(bus, `${p}.a?[b].*`);
      const exact = collect(bus, `${p}.a?[b].c\\d`);
      const subjects = [
        `${p}.ax[b].1`,
        `${p}.a?b.1`,
        `${p}.a?[b].1`,
        `${p}.a?[b].c\\d`,
        `${p}.a?[b].cxd`,
        `${p}.a?[b].c\\\\d`,
      ];
      for (const subject of subjects) await bus.publish(subject, 0);
      await waitFor('the catch-all', () => all.length === subjects.length);
      await bus.close();
      expect(literal.map((m) => m.subject)).toEqual(subjects.slice(2));
      expect(exact.map((m) => m.subject)).toEqual([`${p}.a?[b].c\\d`]);
    });

    test('buses with different prefixes never hear each other', async () => {
      const mine = await open();
      const other = await open({ prefix: `${run}other:` });
      const heardByOther = collect(other, '>');
      const heardByMine = collect(mine, `${p}.>`);
      await other.flush();
      await mine.publish(`${p}.x`, 1);
      await waitFor('my own subscriber', () => heardByMine.length === 1);
      await other.close();
      expect(heardByOther).toEqual([]);
    });

    test('a new subscription gets no message published before it, even one still in flight', async () => {
      const bus = await open();
      const first = collect(bus, `${p}.*`);
      await bus.flush();
      // Not awaited: these are still on their way when the next subscriptions are made.
      const earlier = Array.from({ length: 200 }, (_, i) => bus.publish(`${p}.a`, i));
      const sharedGlob = collect(bus, `${p}.*`);
      const newGlob = collect(bus, '>');
      const newChannel = collect(bus, `${p}.a`);
      await bus.publish(`${p}.a`, 200);
      await Promise.all(earlier);
      await waitFor('all of them', () => first.length === 201);
      await bus.close();
      for (const late of [sharedGlob, newGlob, newChannel]) expect(late.map((m) => m.value)).toEqual([200]);
    });

    test('after the subscriber connection is killed, ioredis reconnects and resubscribes', async () => {
      const name = `bus-kill-${run}`;
      const outages: unknown[] = [];
      const bus = await open({ name, onConnectionError: (error) => void outages.push(error) });
      const exact = collect(bus, `${p}.k`);
      const star = collect(bus, `${p}.*`);
      await bus.flush();
      const admin = new Redis(redisUrl());
      try {
        const clients = String(await admin.call('CLIENT', 'LIST'));
        const id = /id=(\d+) .*name=(\S+)/.exec(
          clients.split('\n').find((line) => line.includes(`name=${name}:sub `)) ?? '',
        )?.[1];
        expect(id).toBeDefined();
        await admin.call('CLIENT', 'KILL', 'ID', id!);
        // Publish until the resubscribed connection hears it again (messages meanwhile are lost).
        let n = 0;
        await waitFor(
          'the resubscribed subscriptions',
          () => {
            bus.publish(`${p}.k`, n++).catch(() => undefined);
            return exact.length > 0 && star.length > 0;
          },
          10_000,
        );
      } finally {
        admin.disconnect();
      }
      expect(outages.length).toBeGreaterThan(0);
      const values = exact.map((m) => m.value as number);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    });
  });
});
