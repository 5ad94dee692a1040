/**
 * Differential test (exchange-core's `OrderBookDirectImplTest`): the fast book and the reference
 * book take the same seeded random command streams; the events of every command must be equal,
 * and so must the state hash every 100 commands and at the end. A mismatch fails with the seed,
 * the command index, the last commands before it and both event lists, enough to turn it into a
 * conformance case. The fast book runs both through `process` and through `processInto`.
 */

import { isDeepStrictEqual } from 'node:util';

import { describe, expect, it } from 'vitest';

import { createBook } from './book.ts';
import { EventBuffer } from './event-buffer.ts';
import { RANDOM_CONFIGS, randomCommands } from './testing/random-commands.ts';
import { createReferenceBook } from './testing/reference-book.ts';
import type { BookCommand, BookConfig, BookSnapshot, OrderBook } from './types.ts';

type BookFactory = (config: BookConfig, snapshot?: BookSnapshot) => OrderBook;

const HASH_EVERY = 100;

function context(commands: readonly BookCommand[], index: number): string {
  return commands
    .slice(Math.max(0, index - 8), index + 1)
    .map((c, i, shown) => `  #${index - shown.length + 1 + i} ${JSON.stringify(c)}`)
    .join('\n');
}

/** Runs one stream through both books; throws a descriptive error on the first mismatch. */
function compare(
  seed: number,
  config: BookConfig,
  count: number,
  createFast: BookFactory = createBook,
  createReference: BookFactory = createReferenceBook,
  mapPrice?: (price: number) => number,
): void {
  const commands =
    mapPrice === undefined ? randomCommands(seed, count) : withPrices(randomCommands(seed, count), mapPrice);
  const fast = createFast(config);
  const reference = createReference(config);
  const where = (i: number): string => `seed ${seed}, config ${config.symbol}, command #${i}`;
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i]!;
    const expected = reference.process(command);
    const actual = fast.process(command);
    if (!isDeepStrictEqual(actual, expected)) {
      throw new Error(
        `events differ at ${where(i)}\nlast commands:\n${context(commands, i)}\n` +
          `reference: ${JSON.stringify(expected)}\nfast:      ${JSON.stringify(actual)}`,
      );
    }
    if ((i + 1) % HASH_EVERY === 0 || i === commands.length - 1) {
      if (fast.stateHash() !== reference.stateHash()) {
        throw new Error(
          `state hash differs after ${where(i)}\nlast commands:\n${context(commands, i)}\n` +
            `reference: ${JSON.stringify(reference.snapshot())}\nfast:      ${JSON.stringify(fast.snapshot())}`,
        );
      }
    }
  }
  expect(fast.seq).toBe(reference.seq);
}

/** The stream with every price and stop price mapped (any valid price stays a valid price). */
function withPrices(commands: readonly BookCommand[], map: (price: number) => number): BookCommand[] {
  const valid = (p: unknown): p is number => typeof p === 'number' && Number.isSafeInteger(p) && p > 0;
  return commands.map((c) => {
    if (c.type !== 'place' && c.type !== 'amend') return c;
    const out: Record<string, unknown> = { ...c };
    if (valid(c.price)) out.price = map(c.price);
    if (c.type === 'place' && valid(c.stopPrice)) out.stopPrice = map(c.stopPrice);
    return out as unknown as BookCommand;
  });
}

/**
 * Monotonic maps of the streams' prices (85..115) that spread the levels over the fast book's
 * price chunks (4,096 ticks): across chunk boundaries, and far apart (a chunk per level).
 */
const WIDE_PRICES: [name: string, map: (price: number) => number][] = [
  ['across chunk boundaries', (p) => 4_096 * 3 + (p - 100) * 677],
  ['one chunk each, far apart', (p) => 2 ** Math.floor(p / 3) + p],
  ['near the top of a chunk', (p) => 4_096 * 1_000 - 16 + p - 100],
];

/**
 * The fast book driven through `processInto`, every command writing into the same buffer of
 * reused event objects (a field left over from an earlier event would show as a difference).
 */
const createBuffered: BookFactory = (config) => {
  const book = createBook(config);
  const out = new EventBuffer();
  book.process = (command) => {
    book.processInto(command, out);
    return out.events.slice(0, out.length);
  };
  return book;
};

const SEEDS = Array.from({ length: 20 }, (_, i) => 1_000 + i * 7_919);

describe('book differential: fast vs reference', () => {
  it.each(SEEDS)('book - seed %i: 2,000 commands, same events and state hashes', (seed) => {
    compare(seed, RANDOM_CONFIGS[seed % RANDOM_CONFIGS.length]!, 2_000);
  });

  it.each(WIDE_PRICES)('book - prices spread %s: same events and state hashes', (_name, map) => {
    for (const seed of SEEDS.slice(0, 5))
      compare(seed, RANDOM_CONFIGS[0]!, 3_000, createBook, createReferenceBook, map);
  });

  it.each(SEEDS)('book - seed %i through processInto and one reused buffer: same events', (seed) => {
    compare(seed, RANDOM_CONFIGS[seed % RANDOM_CONFIGS.length]!, 2_000, createBuffered);
  });

  it('book - one long stream of 50,000 commands, same events and state hashes', () => {
    compare(424_242, RANDOM_CONFIGS[1]!, 50_000);
  });

  it('book differential - a divergence is reported with its seed and command index', () => {
    // A reference book that loses the last event of its 38th command.
    const broken: BookFactory = (config) => {
      const book = createReferenceBook(config);
      let n = 0;
      const process = book.process.bind(book);
      book.process = (command) => {
        const events = process(command);
        return ++n === 38 ? events.slice(0, -1) : events;
      };
      return book;
    };
    expect(() => compare(7, RANDOM_CONFIGS[0]!, 200, createReferenceBook, broken)).toThrow(
      /events differ at seed 7, config PLAIN, command #37\nlast commands:\n {2}#29 /,
    );
  });
});
