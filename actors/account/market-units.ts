import type { MarketSpec } from '../market/index.ts';
import { assetOf, parseAmount } from './assets.ts';
import type { Asset } from './assets.ts';

/**
 * What one lot and one tick-lot of a market are worth in ledger minor units. Both must be whole
 * numbers so every trade value is exact: a market whose steps do not fit the ledger's decimals is
 * refused at start-up rather than rounded at every fill.
 */
export interface MarketUnits {
  readonly spec: MarketSpec;
  readonly base: Asset;
  readonly quote: Asset;
  /** Base minor units per lot. */
  readonly lotMinor: bigint;
  /** Quote minor units per tick-lot (price in ticks × size in lots). */
  readonly tickLotMinor: bigint;
}

export function marketUnits(spec: MarketSpec): MarketUnits {
  const base = assetOf(spec.base);
  const quote = assetOf(spec.quote);
  if (spec.baseDecimals !== base.decimals || spec.quoteDecimals !== quote.decimals) {
    throw new RangeError(`${spec.symbol}: decimals differ from the ledger's ${base.symbol}/${quote.symbol}`);
  }
  const lotMinor = parseAmount(base, spec.lotSize);
  const tickMinor = parseAmount(quote, spec.tickSize);
  const scale = 10n ** BigInt(base.decimals);
  if ((tickMinor * lotMinor) % scale !== 0n) {
    throw new RangeError(
      `${spec.symbol}: tickSize × lotSize is not a whole number of ${quote.symbol} minor units`,
    );
  }
  return { spec, base, quote, lotMinor, tickLotMinor: (tickMinor * lotMinor) / scale };
}

/** Micro-dollars of a quote amount, for fee volume (0 when the quote asset is not a stablecoin). */
export function quoteToMicroUsd(units: MarketUnits, quoteMinor: bigint): bigint {
  if (!units.quote.usdStable) return 0n;
  const shift = units.quote.decimals - 6;
  return shift >= 0 ? quoteMinor / 10n ** BigInt(shift) : quoteMinor * 10n ** BigInt(-shift);
}
