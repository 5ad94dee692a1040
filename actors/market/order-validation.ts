/**
 * Stateless checks of the fast book's validation chain (`types.ts`, "Validation"): the shape
 * of a place command, size limits, min notional and the price band. The book runs the checks
 * that need its state (market status, order id in use, post-only, stop already triggered)
 * around these, in the order the contract fixes. Each function returns the first failing code,
 * or null.
 */

import {
  OrderType,
  RejectCode,
  StpMode,
  type BookConfig,
  type PlaceOrder,
  type StpMode as StpModeT,
} from './types.ts';

/** A positive safe integer: every price, size, quote, stop price and order id. */
export function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function isStpMode(value: unknown): value is StpModeT {
  return (
    value === StpMode.NONE ||
    value === StpMode.CANCEL_RESTING ||
    value === StpMode.CANCEL_INCOMING ||
    value === StpMode.CANCEL_BOTH ||
    value === StpMode.DECREMENT_AND_CANCEL
  );
}

/**
 * Shape of a place command: side, order type, STP mode and postOnly well-formed
 * (`INVALID_ORDER`); then the fields the type requires, in the order price, size, quote,
 * stopPrice (`INVALID_PRICE` ...); then no field the type does not take (`INVALID_ORDER`; a
 * field is present when it is not `undefined`). A MARKET BUY with a quote and no size is by
 * quote; any other MARKET is by size (so SELL with only a quote is `INVALID_SIZE`).
 */
export function checkPlaceShape(cmd: PlaceOrder): RejectCode | null {
  if (cmd.side !== 'BUY' && cmd.side !== 'SELL') return RejectCode.INVALID_ORDER;
  const type = cmd.orderType;
  let takesPrice = false;
  let takesSize = true;
  let takesQuote = false;
  let takesStop = false;
  switch (type) {
    case OrderType.LIMIT:
    case OrderType.IOC:
    case OrderType.FOK:
      takesPrice = true;
      break;
    case OrderType.FOK_BUDGET:
      takesQuote = true;
      break;
    case OrderType.MARKET:
      if (cmd.side === 'BUY' && cmd.size === undefined && cmd.quote !== undefined) {
        takesQuote = true;
        takesSize = false;
      }
      break;
    case OrderType.STOP_LIMIT:
      takesPrice = true;
      takesStop = true;
      break;
    case OrderType.STOP_MARKET:
      takesStop = true;
      break;
    default:
      return RejectCode.INVALID_ORDER;
  }
  if (cmd.stp !== undefined && !isStpMode(cmd.stp)) return RejectCode.INVALID_ORDER;
  if (cmd.postOnly !== undefined && typeof cmd.postOnly !== 'boolean') return RejectCode.INVALID_ORDER;
  if (takesPrice && !isPositiveInt(cmd.price)) return RejectCode.INVALID_PRICE;
  if (takesSize && !isPositiveInt(cmd.size)) return RejectCode.INVALID_SIZE;
  if (takesQuote && !isPositiveInt(cmd.quote)) return RejectCode.INVALID_QUOTE;
  if (takesStop && !isPositiveInt(cmd.stopPrice)) return RejectCode.INVALID_STOP_PRICE;
  if (
    (!takesPrice && cmd.price !== undefined) ||
    (!takesSize && cmd.size !== undefined) ||
    (!takesQuote && cmd.quote !== undefined) ||
    (!takesStop && cmd.stopPrice !== undefined) ||
    (type !== OrderType.LIMIT && cmd.postOnly !== undefined)
  ) {
    return RejectCode.INVALID_ORDER;
  }
  return null;
}

/** Size limits (inclusive), then min notional (skipped when `notional` is negative). */
export function checkLimits(config: BookConfig, size: number, notional: number): RejectCode | null {
  if (size >= 0) {
    if (size < config.minSize) return RejectCode.SIZE_TOO_SMALL;
    if (size > config.maxSize) return RejectCode.SIZE_TOO_LARGE;
  }
  if (notional >= 0 && config.minNotional > 0 && notional < config.minNotional) {
    return RejectCode.NOTIONAL_TOO_SMALL;
  }
  return null;
}

/**
 * The fat-finger band: |price − ref| × 10,000 <= ref × priceBandBps, ref being the last trade
 * price (0: none) or else the configured reference price; no check without either, or with a
 * zero band.
 */
export function withinBand(config: BookConfig, lastPrice: number, price: number): boolean {
  const bps = config.priceBandBps;
  if (!(bps > 0)) return true;
  const ref = lastPrice > 0 ? lastPrice : config.referencePrice;
  if (ref === undefined) return true;
  return Math.abs(price - ref) * 10_000 <= ref * bps;
}
