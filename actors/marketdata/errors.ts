/**
 * Failures of market-data folding. They mean the input broke the book's contract (a bug or a lost
 * event), never a business outcome: the owner rebuilds its view from the book and goes on.
 */

export const MarketDataErrorCode = {
  /** Events did not continue the view's seq (one was lost, repeated or reordered). */
  EVENT_GAP: 'EVENT_GAP',
  /** An event names an order the view does not hold (it started from an incomplete book). */
  UNKNOWN_ORDER: 'UNKNOWN_ORDER',
} as const;
export type MarketDataErrorCode = (typeof MarketDataErrorCode)[keyof typeof MarketDataErrorCode];

export class MarketDataError extends Error {
  override name = 'MarketDataError';

  constructor(
    readonly code: MarketDataErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
