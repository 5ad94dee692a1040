import { createBook } from '../actors/market/book.ts';
import { createReferenceBook } from '../actors/market/testing/reference-book.ts';
import type { BookConfig, BookSnapshot, OrderBook } from '../actors/market/types.ts';

export type CreateBook = (config: BookConfig, snapshot?: BookSnapshot) => OrderBook;

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
      createBook: createReferenceBook,
    };
  }
  return { label: 'actors/market/book.ts (createBook)', createBook };
}
