import { MAX_QUERY_LIMIT } from '../../actors/marketdata/index.ts';
import type { PriceLevel } from '../../actors/marketdata/index.ts';
import type { MarketSummary } from '../../actors/market/index.ts';
import { checkRange, marketDataOf, specOf } from './lookup.ts';
import { pageByKey } from '../connection.ts';
import { ErrorCode, graphError } from '../errors.ts';
import type { PriceLevelModel } from '../models.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { notionalOf, priceOf, sizeOf } from '../units.ts';
import type { GraphContext } from '../context.ts';

/** Largest book depth and trade page served (the tape keeps 1,000 trades). */
export const MAX_DEPTH = 1_000;
export const MAX_TRADES = 1_000;

const levels = (symbol: string, list: readonly PriceLevel[]): PriceLevelModel[] =>
  list.map((level) => ({ symbol, level }));

const price = (ctx: GraphContext, symbol: string, ticks: number | null) =>
  ticks === null ? null : priceOf(specOf(ctx, symbol), ticks);

/** Public market data: live from each market's MarketData, history from the recorder. */
export const marketDataResolvers: Resolvers = {
  Query: {
    markets: (_root, _args, ctx) => [...ctx.services.markets.values()],
    market: (_root, { symbol }, ctx) => ctx.services.markets.get(symbol) ?? null,
    ticker: (_root, { symbol }, ctx) => marketDataOf(ctx, symbol).tickerAt(ctx.services.now()),
    tickers: (_root, _args, ctx) =>
      [...ctx.services.marketData.values()].map((md) => md.tickerAt(ctx.services.now())),
    orderBook: (_root, { symbol, depth }, ctx) =>
      marketDataOf(ctx, symbol).snapshot(checkRange('depth', depth ?? 20, 1, MAX_DEPTH)),
    trades: (_root, { symbol, first, after }, ctx) =>
      pageByKey(
        marketDataOf(ctx, symbol).recentTrades(MAX_TRADES),
        (t) => t.seq,
        't',
        { first, after },
        MAX_TRADES,
      ),
    candles: async (_root, { symbol, interval, from, to, limit }, ctx) => {
      const md = marketDataOf(ctx, symbol);
      const n = checkRange('limit', limit ?? 200, 1, MAX_QUERY_LIMIT);
      if (from === undefined || from === null) return md.recentCandles(interval, n);
      const until = to ?? ctx.services.now();
      if (until < from)
        throw graphError(ErrorCode.BAD_USER_INPUT, 'to must not be before from', { field: 'to' });
      const recorder = ctx.services.recorder;
      if (!recorder)
        throw graphError(ErrorCode.UNAVAILABLE, 'Candle history is not recorded on this gateway.');
      return recorder.candles(symbol, interval, { from, to: until, limit: n });
    },
  },
  Market: {
    status: async (spec, _args, ctx) => {
      const summary = (await ctx.services.ask(
        `market/${spec.symbol}`,
        'summary',
        {},
      )) as MarketSummary | null;
      return summary?.status ?? 'HALTED';
    },
    ticker: (spec, _args, ctx) => marketDataOf(ctx, spec.symbol).tickerAt(ctx.services.now()),
  },
  Ticker: {
    last: (t, _a, ctx) => price(ctx, t.symbol, t.last),
    open: (t, _a, ctx) => price(ctx, t.symbol, t.open),
    high: (t, _a, ctx) => price(ctx, t.symbol, t.high),
    low: (t, _a, ctx) => price(ctx, t.symbol, t.low),
    bestBid: (t, _a, ctx) => price(ctx, t.symbol, t.bestBid),
    bestAsk: (t, _a, ctx) => price(ctx, t.symbol, t.bestAsk),
    change: (t, _a, ctx) => priceOf(specOf(ctx, t.symbol), t.change),
    volume: (t, _a, ctx) => sizeOf(specOf(ctx, t.symbol), t.volume),
    quoteVolume: (t, _a, ctx) => notionalOf(specOf(ctx, t.symbol), t.quoteVolume),
  },
  OrderBook: {
    seq: (book) => String(book.seq),
    bids: (book) => levels(book.symbol, book.bids),
    asks: (book) => levels(book.symbol, book.asks),
  },
  OrderBookUpdate: {
    seq: (u) => String(u.seq),
    prevSeq: (u) => (u.prevSeq === null ? null : String(u.prevSeq)),
    bids: (u) => levels(u.symbol, u.bids),
    asks: (u) => levels(u.symbol, u.asks),
  },
  PriceLevel: {
    price: ({ symbol, level }, _a, ctx) => priceOf(specOf(ctx, symbol), level[0]),
    size: ({ symbol, level }, _a, ctx) => sizeOf(specOf(ctx, symbol), level[1]),
  },
  Trade: {
    seq: (t) => String(t.seq),
    price: (t, _a, ctx) => priceOf(specOf(ctx, t.symbol), t.price),
    size: (t, _a, ctx) => sizeOf(specOf(ctx, t.symbol), t.size),
  },
  Candle: {
    open: (c, _a, ctx) => priceOf(specOf(ctx, c.symbol), c.open),
    high: (c, _a, ctx) => priceOf(specOf(ctx, c.symbol), c.high),
    low: (c, _a, ctx) => priceOf(specOf(ctx, c.symbol), c.low),
    close: (c, _a, ctx) => priceOf(specOf(ctx, c.symbol), c.close),
    volume: (c, _a, ctx) => sizeOf(specOf(ctx, c.symbol), c.volume),
    quoteVolume: (c, _a, ctx) => notionalOf(specOf(ctx, c.symbol), c.quoteVolume),
  },
};
