/**
 * Trading fees: the tier schedule, the $QTRA holder discount, per-account overrides, the rolling
 * 30-day volume that picks the tier, and the fee of one fill. Pure: no I/O and no clock; the
 * caller passes the day index and the amounts.
 *
 * Units. Rates are integer basis points (1 bps = 0.01%); a negative maker rate is a rebate.
 * Volume is USD in **micro-dollars** (bigint, 1 USD = 1_000_000n) so fills of a cent count
 * exactly. Fees are in minor units of the asset the trader receives (bigint), like the ledger.
 */

export const FeeTierName = {
  BASE: 'Base',
  TIER_1: 'Tier 1',
  TIER_2: 'Tier 2',
  TIER_3: 'Tier 3',
  TIER_4: 'Tier 4',
  TIER_5: 'Tier 5',
  VIP: 'VIP',
} as const;
export type FeeTierName = (typeof FeeTierName)[keyof typeof FeeTierName];

export interface FeeRates {
  readonly makerBps: number;
  readonly takerBps: number;
}

export interface FeeTier extends FeeRates {
  readonly name: FeeTierName;
  /** Lowest rolling 30-day volume of the tier, in whole USD; the boundary belongs to this tier. */
  readonly minVolumeUsd: bigint;
}

/** Frozen rows too: the tables are shared by every caller. */
function frozen(tiers: readonly FeeTier[]): readonly FeeTier[] {
  return Object.freeze(tiers.map((tier) => Object.freeze({ ...tier })));
}

/** The schedule without $QTRA, lowest tier first. */
export const FEE_TIERS: readonly FeeTier[] = frozen([
  { name: 'Base', minVolumeUsd: 0n, makerBps: 15, takerBps: 25 },
  { name: 'Tier 1', minVolumeUsd: 50_000n, makerBps: 12, takerBps: 22 },
  { name: 'Tier 2', minVolumeUsd: 500_000n, makerBps: 10, takerBps: 20 },
  { name: 'Tier 3', minVolumeUsd: 2_000_000n, makerBps: 8, takerBps: 18 },
  { name: 'Tier 4', minVolumeUsd: 10_000_000n, makerBps: 5, takerBps: 15 },
  { name: 'Tier 5', minVolumeUsd: 50_000_000n, makerBps: 2, takerBps: 12 },
  { name: 'VIP', minVolumeUsd: 100_000_000n, makerBps: -2, takerBps: 10 },
]);

export const MICRO_USD_PER_USD = 1_000_000n;

/** Whole QTRA an account must hold for the discounted schedule. */
export const QTRA_HOLDER_THRESHOLD = 10_000n;

/**
 * The discount caps the rates ("0.03% / 0.06% at the base tier") rather than replacing them, so
 * a holder never pays more than without QTRA (Tier 5 keeps its 2 bps maker, VIP its rebate).
 */
export const QTRA_MAX_MAKER_BPS = 3;
export const QTRA_MAX_TAKER_BPS = 6;

/** Custom (per-account) rates must lie in this range, in bps. */
export const CUSTOM_MIN_BPS = -100;
export const CUSTOM_MAX_BPS = 1_000;

export const FeeErrorCode = {
  INVALID_FEE_RATES: 'INVALID_FEE_RATES',
  INVALID_FEE_INPUT: 'INVALID_FEE_INPUT',
} as const;
export type FeeErrorCode = (typeof FeeErrorCode)[keyof typeof FeeErrorCode];

/** Custom rates out of range, not integers, or a maker rate above the taker rate. */
export class InvalidFeeRatesError extends Error {
  override name = 'InvalidFeeRatesError';
  readonly code = FeeErrorCode.INVALID_FEE_RATES;
  /** The same rates are refused again: only new rates can succeed. */
  readonly retryable = false;
  readonly rates: FeeRates;

  constructor(rates: FeeRates, why: string) {
    super(`invalid fee rates maker ${rates.makerBps} / taker ${rates.takerBps} bps: ${why}`);
    this.rates = rates;
  }
}

/** A negative amount or volume, or a fractional bps: a bug in the caller, not a business refusal. */
export class InvalidFeeInputError extends Error {
  override name = 'InvalidFeeInputError';
  readonly code = FeeErrorCode.INVALID_FEE_INPUT;
  readonly retryable = false;
}

const QTRA_TIERS: readonly FeeTier[] = frozen(
  FEE_TIERS.map((tier) => ({
    ...tier,
    makerBps: Math.min(tier.makerBps, QTRA_MAX_MAKER_BPS),
    takerBps: Math.min(tier.takerBps, QTRA_MAX_TAKER_BPS),
  })),
);

/** The schedule as a trader sees it: with `qtraHolder`, the discounted rates (for display). */
export function feeSchedule(qtraHolder: boolean): readonly FeeTier[] {
  return qtraHolder ? QTRA_TIERS : FEE_TIERS;
}

export function isQtraHolder(qtraHeld: bigint): boolean {
  return qtraHeld >= QTRA_HOLDER_THRESHOLD;
}

/** The tier of a rolling 30-day volume in micro-USD: the highest one whose minimum it reaches. */
export function tierFor(volumeMicroUsd: bigint): FeeTier {
  if (volumeMicroUsd < 0n) throw new InvalidFeeInputError(`negative volume ${volumeMicroUsd}`);
  let found = FEE_TIERS[0]!;
  for (const tier of FEE_TIERS) {
    if (volumeMicroUsd >= tier.minVolumeUsd * MICRO_USD_PER_USD) found = tier;
  }
  return found;
}

/**
 * Throws `InvalidFeeRatesError` unless both rates are whole bps in range, maker <= taker, the
 * taker rate is not negative and a maker rebate is no larger than the taker fee.
 */
export function checkFeeRates(rates: FeeRates): void {
  for (const bps of [rates.makerBps, rates.takerBps]) {
    if (!Number.isInteger(bps)) throw new InvalidFeeRatesError(rates, 'rates must be whole bps');
    if (bps < CUSTOM_MIN_BPS || bps > CUSTOM_MAX_BPS) {
      throw new InvalidFeeRatesError(rates, `rates must be from ${CUSTOM_MIN_BPS} to ${CUSTOM_MAX_BPS} bps`);
    }
  }
  // A maker above the taker would reward taking liquidity over providing it.
  if (rates.makerBps > rates.takerBps) throw new InvalidFeeRatesError(rates, 'maker must be <= taker');
  // Paying takers, or a rebate above the account's own taker fee, pays both sides of a trade.
  if (rates.takerBps < 0) throw new InvalidFeeRatesError(rates, 'taker must be >= 0');
  if (rates.makerBps + rates.takerBps < 0)
    throw new InvalidFeeRatesError(rates, 'maker rebate must not exceed the taker fee');
}

/** Where the rates of `ratesFor` came from (for statements and audit). */
export const FeeRateSource = { TIER: 'TIER', QTRA: 'QTRA', CUSTOM: 'CUSTOM' } as const;
export type FeeRateSource = (typeof FeeRateSource)[keyof typeof FeeRateSource];

export interface FeeInput {
  /** Rolling 30-day volume in micro-USD (`RollingVolume.total`). */
  readonly volumeMicroUsd: bigint;
  /** Whole QTRA held. */
  readonly qtraHeld: bigint;
  /** Per-account override: wins over tier and QTRA discount. */
  readonly custom?: FeeRates;
}

export interface FeeQuote {
  /** The volume tier, reported even when custom rates apply. */
  readonly tier: FeeTierName;
  readonly rates: FeeRates;
  readonly source: FeeRateSource;
}

/** The rates an account pays now. Invalid custom rates throw `InvalidFeeRatesError`. */
export function ratesFor(input: FeeInput): FeeQuote {
  const tier = tierFor(input.volumeMicroUsd);
  if (input.custom !== undefined) {
    checkFeeRates(input.custom);
    const rates = { makerBps: input.custom.makerBps, takerBps: input.custom.takerBps };
    return { tier: tier.name, rates, source: FeeRateSource.CUSTOM };
  }
  const holder = isQtraHolder(input.qtraHeld);
  const row = feeSchedule(holder).find((t) => t.name === tier.name)!;
  return {
    tier: tier.name,
    rates: { makerBps: row.makerBps, takerBps: row.takerBps },
    source: holder ? FeeRateSource.QTRA : FeeRateSource.TIER,
  };
}

const BPS_PER_UNIT = 10_000n;

/**
 * The fee on `amount` (minor units of the asset received) at `bps`. A fee (bps > 0) rounds up,
 * so the exchange never under-charges: 1 unit at 25 bps costs 1. A rebate (bps < 0) is negative
 * and rounds toward zero, so the exchange never over-pays: 1 unit at -2 bps earns 0.
 */
export function feeOf(amount: bigint, bps: number): bigint {
  if (amount < 0n) throw new InvalidFeeInputError(`negative amount ${amount}`);
  if (!Number.isSafeInteger(bps)) throw new InvalidFeeInputError(`bps must be an integer, got ${bps}`);
  const scaled = amount * BigInt(bps);
  // bigint division truncates toward zero: exactly the rebate's rounding.
  if (bps <= 0) return scaled / BPS_PER_UNIT;
  return (scaled + BPS_PER_UNIT - 1n) / BPS_PER_UNIT;
}

// --- rolling volume -----------------------------------------------------------------------------

export const VOLUME_WINDOW_DAYS = 30;
const MS_PER_DAY = 86_400_000;

/** The UTC day of an instant: days since 1970-01-01. */
export function dayIndexOf(epochMs: number): number {
  return Math.floor(epochMs / MS_PER_DAY);
}

/**
 * Traded USD per UTC day over the last 30 days, as plain JSON (it lives in journaled actor
 * state and snapshots): `[dayIndex, microUsd as a decimal string]`, ascending by day, one per
 * day, no zero buckets. Values are never mutated: `add` returns a new one.
 */
export interface RollingVolume {
  readonly days: ReadonlyArray<readonly [dayIndex: number, microUsd: string]>;
}

function inWindow(dayIndex: number, todayIndex: number): boolean {
  return dayIndex > todayIndex - VOLUME_WINDOW_DAYS && dayIndex <= todayIndex;
}

export const RollingVolume = {
  empty(): RollingVolume {
    return { days: [] };
  },

  /**
   * Adds a fill's USD volume to its day and drops the days that fell out of the window. Fills
   * may arrive a little out of order: the window is relative to the latest day seen, so a late
   * fill still counts if its day is in the window, and one older than the window is dropped.
   */
  add(volume: RollingVolume, dayIndex: number, microUsd: bigint): RollingVolume {
    if (microUsd < 0n) throw new InvalidFeeInputError(`negative volume ${microUsd}`);
    if (!Number.isSafeInteger(dayIndex)) throw new InvalidFeeInputError(`day index ${dayIndex}`);
    const last = volume.days.at(-1);
    const latest = last === undefined ? dayIndex : Math.max(last[0], dayIndex);
    const first = volume.days[0];
    if (last !== undefined && last[0] === dayIndex && first !== undefined && inWindow(first[0], latest)) {
      // Today again, nothing to drop (the usual fill): only the last day's sum changes.
      const days = volume.days.slice();
      days[days.length - 1] = [dayIndex, (BigInt(last[1]) + microUsd).toString()];
      return { days };
    }
    const byDay = new Map<number, bigint>();
    for (const [day, amount] of volume.days) {
      if (inWindow(day, latest)) byDay.set(day, BigInt(amount));
    }
    if (microUsd > 0n && inWindow(dayIndex, latest)) {
      byDay.set(dayIndex, (byDay.get(dayIndex) ?? 0n) + microUsd);
    }
    const days = [...byDay]
      .sort((a, b) => a[0] - b[0])
      .map(([day, amount]) => [day, amount.toString()] as const);
    return { days };
  },

  /** Micro-USD traded over (today − 30, today]: the last 30 days, today included. */
  total(volume: RollingVolume, todayIndex: number): bigint {
    let sum = 0n;
    for (const [day, amount] of volume.days) {
      if (inWindow(day, todayIndex)) sum += BigInt(amount);
    }
    return sum;
  },
} as const;
