/**
 * The behaviour every `Bus` must have, as one suite run against each implementation (like the
 * journal contract). `bus.test.ts` runs it on the in-process bus and on a real NATS server.
 *
 * Each test gets a fresh bus and its own subject prefix, so runs sharing a NATS server never see
 * each other's messages.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InvalidValueError } from '../store/index.ts';
import type { Bus, BusMessage, OverflowNotice, SubscribeOptions } from './bus.ts';
import { BusClosedError, InvalidSubjectError, TransportErrorCode } from './errors.ts';

/** Polls `condition` until true, failing after `timeoutMs` with `what`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function busContract(name: string, makeBus: () => Promise<Bus>): void {
  describe(`bus contract - ${name}`, () => {
    const run = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    let tests = 0;
    let bus: Bus;
    /** This test's subject prefix. */
    let p: string;

    beforeEach(async () => {
      p = `${run}.${++tests}`;
      bus = await makeBus();
    });

    afterEach(async () => {
      await bus.close();
    });

    function collect(pattern: string, options?: SubscribeOptions): BusMessage[] {
      const received: BusMessage[] = [];
      bus.subscribe(pattern, (message) => void received.push(message), options);
      return received;
    }

    /** Publishes `subjects` in order, then waits until the catch-all `all` has seen every one. */
    async function publishAll(subjects: readonly string[], all: readonly BusMessage[]): Promise<void> {
      const before = all.length;
      for (const [i, subject] of subjects.entries()) await bus.publish(subject, i);
      await waitFor('the catch-all subscriber', () => all.length === before + subjects.length);
      await settle();
    }

    test('a subscriber gets messages on its exact subject only', async () => {
      const all = collect(`${p}.>`);
      const exact = collect(`${p}.market.BTC.trades`);
      await publishAll([`${p}.market.BTC.trades`, `${p}.market.ETH.trades`, `${p}.market.BTC.trades.x`], all);
      expect(exact).toEqual([{ subject: `${p}.market.BTC.trades`, value: 0 }]);
    });

    test("'*' matches exactly one token", async () => {
      const all = collect(`${p}.>`);
      const star = collect(`${p}.market.*.trades`);
      await publishAll(
        [
          `${p}.market.BTC.trades`,
          `${p}.market.BTC.x.trades`,
          `${p}.market.trades`,
          `${p}.market.ETH.trades`,
          `${p}.market.BTC.book`,
        ],
        all,
      );
      expect(star.map((m) => m.subject)).toEqual([`${p}.market.BTC.trades`, `${p}.market.ETH.trades`]);
    });

    test("'>' matches one or more trailing tokens, never zero", async () => {
      const all = collect(`${p}.>`);
      const tail = collect(`${p}.market.>`);
      await publishAll([`${p}.market`, `${p}.market.BTC`, `${p}.market.BTC.trades.x`, `${p}.other.BTC`], all);
      expect(tail.map((m) => m.subject)).toEqual([`${p}.market.BTC`, `${p}.market.BTC.trades.x`]);
    });

    test('every matching subscriber gets its own copy of the value', async () => {
      const first: unknown[] = [];
      const second: unknown[] = [];
      bus.subscribe(`${p}.a`, ({ value }) => {
        (value as { items: number[] }).items.push(99);
        first.push(value);
      });
      bus.subscribe(`${p}.*`, ({ value }) => void second.push(value));
      const sent = { items: [1, 2] };
      await bus.publish(`${p}.a`, sent);
      await waitFor('both subscribers', () => first.length === 1 && second.length === 1);
      expect(first).toEqual([{ items: [1, 2, 99] }]);
      expect(second).toEqual([{ items: [1, 2] }]);
      expect(sent).toEqual({ items: [1, 2] });
    });

    test('messages arrive in publish order, for fast and for slow async handlers', async () => {
      const count = 2_000;
      const fast: number[] = [];
      const slow: number[] = [];
      bus.subscribe(`${p}.seq`, ({ value }) => void fast.push(value as number));
      bus.subscribe(`${p}.seq`, async ({ value }) => {
        if ((value as number) % 100 === 0) await settle(1);
        else await Promise.resolve();
        slow.push(value as number);
      });
      for (let i = 0; i < count; i++) await bus.publish(`${p}.seq`, i);
      await waitFor('every message', () => fast.length === count && slow.length === count);
      const expected = Array.from({ length: count }, (_, i) => i);
      expect(fast).toEqual(expected);
      expect(slow).toEqual(expected);
    });

    test('delivery is asynchronous: a handler never runs inside publish', async () => {
      let publishing = false;
      const seenWhilePublishing: boolean[] = [];
      bus.subscribe(`${p}.async`, () => void seenWhilePublishing.push(publishing));
      for (let i = 0; i < 5; i++) {
        publishing = true;
        const accepted = bus.publish(`${p}.async`, i);
        publishing = false;
        await accepted;
      }
      await waitFor('five deliveries', () => seenWhilePublishing.length === 5);
      expect(seenWhilePublishing).toEqual([false, false, false, false, false]);
    });

    test('a subscription handles one message at a time', async () => {
      let running = 0;
      let most = 0;
      let done = 0;
      bus.subscribe(`${p}.serial`, async () => {
        most = Math.max(most, ++running);
        await settle(2);
        running--;
        done++;
      });
      for (let i = 0; i < 20; i++) await bus.publish(`${p}.serial`, i);
      await waitFor('twenty handled', () => done === 20);
      expect(most).toBe(1);
    });

    test('unsubscribe stops delivery to that subscription only', async () => {
      const all = collect(`${p}.>`);
      const kept = collect(`${p}.u`);
      const received: unknown[] = [];
      const sub = bus.subscribe(`${p}.u`, ({ value }) => void received.push(value));
      await publishAll([`${p}.u`], all);
      sub.unsubscribe();
      sub.unsubscribe();
      expect(sub.closed).toBe(true);
      await publishAll([`${p}.u`, `${p}.u`], all);
      expect(received).toEqual([0]);
      expect(kept.map((m) => m.value)).toEqual([0, 0, 1]);
      expect(sub.delivered).toBe(1);
    });

    test('bigints and nested values round-trip exactly', async () => {
      const received = collect(`${p}.values`);
      const value = {
        amount: 123_456_789_012_345_678_901_234_567_890n,
        negative: -5n,
        nested: [1n, { fee: 2n, rate: 0.001 }, null, true, 'ü€ 𝄞'],
        empty: {},
      };
      await bus.publish(`${p}.values`, value);
      await waitFor('the value', () => received.length === 1);
      expect(received[0]!.value).toEqual(value);
      expect(typeof (received[0]!.value as { amount: unknown }).amount).toBe('bigint');
    });

    test('a value the codec cannot carry is refused and nothing is sent', async () => {
      const all = collect(`${p}.>`);
      for (const bad of [undefined, Number.NaN, { at: new Date(0) }, [() => 1], { big: Infinity }]) {
        await expect(bus.publish(`${p}.bad`, bad)).rejects.toBeInstanceOf(InvalidValueError);
      }
      await publishAll([`${p}.good`], all);
      expect(all.map((m) => m.subject)).toEqual([`${p}.good`]);
    });

    test.each([
      ['', TransportErrorCode.SUBJECT_EMPTY_TOKEN],
      ['a..b', TransportErrorCode.SUBJECT_EMPTY_TOKEN],
      ['.a', TransportErrorCode.SUBJECT_EMPTY_TOKEN],
      ['a.', TransportErrorCode.SUBJECT_EMPTY_TOKEN],
      ['a b', TransportErrorCode.SUBJECT_WHITESPACE],
      ['a.\tb', TransportErrorCode.SUBJECT_WHITESPACE],
      ['a\n', TransportErrorCode.SUBJECT_WHITESPACE],
      ['a.*', TransportErrorCode.SUBJECT_WILDCARD_IN_PUBLISH],
      ['a.>', TransportErrorCode.SUBJECT_WILDCARD_IN_PUBLISH],
      ['a*b', TransportErrorCode.SUBJECT_WILDCARD_IN_PUBLISH],
    ])('publish to %j is refused with %s', async (subject, code) => {
      const error: unknown = await bus.publish(subject, 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidSubjectError);
      expect(error).toMatchObject({ code, subject, retryable: false });
    });

    test.each([
      ['', TransportErrorCode.SUBJECT_EMPTY_TOKEN],
      ['a..>', TransportErrorCode.SUBJECT_EMPTY_TOKEN],
      ['a b.*', TransportErrorCode.SUBJECT_WHITESPACE],
      ['a.>.b', TransportErrorCode.SUBJECT_MISPLACED_WILDCARD],
      ['a*', TransportErrorCode.SUBJECT_MISPLACED_WILDCARD],
      ['a.b>', TransportErrorCode.SUBJECT_MISPLACED_WILDCARD],
    ])('subscribe to %j is refused with %s', (pattern, code) => {
      let error: unknown;
      try {
        bus.subscribe(pattern, () => undefined);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidSubjectError);
      expect(error).toMatchObject({ code });
    });

    test('wildcard patterns in every legal position are accepted', () => {
      for (const pattern of [`${p}.*`, `${p}.>`, `*.${p}`, `${p}.*.*.>`, `*`, `>`]) {
        bus.subscribe(pattern, () => undefined).unsubscribe();
      }
    });

    test('a slow subscriber keeps at most maxPending, drops the oldest and is told', async () => {
      const total = 200;
      const maxPending = 10;
      const log: (number | OverflowNotice)[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const all = collect(`${p}.>`);
      const sub = bus.subscribe(
        `${p}.slow`,
        async ({ value }) => {
          log.push(value as number);
          await gate;
        },
        { maxPending, onOverflow: (notice) => log.push(notice) },
      );
      let mostPending = 0;
      try {
        for (let i = 0; i < total; i++) {
          await bus.publish(`${p}.slow`, i);
          mostPending = Math.max(mostPending, sub.pending);
        }
        await waitFor('every message to reach the subscription', () => {
          mostPending = Math.max(mostPending, sub.pending);
          return all.length === total && sub.delivered + sub.pending + sub.dropped === total;
        });
        expect(mostPending).toBeLessThanOrEqual(maxPending);
        // Full, less the one message the blocked handler may have taken after the last burst.
        expect(sub.pending).toBeGreaterThanOrEqual(maxPending - 1);
      } finally {
        release();
      }
      await waitFor('the backlog to drain', () => sub.pending === 0 && log.at(-1) === total - 1);

      const delivered = log.filter((entry): entry is number => typeof entry === 'number');
      const notices = log.filter((entry): entry is OverflowNotice => typeof entry === 'object');
      // The newest maxPending survive, in order; before them at most one message was in flight per
      // burst of arrivals (NATS hands messages over in socket-sized bursts, in-process in one).
      expect(delivered.slice(-maxPending)).toEqual(
        Array.from({ length: maxPending }, (_, i) => total - 10 + i),
      );
      expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
      expect(delivered.length + sub.dropped).toBe(total);
      expect(sub.delivered).toBe(delivered.length);
      expect(notices.length).toBeGreaterThan(0);
      expect(notices.at(-1)!.totalDropped).toBe(sub.dropped);
      // Each notice sits exactly at its gap and counts it: the messages between its neighbours.
      log.forEach((entry, i) => {
        if (typeof entry === 'number') return;
        const before = i === 0 ? -1 : (log[i - 1] as number);
        const after = log[i + 1] as number;
        expect(entry).toMatchObject({ pattern: `${p}.slow`, dropped: after - before - 1 });
      });
      expect(log.at(-maxPending - 1)).toBe(notices.at(-1));
    });

    test('a throwing handler is reported and delivery goes on', async () => {
      const errors: [unknown, BusMessage | undefined][] = [];
      const handled: unknown[] = [];
      bus.subscribe(
        `${p}.err`,
        async ({ value }) => {
          if (value === 1) throw new Error('boom');
          handled.push(value);
        },
        { onError: (error, message) => void errors.push([error, message]) },
      );
      for (let i = 0; i < 3; i++) await bus.publish(`${p}.err`, i);
      await waitFor('the rest', () => handled.length === 2);
      expect(handled).toEqual([0, 2]);
      expect(errors).toEqual([[new Error('boom'), { subject: `${p}.err`, value: 1 }]]);
    });

    test('close delivers everything accepted, then refuses new work', async () => {
      const handled: unknown[] = [];
      bus.subscribe(`${p}.close`, async ({ value }) => {
        await settle(1);
        handled.push(value);
      });
      for (let i = 0; i < 50; i++) await bus.publish(`${p}.close`, i);
      await bus.close();
      expect(handled).toEqual(Array.from({ length: 50 }, (_, i) => i));
      await expect(bus.publish(`${p}.close`, 1)).rejects.toBeInstanceOf(BusClosedError);
      expect(() => bus.subscribe(`${p}.close`, () => undefined)).toThrow(BusClosedError);
      await expect(bus.close()).resolves.toBeUndefined();
    });
  });
}
