import type { BookConfig, BookSnapshot, OrderBook } from '../actors/market/types.ts';

export type CreateBook = (config: BookConfig, snapshot?: BookSnapshot) => OrderBook;

export interface BookImpl {
  /** Which book the figures are for: `book.ts` or the reference book. */
  readonly label: string;
  readonly createBook: CreateBook;
}

/**
 * Loads the book under test: `actors/market/book.ts` (`createBook`) by default. With
 * `BOOK_BENCH_IMPL=reference` the slow reference book (`createReferenceBook`) is used instead,
 * only to smoke-test the harness; its figures are not the book's. Paths are resolved at run time
 * so the bench type-checks while either file is still missing.
 */
export async function loadBook(): Promise<BookImpl> {
  const reference = process.env.BOOK_BENCH_IMPL === 'reference';
  const path = reference ? '../actors/market/testing/reference-book.ts' : '../actors/market/book.ts';
  const exportName = reference ? 'createReferenceBook' : 'createBook';
  const url = new URL(path, import.meta.url).href;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (cause) {
    throw new Error(`book bench: cannot load ${path}`, { cause });
  }
  const createBook = mod[exportName];
  if (typeof createBook !== 'function') throw new Error(`book bench: ${path} does not export ${exportName}`);
  return { label: `${path.replace('../', '')} (${exportName})`, createBook: createBook as CreateBook };
}
