/** The gateway's types as the web app reads them (decimals stay strings). */

export type Side = 'BUY' | 'SELL';
export type OrderType = 'LIMIT' | 'IOC' | 'FOK' | 'FOK_BUDGET' | 'MARKET' | 'STOP_LIMIT' | 'STOP_MARKET';
export type StpMode = 'NONE' | 'CANCEL_RESTING' | 'CANCEL_INCOMING' | 'CANCEL_BOTH' | 'DECREMENT_AND_CANCEL';
export type MarketStatus = 'OPEN' | 'HALTED' | 'CANCEL_ONLY' | 'POST_ONLY';
export type CandleInterval = 'M1' | 'M5' | 'M15' | 'H1' | 'H4' | 'D1' | 'W1';
export type OrderStatus =
  'PENDING_NEW' | 'NEW' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELLED' | 'REJECTED' | 'EXPIRED';

export const ORDER_TYPES: readonly OrderType[] = [
  'LIMIT',
  'IOC',
  'FOK',
  'FOK_BUDGET',
  'MARKET',
  'STOP_LIMIT',
  'STOP_MARKET',
];
export const STP_MODES: readonly StpMode[] = [
  'NONE',
  'CANCEL_RESTING',
  'CANCEL_INCOMING',
  'CANCEL_BOTH',
  'DECREMENT_AND_CANCEL',
];
export const INTERVALS: readonly CandleInterval[] = ['M1', 'M5', 'M15', 'H1', 'H4', 'D1', 'W1'];

export interface Ticker {
  symbol: string;
  time: string;
  last: string | null;
  open: string | null;
  change: string;
  changeBps: number;
  high: string | null;
  low: string | null;
  volume: string;
  quoteVolume: string;
  trades: number;
  bestBid: string | null;
  bestAsk: string | null;
}

export interface Market {
  symbol: string;
  base: string;
  quote: string;
  tickSize: string;
  lotSize: string;
  minSize: string;
  maxSize: string;
  maxPrice: string;
  minNotional: string;
  priceBandBps: number;
  status: MarketStatus;
  ticker: Ticker;
}

export interface PriceLevel {
  price: string;
  size: string;
}

export interface OrderBookUpdate {
  type: 'SNAPSHOT' | 'DELTA';
  symbol: string;
  seq: string;
  prevSeq: string | null;
  bids: PriceLevel[];
  asks: PriceLevel[];
}

export interface Trade {
  symbol: string;
  seq: string;
  time: string;
  price: string;
  size: string;
  takerSide: Side;
}

export interface Candle {
  openTime: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

export interface Order {
  id: string;
  clientOrderId: string;
  market: string;
  side: Side;
  type: OrderType;
  status: OrderStatus;
  price: string | null;
  stopPrice: string | null;
  size: string | null;
  quote: string | null;
  postOnly: boolean;
  stp: StpMode;
  filledSize: string;
  remainingSize: string;
  filledNotional: string;
  averagePrice: string | null;
  triggered: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Fill {
  id: string;
  orderId: string;
  market: string;
  seq: string;
  side: Side;
  price: string;
  size: string;
  liquidity: 'MAKER' | 'TAKER';
  time: string;
}

export interface Balance {
  asset: string;
  available: string;
  locked: string;
}

export interface FeeTier {
  tier: string;
  makerBps: number;
  takerBps: number;
}

export interface ApiKey {
  id: string;
  label: string;
  key: string;
  scopes: string[];
  ipAllowlist: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface RiskLimits {
  maxOrderNotional: string;
  maxOpenOrders: number;
  exchangeMaxOrderNotional: string;
  exchangeMaxOpenOrders: number;
}

export const OPEN_STATUSES: readonly OrderStatus[] = ['PENDING_NEW', 'NEW', 'PARTIALLY_FILLED'];

export function isOpen(order: Pick<Order, 'status'>): boolean {
  return OPEN_STATUSES.includes(order.status);
}
