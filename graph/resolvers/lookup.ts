import type { MarketSpec } from '../../actors/market/index.ts';
import type { MarketData } from '../../actors/marketdata/index.ts';
import type { GraphContext } from '../context.ts';
import { graphError } from '../errors.ts';

/** The spec of a market the gateway serves, or UNKNOWN_MARKET (the accounts' code for it). */
export function specOf(ctx: GraphContext, symbol: string): MarketSpec {
  const spec = ctx.services.markets.get(symbol);
  if (!spec) throw graphError('UNKNOWN_MARKET', `No market "${symbol.slice(0, 40)}".`);
  return spec;
}

export function marketDataOf(ctx: GraphContext, symbol: string): MarketData {
  specOf(ctx, symbol);
  const md = ctx.services.marketData.get(symbol);
  if (!md) throw graphError('UNKNOWN_MARKET', `No market data for "${symbol}".`);
  return md;
}

export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw graphError('BAD_USER_INPUT', `${name} must be from ${min} to ${max}`, { field: name });
  }
  return value;
}
