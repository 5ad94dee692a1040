/** The matching engine's public surface. */
export { createBook } from './book.ts';
export { allMarkets, CREATED_MARKETS_ENV, createdMarketsFromEnv, MarketCatalog } from './catalog.ts';
export { demoMarkets } from './demo-markets.ts';
export { marketBehavior } from './market-actor.ts';
export { MarketRegistry } from './registry.ts';
export {
  checkSpec,
  InvalidMarketSpecError,
  lotsToSize,
  priceToTicks,
  quoteToNotional,
  sizeToLots,
  SpecRejectCode,
  ticksToPrice,
  toBookConfig,
} from './market-spec.ts';
export { CancelReason, ExpireReason, MarketStatus, OrderType, RejectCode, StpMode } from './types.ts';

export type {
  BookFactory,
  CommandEvents,
  CommandReply,
  MarketEvent,
  MarketProtocol,
  MarketState,
  LimitsReply,
  MarketLimits,
  MarketSummary,
  OpenReply,
} from './market-actor.ts';
export type { Converted, MarketSpec } from './market-spec.ts';
export type {
  BookCommand,
  BookConfig,
  BookEvent,
  BookSnapshot,
  Depth,
  Fill,
  Level,
  OrderBook,
  PlaceOrder,
  RestingOrder,
  Side,
  WaitingStop,
} from './types.ts';
