/**
 * Invariants of every book implementation under random command streams (fast-check, seeded).
 * After every command: the book is not crossed; seq grows by exactly 1 per event; every order's
 * lots add up (filled + resting + cancelled + expired = submitted, the submitted size moved by
 * amends), and the fills' and cancels' `remaining` fields agree with that count; no waiting
 * stop's condition holds (cascades ran to the end); a book restored from the snapshot, even
 * through JSON, has the same state hash. At the end of a stream, replaying it into a fresh book
 * gives the same events and a byte-identical state hash.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createBook } from './book.ts';
import { RANDOM_CONFIGS, intentArbitrary, resolveIntents } from './testing/random-commands.ts';
import { createReferenceBook } from './testing/reference-book.ts';
import type { BookCommand, BookConfig, BookEvent, BookSnapshot, OrderBook } from './types.ts';

type BookFactory = (config: BookConfig, snapshot?: BookSnapshot) => OrderBook;

const books: [name: string, create: BookFactory][] = [
  ['reference', createReferenceBook],
  ['fast', createBook],
];

/** Lots of one order as its events tell them. */
interface Tally {
  submitted: number;
  filled: number;
  cancelled: number;
  expired: number;
  /** Lots of a triggered stop refused at trigger time (PRICE_BAND). */
  refused: number;
  /** MARKET by quote: no lot count to check. */
  byQuote: boolean;
}

const open = (t: Tally): number => t.submitted - t.filled - t.cancelled - t.expired - t.refused;

/** A cheap assertion for the hot loop (vitest's `expect` costs too much per order per command). */
function ensure(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

/** Folds one command's events into the tallies, checking every `remaining` field on the way. */
function tallyEvents(tallies: Map<number, Tally>, events: readonly BookEvent[]): void {
  let lastTriggered: number | null = null;
  const get = (orderId: number): Tally => {
    const t = tallies.get(orderId);
    if (t === undefined) throw new Error(`event for order ${orderId} that was never accepted`);
    return t;
  };
  for (const e of events) {
    switch (e.type) {
      case 'Accepted': {
        const old = tallies.get(e.orderId);
        ensure(old === undefined, () => `order ${e.orderId} accepted while still open`);
        tallies.set(e.orderId, {
          submitted: e.size,
          filled: 0,
          cancelled: 0,
          expired: 0,
          refused: 0,
          byQuote: e.orderType === 'MARKET' && e.size === 0,
        });
        break;
      }
      case 'Fill': {
        const maker = get(e.makerOrderId);
        const taker = get(e.takerOrderId);
        maker.filled += e.size;
        taker.filled += e.size;
        ensure(e.size > 0, () => `empty fill ${JSON.stringify(e)}`);
        ensure(open(maker) === e.makerRemaining, () => `makerRemaining of ${JSON.stringify(e)}`);
        ensure(
          taker.byQuote || open(taker) === e.takerRemaining,
          () => `takerRemaining of ${JSON.stringify(e)}`,
        );
        break;
      }
      case 'Cancelled': {
        const t = get(e.orderId);
        t.cancelled += e.size;
        ensure(t.byQuote || open(t) === e.remaining, () => `remaining of ${JSON.stringify(e)}`);
        break;
      }
      case 'Expired': {
        const t = get(e.orderId);
        t.expired += e.size;
        break;
      }
      case 'Amended': {
        const t = get(e.orderId);
        t.submitted += e.size - open(t);
        break;
      }
      case 'Rejected':
        if (lastTriggered === e.orderId) {
          const t = get(e.orderId);
          t.refused += open(t);
        }
        break;
      case 'Triggered':
      case 'StatusChanged':
        break;
    }
    lastTriggered = e.type === 'Triggered' ? e.orderId : null;
  }
}

function checkAfterCommand(
  book: OrderBook,
  create: BookFactory,
  tallies: Map<number, Tally>,
  seqBefore: number,
  events: readonly BookEvent[],
): void {
  events.forEach((e, i) => ensure(e.seq === seqBefore + i + 1, () => `seq of ${JSON.stringify(e)}`));
  ensure(book.seq === seqBefore + events.length, () => `book.seq ${book.seq}`);

  const bid = book.bestBid();
  const ask = book.bestAsk();
  ensure(bid === null || ask === null || bid < ask, () => `crossed book: bid ${bid} >= ask ${ask}`);

  tallyEvents(tallies, events);
  const live = new Map<number, number>();
  for (const o of [...book.orders('BUY'), ...book.orders('SELL'), ...book.stops()]) {
    ensure(!live.has(o.orderId), () => `order ${o.orderId} live twice`);
    live.set(o.orderId, o.size);
  }
  for (const [orderId, t] of tallies) {
    const resting = live.get(orderId) ?? 0;
    ensure(
      t.byQuote || open(t) === resting,
      () => `order ${orderId}: ${JSON.stringify(t)}, resting ${resting}`,
    );
    if (!live.has(orderId)) tallies.delete(orderId);
  }
  for (const orderId of live.keys())
    ensure(tallies.has(orderId), () => `order ${orderId} live, never accepted`);

  const last = book.lastPrice;
  if (last !== null) {
    for (const s of book.stops()) {
      const holds = s.side === 'BUY' ? last >= s.stopPrice : last <= s.stopPrice;
      ensure(!holds, () => `stop ${s.orderId} left waiting at last price ${last}`);
    }
  }

  const snapshot = JSON.parse(JSON.stringify(book.snapshot())) as BookSnapshot;
  expect(create(snapshot.config, snapshot).stateHash()).toBe(book.stateHash());
}

const streamArbitrary = fc.record({
  config: fc.constantFrom(...RANDOM_CONFIGS),
  intents: fc.array(intentArbitrary, { minLength: 1, maxLength: 150, size: 'max' }),
});

describe.each(books)('book properties: %s', (_name, create) => {
  it('book - invariants hold after every command of random streams; a replay gives the same hash', () => {
    fc.assert(
      fc.property(streamArbitrary, ({ config, intents }) => {
        const commands: BookCommand[] = resolveIntents(intents);
        const book = create(config);
        const tallies = new Map<number, Tally>();
        const all: BookEvent[] = [];
        for (const command of commands) {
          const seqBefore = book.seq;
          const events = book.process(command);
          checkAfterCommand(book, create, tallies, seqBefore, events);
          all.push(...events);
        }
        const replay = create(config);
        const replayed = commands.flatMap((command) => replay.process(command));
        expect(replayed).toEqual(all);
        expect(replay.stateHash()).toBe(book.stateHash());
      }),
      { seed: 20_261_126, numRuns: 100 },
    );
  });
});

const restartArbitrary = fc.record({
  config: fc.constantFrom(...RANDOM_CONFIGS),
  intents: fc.array(intentArbitrary, { minLength: 2, maxLength: 150, size: 'max' }),
  /** Where to take the snapshot: command index `cut` modulo the stream length + 1. */
  cut: fc.nat({ max: 10_000 }),
});

describe.each(books)('book restart: %s', (_name, create) => {
  it('book - restored from a mid-stream snapshot, it goes on with the same events and hash', () => {
    fc.assert(
      fc.property(restartArbitrary, ({ config, intents, cut }) => {
        const commands = resolveIntents(intents);
        const at = cut % (commands.length + 1);
        const straight = create(config);
        const before = create(config);
        for (const command of commands.slice(0, at)) {
          straight.process(command);
          before.process(command);
        }
        const snapshot = JSON.parse(JSON.stringify(before.snapshot())) as BookSnapshot;
        const restored = create(snapshot.config, snapshot);
        for (const command of commands.slice(at)) {
          expect(restored.process(command)).toEqual(straight.process(command));
        }
        expect(restored.stateHash()).toBe(straight.stateHash());
      }),
      { seed: 26_112_026, numRuns: 100 },
    );
  });
});
