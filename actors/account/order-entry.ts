import { priceToTicks, quoteToNotional, sizeToLots } from '../market/index.ts';
import type { Converted, PlaceOrder } from '../market/index.ts';
import { parseAmount } from './assets.ts';
import { AccountError } from './errors.ts';
import type { MarketUnits } from './market-units.ts';
import type { AccountOrder, PlaceOrderRequest, PriceReference, RiskLimits } from './types.ts';

/**
 * Turns a trader's request into an order the book can take, with the pre-trade checks that need
 * only the request, the market and its prices (rate limit, KYC and balance are the actor's).
 *
 * Market protection: a market BUY by size has no price, so what it will cost is unknown until it
 * trades; it goes to the book as an IOC limited to `reference × (1 + marketProtectionBps)`, and a
 * STOP_MARKET BUY as a STOP_LIMIT at `stopPrice × (1 + marketProtectionBps)` whose rest is
 * cancelled right after it triggers. So the hold always covers the worst fill, and a thin book
 * cannot fill a market order at any price at all. Sells hold base, which is exact already.
 */

export interface Entry {
  readonly order: Omit<AccountOrder, 'id' | 'createdAt' | 'updatedAt' | 'held'>;
}

function converted(result: Converted, field: string): number {
  if (result.ok) return result.value;
  throw new AccountError(result.code, `${field}: ${result.code.toLowerCase().replaceAll('_', ' ')}`);
}

const needs: Record<
  PlaceOrderRequest['type'],
  { price: boolean; size: 'yes' | 'no' | 'either'; quote: boolean; stop: boolean }
> = {
  LIMIT: { price: true, size: 'yes', quote: false, stop: false },
  IOC: { price: true, size: 'yes', quote: false, stop: false },
  FOK: { price: true, size: 'yes', quote: false, stop: false },
  FOK_BUDGET: { price: false, size: 'yes', quote: true, stop: false },
  MARKET: { price: false, size: 'either', quote: false, stop: false },
  STOP_LIMIT: { price: true, size: 'yes', quote: false, stop: true },
  STOP_MARKET: { price: false, size: 'yes', quote: false, stop: true },
};

function invalid(message: string): never {
  throw new AccountError('INVALID_ORDER', message);
}

/** Reference for bands and protection: last trade, else mid, else the market's reference price. */
export function referencePrice(units: MarketUnits, prices: PriceReference): number | undefined {
  if (prices.last !== undefined) return prices.last;
  if (prices.bid !== undefined && prices.ask !== undefined) return Math.floor((prices.bid + prices.ask) / 2);
  const configured = units.spec.referencePrice;
  return configured === undefined
    ? undefined
    : converted(priceToTicks(units.spec, configured), 'referencePrice');
}

function protectedPrice(units: MarketUnits, reference: number, limits: RiskLimits): number {
  const maxTicks = converted(priceToTicks(units.spec, units.spec.maxPrice), 'maxPrice');
  return Math.min(maxTicks, Math.ceil((reference * (10_000 + limits.marketProtectionBps)) / 10_000));
}

/** A limit price in ticks, inside the fat-finger band around the reference. */
export function limitPrice(
  units: MarketUnits,
  text: string,
  prices: PriceReference,
  limits: RiskLimits,
): number {
  const price = converted(priceToTicks(units.spec, text), 'price');
  const reference = referencePrice(units, prices);
  if (reference !== undefined && Math.abs(price - reference) * 10_000 > reference * limits.priceBandBps) {
    throw new AccountError(
      'PRICE_BAND',
      `price is more than ${limits.priceBandBps} bps from ${reference} ticks`,
    );
  }
  return price;
}

export function lotsOf(units: MarketUnits, text: string): number {
  return converted(sizeToLots(units.spec, text), 'size');
}

/** @throws AccountError with the first check that fails. */
export function entryFor(
  units: MarketUnits,
  request: PlaceOrderRequest,
  prices: PriceReference,
  limits: RiskLimits,
): Entry {
  const { spec } = units;
  const rule = needs[request.type];
  const has = (v: unknown) => v !== undefined;
  if (rule.price !== has(request.price))
    invalid(`${request.type} ${rule.price ? 'needs' : 'takes no'} price`);
  if (rule.stop !== has(request.stopPrice))
    invalid(`${request.type} ${rule.stop ? 'needs' : 'takes no'} stopPrice`);
  if (rule.quote !== has(request.quote) && request.type !== 'MARKET')
    invalid(`${request.type} ${rule.quote ? 'needs' : 'takes no'} quote`);
  if (rule.size === 'yes' && !has(request.size)) invalid(`${request.type} needs size`);
  if (request.type === 'MARKET' && has(request.size) === has(request.quote))
    invalid('MARKET needs exactly one of size and quote');
  if (request.type === 'MARKET' && has(request.quote) && request.side !== 'BUY')
    invalid('only a MARKET BUY can be sized by quote');
  if (request.postOnly && request.type !== 'LIMIT') invalid('postOnly is for LIMIT orders');

  const price = has(request.price) ? limitPrice(units, request.price!, prices, limits) : 0;
  const size = has(request.size) ? lotsOf(units, request.size!) : 0;
  const quote = has(request.quote) ? converted(quoteToNotional(spec, request.quote!), 'quote') : 0;
  const stopPrice = has(request.stopPrice)
    ? converted(priceToTicks(spec, request.stopPrice!), 'stopPrice')
    : 0;

  const reference = referencePrice(units, prices);

  let bookPrice = price;
  const protectBuy =
    request.side === 'BUY' && (request.type === 'STOP_MARKET' || (request.type === 'MARKET' && size > 0));
  if (protectBuy) {
    const from = request.type === 'STOP_MARKET' ? stopPrice : reference;
    if (from === undefined) throw new AccountError('NO_REFERENCE_PRICE', 'no price to protect a market buy');
    bookPrice = protectedPrice(units, from, limits);
  }

  const notionalTicks =
    quote > 0 ? quote : (bookPrice > 0 ? bookPrice : stopPrice || (reference ?? 0)) * size;
  const notional = BigInt(notionalTicks) * units.tickLotMinor;
  if (notional > parseAmount(units.quote, limits.maxNotional)) {
    throw new AccountError(
      'NOTIONAL_TOO_LARGE',
      `order value exceeds ${limits.maxNotional} ${units.quote.symbol}`,
    );
  }

  const stp = request.stp ?? 'NONE';
  return {
    order: {
      clientOrderId: request.clientOrderId,
      market: spec.symbol,
      side: request.side,
      type: request.type,
      price: bookPrice,
      stopPrice,
      size,
      quote,
      postOnly: request.postOnly ?? false,
      stp,
      status: 'PendingNew',
      filledLots: 0,
      remaining: size,
      filledNotional: 0,
      holdAsset: request.side === 'BUY' ? units.quote.symbol : units.base.symbol,
      fees: {},
      pendingAmend: null,
      triggered: false,
    },
  };
}

/**
 * The book command an order goes to its market as: protected market buys as an IOC, protected
 * stop-market buys as a STOP_LIMIT, at the protection price kept in `price` (see the top). The
 * first placement and a re-sent pending order (after a crash) build it from the same record.
 */
export function bookCommandFor(order: AccountOrder, account: number): PlaceOrder {
  const protectedBuy = order.side === 'BUY' && order.price > 0;
  const orderType =
    protectedBuy && order.type === 'MARKET'
      ? 'IOC'
      : protectedBuy && order.type === 'STOP_MARKET'
        ? 'STOP_LIMIT'
        : order.type;
  return {
    type: 'place',
    orderId: order.id,
    account,
    side: order.side,
    orderType,
    ...(order.price > 0 ? { price: order.price } : {}),
    ...(order.size > 0 ? { size: order.size } : {}),
    ...(order.quote > 0 ? { quote: order.quote } : {}),
    ...(order.stopPrice > 0 ? { stopPrice: order.stopPrice } : {}),
    ...(order.postOnly ? { postOnly: true } : {}),
    ...(order.stp === 'NONE' ? {} : { stp: order.stp }),
  };
}

type HoldInput = Pick<
  AccountOrder,
  'side' | 'price' | 'quote' | 'remaining' | 'filledNotional' | 'status' | 'pendingAmend' | 'size'
>;

/**
 * What an order must keep locked: enough for its worst remaining fill. Buys priced by quote keep
 * the unspent quote; priced buys keep remaining × price (the larger of the live and the pending
 * amended order); sells keep their remaining base. Terminal orders keep nothing.
 */
export function requiredHold(units: MarketUnits, order: HoldInput, terminal: boolean): bigint {
  if (terminal) return 0n;
  if (order.side === 'SELL') {
    const lots = Math.max(order.remaining, order.pendingAmend?.size ?? 0);
    return BigInt(lots) * units.lotMinor;
  }
  if (order.quote > 0) return BigInt(order.quote - order.filledNotional) * units.tickLotMinor;
  const current = order.remaining * order.price;
  const amended = order.pendingAmend ? order.pendingAmend.size * order.pendingAmend.price : 0;
  return BigInt(Math.max(current, amended)) * units.tickLotMinor;
}
