import { formatAmount, assetOf } from '../actors/account/index.ts';
import type { MarketSpec } from '../actors/market/index.ts';

/**
 * Ticks, lots and tick-lots (the book's integers) to the decimal strings clients see. Exact bigint
 * arithmetic, negative counts included (a ticker's change can fall): money is never a float.
 */

interface Step {
  readonly units: bigint;
  readonly scale: number;
}

const steps = new Map<string, Step>();

function step(text: string): Step {
  let found = steps.get(text);
  if (!found) {
    const [whole, fraction = ''] = text.split('.');
    found = { units: BigInt(whole! + fraction), scale: fraction.length };
    steps.set(text, found);
  }
  return found;
}

/** `units / 10^scale` as a plain decimal string without trailing zeros. */
export function scaledToDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  const fraction = scale === 0 ? '' : digits.slice(-scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

function times(stepText: string, count: number | bigint): string {
  const s = step(stepText);
  return scaledToDecimal(s.units * BigInt(count), s.scale);
}

export function priceOf(spec: MarketSpec, ticks: number): string {
  return times(spec.tickSize, ticks);
}

export function sizeOf(spec: MarketSpec, lots: number): string {
  return times(spec.lotSize, lots);
}

/** Tick-lots (price ticks × size lots) -> quote amount. */
export function notionalOf(spec: MarketSpec, tickLots: number | bigint): string {
  const tick = step(spec.tickSize);
  const lot = step(spec.lotSize);
  return scaledToDecimal(tick.units * lot.units * BigInt(tickLots), tick.scale + lot.scale);
}

/** Average price of `tickLots` over `lots`, rounded down to the quote asset's decimals. */
export function averagePriceOf(spec: MarketSpec, tickLots: number, lots: number): string | null {
  if (lots <= 0) return null;
  const tick = step(spec.tickSize);
  const decimals = spec.quoteDecimals;
  // price = tickLots × tickSize / lots, kept to the quote's decimals.
  const scaledPrice =
    (BigInt(tickLots) * tick.units * 10n ** BigInt(decimals)) / (BigInt(lots) * 10n ** BigInt(tick.scale));
  return scaledToDecimal(scaledPrice, decimals);
}

/** Ledger minor units of an asset -> decimal. */
export function amountOf(asset: string, minor: bigint): string {
  return formatAmount(assetOf(asset), minor);
}
