import { createBook } from '../actors/market/book.ts';
import { createReferenceBook } from '../actors/market/testing/reference-book.ts';
import type { EventBuffer } from '../actors/market/event-buffer.ts';
import type {
  BookCommand,
  BookConfig,
  BookSnapshot,
  BufferedOrderBook,
  OrderBook,
} from '../actors/market/types.ts';

export type CreateBook = (config: BookConfig, snapshot?: BookSnapshot) => BufferedOrderBook;

export interface BookImpl {
  /** Which book the figures are for: `book.ts` or the reference book. */
  readonly label: string;
  readonly createBook: CreateBook;
}

/**
 * The book under test: `actors/market/book.ts` by default. With `BOOK_BENCH_IMPL=reference` the
 * slow reference book instead, only to smoke-test the harness; its figures are not the book's.
 */
export function loadBook(): BookImpl {
  if (process.env.BOOK_BENCH_IMPL === 'reference') {
    return {
      label: 'actors/market/testing/reference-book.ts (createReferenceBook)',
      createBook: (config, snapshot) => withProcessInto(createReferenceBook(config, snapshot)),
    };
  }
  return { label: 'actors/market/book.ts (createBook)', createBook };
}

/** A book without `processInto` gets one that copies `process`'s events into the buffer. */
function withProcessInto(book: OrderBook): BufferedOrderBook {
  return Object.assign(book, {
    processInto(command: BookCommand, out: EventBuffer): void {
      out.clear();
      for (const event of book.process(command)) out.push(event);
    },
  });
}
