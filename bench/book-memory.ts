import type { PlaceOrder } from '../actors/market/types.ts';
import { loadBook } from './book-impl.ts';
import { BENCH_CONFIG, CENTRE } from './book-workload.ts';
import { createBaselineBook, runBaseline, toBaselineOp } from './nodejs-order-book-adapter.ts';

/**
 * Child process of the `book` benchmarks (started by book.ts with `--expose-gc`, so the heap
 * holds nothing but this measurement): `node --expose-gc --import tsx bench/book-memory.ts
 * <orders> <levels>`. Prints one JSON line `{ "bytes_per_resting_order", "baseline_bytes_per_resting_order" }`.
 *
 * Method: full GC twice, read heapUsed + external (external covers typed-array / ArrayBuffer
 * storage, which heapUsed does not), create a fresh book, add `orders` non-crossing GTC orders
 * (alternately bid and ask, on `levels` levels in total: bids CENTRE-1.., asks CENTRE+1..; sizes
 * 1..100; 1,000 accounts), full GC twice again, read again; the delta divided by `orders`. The
 * command objects are made one at a time inside the loop, so only what the book keeps is counted
 * (a book that keeps the command objects pays for them). Both books are measured the same way,
 * one after the other, each from a collected heap.
 */

const gc = (globalThis as { gc?: () => void }).gc;
if (typeof gc !== 'function') throw new Error('book-memory: run with --expose-gc');

function heapBytes(): number {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function order(i: number, levels: number): PlaceOrder {
  const half = Math.floor(levels / 2);
  const buy = i % 2 === 0;
  const offset = 1 + (Math.floor(i / 2) % half);
  return {
    type: 'place',
    orderId: i + 1,
    account: 1 + (i % 1000),
    side: buy ? 'BUY' : 'SELL',
    orderType: 'LIMIT',
    price: buy ? CENTRE - offset : CENTRE + offset,
    size: 1 + (i % 100),
  };
}

const orders = Number(process.argv[2]);
const levels = Number(process.argv[3]);
if (!(orders > 0 && levels > 1)) throw new Error('usage: book-memory.ts <orders> <levels>');
const impl = loadBook();

const ourBytes = ((): number => {
  const before = heapBytes();
  const book = impl.createBook(BENCH_CONFIG);
  for (let i = 0; i < orders; i++) {
    const events = book.process(order(i, levels));
    if (events.length !== 1 || events[0]!.type !== 'Accepted')
      throw new Error(`book-memory: order ${i + 1} did not rest`);
  }
  const after = heapBytes();
  const resting = book.orders('BUY').length + book.orders('SELL').length;
  if (resting !== orders) throw new Error(`book-memory: ${resting} resting orders, expected ${orders}`);
  return (after - before) / orders;
})();

const baselineBytes = ((): number => {
  const before = heapBytes();
  const book = createBaselineBook();
  let refused = 0;
  for (let i = 0; i < orders; i++) {
    refused += runBaseline(book, [toBaselineOp(order(i, levels), String(i + 1))]);
  }
  const after = heapBytes();
  if (refused !== 0 || book.depth()[0].length + book.depth()[1].length !== levels) {
    throw new Error('book-memory: the baseline did not rest every order');
  }
  return (after - before) / orders;
})();

console.log(
  JSON.stringify({ bytes_per_resting_order: ourBytes, baseline_bytes_per_resting_order: baselineBytes }),
);
