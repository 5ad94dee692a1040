import { BOOK_DEEP_SHAPE, runBookBench } from './book.ts';

/**
 * `npm run bench -- book-deep`: the `book` benchmark (same mix, same measurements, same keys) on a
 * deep book: 100,000 resting orders over 10,000 price levels pre-filled, kept near that size.
 */
export async function run(): Promise<Record<string, unknown>> {
  return runBookBench(BOOK_DEEP_SHAPE);
}
