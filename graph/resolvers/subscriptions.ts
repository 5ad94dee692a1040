import { ErrorCode, graphError } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { OVERFLOW } from '../subscriptions/bounded-stream.ts';
import { candleStream, tickerStream, tradeStream } from '../subscriptions/market-streams.ts';
import { orderBookUpdates } from '../subscriptions/order-book.ts';
import { checkRange, marketDataOf } from './lookup.ts';
import { MAX_DEPTH } from './market-data.ts';

/** Values a subscription may queue for one slow client before its overflow policy applies. */
export const SUBSCRIPTION_QUEUE = 1_000;

const passThrough = <T>(value: T): T => value;

/** Public market data streams, fed from the bus (`marketdata.*`). */
export const subscriptionResolvers: Resolvers = {
  Subscription: {
    orderBook: {
      subscribe: (_root, { symbol, depth }, ctx) =>
        orderBookUpdates(
          marketDataOf(ctx, symbol),
          ctx.services.bus,
          checkRange('depth', depth ?? 50, 1, MAX_DEPTH),
          SUBSCRIPTION_QUEUE,
        ),
      resolve: passThrough,
    },
    trades: {
      subscribe: (_root, { symbol }, ctx) => {
        marketDataOf(ctx, symbol);
        return tradeStream(ctx.services.bus, symbol, SUBSCRIPTION_QUEUE);
      },
      resolve: (value: unknown) => {
        if (value === OVERFLOW) {
          throw graphError(
            ErrorCode.SLOW_CONSUMER,
            'Fell too far behind the trades; re-read them and subscribe again.',
            {
              retryable: true,
            },
          );
        }
        return value as never;
      },
    },
    candles: {
      subscribe: (_root, { symbol, interval }, ctx) => {
        marketDataOf(ctx, symbol);
        return candleStream(ctx.services.bus, symbol, interval, SUBSCRIPTION_QUEUE);
      },
      resolve: passThrough,
    },
    ticker: {
      subscribe: (_root, { symbol }, ctx) => {
        marketDataOf(ctx, symbol);
        return tickerStream(ctx.services.bus, symbol, SUBSCRIPTION_QUEUE);
      },
      resolve: passThrough,
    },
  },
};
