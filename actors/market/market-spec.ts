import type { BookConfig } from './types.ts';

/**
 * A market as traders see it (decimal prices and sizes) and the integer units its book works in.
 * tickSize and lotSize are decimal strings: a price must be a whole number of ticks and a size a
 * whole number of lots, or the order is refused before it reaches the book. All arithmetic is on
 * bigint scaled integers: money is never a float.
 *
 * A notional in the book is price ticks × size lots ("tick-lots"); one tick-lot is worth
 * tickSize × lotSize in the quote asset. `maxPrice` × `maxSize` must fit in a safe integer so the
 * book's notionals are exact.
 */
export interface MarketSpec {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  /** Minor units of each asset, as the ledger keeps them. */
  readonly baseDecimals: number;
  readonly quoteDecimals: number;
  /** Smallest price step, in quote (e.g. "0.01"). */
  readonly tickSize: string;
  /** Smallest size step, in base (e.g. "0.00001"). */
  readonly lotSize: string;
  readonly minSize: string;
  readonly maxSize: string;
  /** Highest price accepted, in quote. */
  readonly maxPrice: string;
  /** Smallest order value, in quote. */
  readonly minNotional: string;
  readonly priceBandBps: number;
  /** Reference price (quote) for the band until the first trade. */
  readonly referencePrice?: string;
}

export const SpecRejectCode = {
  INVALID_DECIMAL: 'INVALID_DECIMAL',
  PRICE_NOT_TICK_MULTIPLE: 'PRICE_NOT_TICK_MULTIPLE',
  SIZE_NOT_LOT_MULTIPLE: 'SIZE_NOT_LOT_MULTIPLE',
  PRICE_TOO_HIGH: 'PRICE_TOO_HIGH',
  SIZE_TOO_LARGE: 'SIZE_TOO_LARGE',
} as const;
export type SpecRejectCode = (typeof SpecRejectCode)[keyof typeof SpecRejectCode];

export type Converted =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly code: SpecRejectCode };

/** A positive decimal with at most 18 fraction digits: "0.01", "100", "2.50". */
const DECIMAL = /^(0|[1-9]\d{0,17})(\.\d{1,18})?$/;

interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

function scaled(text: string): Scaled | undefined {
  if (typeof text !== 'string' || !DECIMAL.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return { units: BigInt(whole! + fraction), scale: fraction.length };
}

/** a / b for two decimals, when it is a whole number; undefined when it is not. */
function divideExact(a: Scaled, b: Scaled): bigint | undefined {
  const scale = Math.max(a.scale, b.scale);
  const an = a.units * 10n ** BigInt(scale - a.scale);
  const bn = b.units * 10n ** BigInt(scale - b.scale);
  if (bn === 0n || an % bn !== 0n) return undefined;
  return an / bn;
}

function countOf(amount: string, s: Scaled, notMultiple: SpecRejectCode, max: bigint): Converted {
  const a = scaled(amount);
  if (!a || a.units === 0n) return { ok: false, code: SpecRejectCode.INVALID_DECIMAL };
  const n = divideExact(a, s);
  if (n === undefined) return { ok: false, code: notMultiple };
  if (n > max)
    return {
      ok: false,
      code: notMultiple === 'PRICE_NOT_TICK_MULTIPLE' ? 'PRICE_TOO_HIGH' : 'SIZE_TOO_LARGE',
    };
  return { ok: true, value: Number(n) };
}

export class InvalidMarketSpecError extends Error {
  override name = 'InvalidMarketSpecError';
  readonly code = 'INVALID_MARKET_SPEC';
}

/** Checks a spec once, up front: steps divide the limits, and notionals stay exact. */
export function checkSpec(spec: MarketSpec): void {
  const fail = (why: string): never => {
    throw new InvalidMarketSpecError(`${spec.symbol}: ${why}`);
  };
  for (const key of ['tickSize', 'lotSize', 'minSize', 'maxSize', 'maxPrice', 'minNotional'] as const) {
    if (!scaled(spec[key])) fail(`${key} "${spec[key]}" is not a decimal`);
  }
  if (scaled(spec.tickSize)!.units === 0n || scaled(spec.lotSize)!.units === 0n)
    fail('tickSize and lotSize must be > 0');
  const maxTicks = divideExact(scaled(spec.maxPrice)!, scaled(spec.tickSize)!);
  const maxLots = divideExact(scaled(spec.maxSize)!, scaled(spec.lotSize)!);
  const minLots = divideExact(scaled(spec.minSize)!, scaled(spec.lotSize)!);
  if (maxTicks === undefined || maxTicks === 0n) fail('maxPrice must be a positive multiple of tickSize');
  if (maxLots === undefined || minLots === undefined || minLots === 0n || minLots > maxLots!) {
    fail('minSize and maxSize must be positive multiples of lotSize, min <= max');
  }
  if (maxTicks! * maxLots! > BigInt(Number.MAX_SAFE_INTEGER))
    fail('maxPrice × maxSize in tick-lots exceeds 2^53');
  if (spec.referencePrice !== undefined && priceToTicks(spec, spec.referencePrice).ok === false) {
    fail('referencePrice must be a multiple of tickSize within maxPrice');
  }
  if (!Number.isInteger(spec.priceBandBps) || spec.priceBandBps < 0 || spec.priceBandBps > 10_000) {
    fail('priceBandBps must be an integer from 0 to 10,000');
  }
}

/** A checked spec's steps and limits as scaled integers, worked out once per spec object. */
interface Steps {
  readonly tick: Scaled;
  readonly lot: Scaled;
  readonly maxTicks: bigint;
  readonly maxLots: bigint;
}

const stepsCache = new WeakMap<MarketSpec, Steps>();

function stepsOf(spec: MarketSpec): Steps {
  let steps = stepsCache.get(spec);
  if (steps === undefined) {
    const tick = scaled(spec.tickSize)!;
    const lot = scaled(spec.lotSize)!;
    steps = {
      tick,
      lot,
      maxTicks: divideExact(scaled(spec.maxPrice)!, tick)!,
      maxLots: divideExact(scaled(spec.maxSize)!, lot)!,
    };
    // Keyed by the object: specs are never changed in place (a changed market is a new spec).
    stepsCache.set(spec, steps);
  }
  return steps;
}

/** "101.25" -> ticks, or why not. */
export function priceToTicks(spec: MarketSpec, price: string): Converted {
  const steps = stepsOf(spec);
  return countOf(price, steps.tick, SpecRejectCode.PRICE_NOT_TICK_MULTIPLE, steps.maxTicks);
}

/** "0.5" -> lots, or why not. */
export function sizeToLots(spec: MarketSpec, size: string): Converted {
  const steps = stepsOf(spec);
  return countOf(size, steps.lot, SpecRejectCode.SIZE_NOT_LOT_MULTIPLE, steps.maxLots);
}

/**
 * A quote amount (market buy by quote, FOK_BUDGET) -> tick-lots, rounded down: what is left over
 * cannot buy even the smallest step and stays with the trader.
 */
export function quoteToNotional(spec: MarketSpec, amount: string): Converted {
  const a = scaled(amount);
  if (!a || a.units === 0n) return { ok: false, code: SpecRejectCode.INVALID_DECIMAL };
  const { tick: t, lot: l, maxTicks, maxLots } = stepsOf(spec);
  const unit: Scaled = { units: t.units * l.units, scale: t.scale + l.scale };
  const scale = Math.max(a.scale, unit.scale);
  const n = (a.units * 10n ** BigInt(scale - a.scale)) / (unit.units * 10n ** BigInt(scale - unit.scale));
  if (n === 0n) return { ok: false, code: SpecRejectCode.INVALID_DECIMAL };
  if (n > maxTicks * maxLots) return { ok: false, code: SpecRejectCode.SIZE_TOO_LARGE };
  return { ok: true, value: Number(n) };
}

function times(s: Scaled, count: number): string {
  const units = s.units * BigInt(count);
  if (s.scale === 0) return units.toString();
  const digits = units.toString().padStart(s.scale + 1, '0');
  const whole = digits.slice(0, -s.scale);
  const fraction = digits.slice(-s.scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Ticks -> decimal price string. */
export function ticksToPrice(spec: MarketSpec, ticks: number): string {
  return times(stepsOf(spec).tick, ticks);
}

/** Lots -> decimal size string. */
export function lotsToSize(spec: MarketSpec, lots: number): string {
  return times(stepsOf(spec).lot, lots);
}

/** The book's integer configuration for a (checked) spec. */
export function toBookConfig(spec: MarketSpec): BookConfig {
  checkSpec(spec);
  const lots = (size: string) => Number(divideExact(scaled(size)!, scaled(spec.lotSize)!)!);
  const minNotional = quoteToNotional(spec, spec.minNotional);
  const reference = spec.referencePrice === undefined ? undefined : priceToTicks(spec, spec.referencePrice);
  return {
    symbol: spec.symbol,
    minSize: lots(spec.minSize),
    maxSize: lots(spec.maxSize),
    minNotional: minNotional.ok ? minNotional.value : 0,
    priceBandBps: spec.priceBandBps,
    ...(reference?.ok ? { referencePrice: reference.value } : {}),
  };
}
