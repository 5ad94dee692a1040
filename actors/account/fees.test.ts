import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeeRates, FeeTierName } from './fees.ts';
import {
  checkFeeRates,
  dayIndexOf,
  FEE_TIERS,
  feeOf,
  feeSchedule,
  InvalidFeeInputError,
  InvalidFeeRatesError,
  QTRA_HOLDER_THRESHOLD,
  ratesFor,
  RollingVolume,
  tierFor,
} from './fees.ts';

const usd = (dollars: bigint): bigint => dollars * 1_000_000n;

describe('fees - tiers', () => {
  it('fees - the schedule is the published one', () => {
    expect(FEE_TIERS.map((t) => [t.name, t.minVolumeUsd, t.makerBps, t.takerBps])).toEqual([
      ['Base', 0n, 15, 25],
      ['Tier 1', 50_000n, 12, 22],
      ['Tier 2', 500_000n, 10, 20],
      ['Tier 3', 2_000_000n, 8, 18],
      ['Tier 4', 10_000_000n, 5, 15],
      ['Tier 5', 50_000_000n, 2, 12],
      ['VIP', 100_000_000n, -2, 10],
    ]);
    expect(Object.isFrozen(FEE_TIERS)).toBe(true);
    expect(Object.isFrozen(FEE_TIERS[0])).toBe(true);
  });

  it('fees - a boundary belongs to the higher tier, one micro-dollar below to the lower', () => {
    const cases: [bigint, FeeTierName][] = [
      [0n, 'Base'],
      [usd(49_999n) + 999_999n, 'Base'],
      [usd(50_000n), 'Tier 1'],
      [usd(500_000n) - 1n, 'Tier 1'],
      [usd(500_000n), 'Tier 2'],
      [usd(2_000_000n) - 1n, 'Tier 2'],
      [usd(2_000_000n), 'Tier 3'],
      [usd(10_000_000n) - 1n, 'Tier 3'],
      [usd(10_000_000n), 'Tier 4'],
      [usd(50_000_000n) - 1n, 'Tier 4'],
      [usd(50_000_000n), 'Tier 5'],
      [usd(100_000_000n) - 1n, 'Tier 5'],
      [usd(100_000_000n), 'VIP'],
      [usd(10_000_000_000n), 'VIP'],
    ];
    for (const [volume, name] of cases) {
      expect(tierFor(volume).name, `${volume} micro-USD`).toBe(name);
      const quote = ratesFor({ volumeMicroUsd: volume, qtraHeld: 0n });
      const row = FEE_TIERS.find((t) => t.name === name)!;
      expect(quote).toEqual({
        tier: name,
        rates: { makerBps: row.makerBps, takerBps: row.takerBps },
        source: 'TIER',
      });
    }
  });

  it('fees - a negative volume is a caller bug', () => {
    expect(() => tierFor(-1n)).toThrow(InvalidFeeInputError);
  });
});

describe('fees - $QTRA discount', () => {
  it('fees - holders pay at most 3 / 6 bps at every tier, never more than without QTRA', () => {
    const expected: Record<FeeTierName, FeeRates> = {
      Base: { makerBps: 3, takerBps: 6 },
      'Tier 1': { makerBps: 3, takerBps: 6 },
      'Tier 2': { makerBps: 3, takerBps: 6 },
      'Tier 3': { makerBps: 3, takerBps: 6 },
      'Tier 4': { makerBps: 3, takerBps: 6 },
      'Tier 5': { makerBps: 2, takerBps: 6 },
      VIP: { makerBps: -2, takerBps: 6 },
    };
    for (const tier of FEE_TIERS) {
      const volume = usd(tier.minVolumeUsd);
      const quote = ratesFor({ volumeMicroUsd: volume, qtraHeld: QTRA_HOLDER_THRESHOLD });
      expect(quote).toEqual({ tier: tier.name, rates: expected[tier.name], source: 'QTRA' });
      expect(quote.rates.makerBps).toBeLessThanOrEqual(tier.makerBps);
      expect(quote.rates.takerBps).toBeLessThanOrEqual(tier.takerBps);
    }
  });

  it('fees - one QTRA below the threshold pays the full tier rate', () => {
    for (const tier of FEE_TIERS) {
      const quote = ratesFor({
        volumeMicroUsd: usd(tier.minVolumeUsd),
        qtraHeld: QTRA_HOLDER_THRESHOLD - 1n,
      });
      expect(quote.rates).toEqual({ makerBps: tier.makerBps, takerBps: tier.takerBps });
      expect(quote.source).toBe('TIER');
    }
    expect(QTRA_HOLDER_THRESHOLD).toBe(10_000n);
  });

  it('fees - the discounted schedule is there for display, same tiers and volumes', () => {
    const discounted = feeSchedule(true);
    expect(discounted.map((t) => [t.name, t.minVolumeUsd, t.makerBps, t.takerBps])).toEqual([
      ['Base', 0n, 3, 6],
      ['Tier 1', 50_000n, 3, 6],
      ['Tier 2', 500_000n, 3, 6],
      ['Tier 3', 2_000_000n, 3, 6],
      ['Tier 4', 10_000_000n, 3, 6],
      ['Tier 5', 50_000_000n, 2, 6],
      ['VIP', 100_000_000n, -2, 6],
    ]);
    expect(feeSchedule(false)).toBe(FEE_TIERS);
  });
});

describe('fees - custom rates', () => {
  it('fees - custom rates win over tier and QTRA, the tier is still reported', () => {
    const custom = { makerBps: 0, takerBps: 4 };
    expect(ratesFor({ volumeMicroUsd: usd(60_000n), qtraHeld: 50_000n, custom })).toEqual({
      tier: 'Tier 1',
      rates: custom,
      source: 'CUSTOM',
    });
    // Even when worse than the tier: an override is an override.
    const worse = { makerBps: 50, takerBps: 60 };
    expect(ratesFor({ volumeMicroUsd: usd(200_000_000n), qtraHeld: 0n, custom: worse }).rates).toEqual(worse);
  });

  it('fees - custom rates: whole bps from -100 to 1000, maker <= taker, no paid taking, rebate <= taker fee', () => {
    for (const ok of [
      { makerBps: -100, takerBps: 100 },
      { makerBps: -100, takerBps: 1_000 },
      { makerBps: 1_000, takerBps: 1_000 },
      { makerBps: 0, takerBps: 0 },
    ]) {
      expect(() => checkFeeRates(ok)).not.toThrow();
    }
    for (const bad of [
      { makerBps: 1.5, takerBps: 10 },
      { makerBps: 1, takerBps: Number.NaN },
      { makerBps: -101, takerBps: 10 },
      { makerBps: 0, takerBps: 1_001 },
      { makerBps: 11, takerBps: 10 },
      { makerBps: -100, takerBps: -100 },
      { makerBps: -10, takerBps: 9 },
    ]) {
      expect(() => checkFeeRates(bad)).toThrow(InvalidFeeRatesError);
      expect(() => ratesFor({ volumeMicroUsd: 0n, qtraHeld: 0n, custom: bad })).toThrow(InvalidFeeRatesError);
    }
    try {
      checkFeeRates({ makerBps: 11, takerBps: 10 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidFeeRatesError);
      const e = error as InvalidFeeRatesError;
      expect([e.name, e.code, e.retryable, e.rates]).toEqual([
        'InvalidFeeRatesError',
        'INVALID_FEE_RATES',
        false,
        { makerBps: 11, takerBps: 10 },
      ]);
      expect(e.message).toContain('maker must be <= taker');
    }
  });
});

describe('fees - fee of a fill', () => {
  it('fees - a fee rounds up, so the exchange never under-charges', () => {
    expect(feeOf(1n, 25)).toBe(1n);
    expect(feeOf(1n, 1)).toBe(1n);
    expect(feeOf(10_000n, 25)).toBe(25n);
    expect(feeOf(10_001n, 25)).toBe(26n);
    expect(feeOf(400n, 25)).toBe(1n);
    expect(feeOf(401n, 25)).toBe(2n);
    expect(feeOf(0n, 25)).toBe(0n);
    expect(feeOf(123_456_789n, 0)).toBe(0n);
  });

  it('fees - a VIP maker rebate is negative and rounds toward zero, so it never over-pays', () => {
    const vip = ratesFor({ volumeMicroUsd: usd(100_000_000n), qtraHeld: 0n });
    expect(vip.rates.makerBps).toBe(-2);
    expect(feeOf(1n, vip.rates.makerBps)).toBe(0n);
    expect(feeOf(4_999n, -2)).toBe(0n);
    expect(feeOf(5_000n, -2)).toBe(-1n);
    expect(feeOf(9_999n, -2)).toBe(-1n);
    expect(feeOf(1_000_000n, -2)).toBe(-200n);
    expect(feeOf(1_000_000n, vip.rates.takerBps)).toBe(1_000n);
  });

  it('fees - negative amounts and fractional bps are caller bugs', () => {
    expect(() => feeOf(-1n, 10)).toThrow(InvalidFeeInputError);
    expect(() => feeOf(1n, 2.5)).toThrow(InvalidFeeInputError);
    expect(() => feeOf(1n, Number.NaN)).toThrow(InvalidFeeInputError);
  });

  it('fees - a fee is the smallest integer >= a × bps / 10000; a rebate never exceeds |a × bps / 10000|', () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 30n });
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 1_000 }), (a, bps) => {
        const fee = feeOf(a, bps);
        const exact = a * BigInt(bps); // fee × 10000 compared with this, no division
        expect(fee * 10_000n >= exact).toBe(true);
        expect((fee - 1n) * 10_000n < exact).toBe(true);
      }),
    );
    fc.assert(
      fc.property(amount, fc.integer({ min: -100, max: -1 }), (a, bps) => {
        const rebate = feeOf(a, bps);
        const exact = a * BigInt(-bps);
        expect(rebate <= 0n).toBe(true);
        expect(-rebate * 10_000n <= exact).toBe(true);
        // ...and it is the largest such amount: rounding toward zero gives away less than one unit.
        expect((-rebate + 1n) * 10_000n > exact).toBe(true);
      }),
    );
  });
});

describe('fees - rolling 30-day volume', () => {
  const today = dayIndexOf(Date.UTC(2025, 5, 30, 12));

  it('fees - a day index is the UTC day since the epoch', () => {
    expect(dayIndexOf(0)).toBe(0);
    expect(dayIndexOf(86_399_999)).toBe(0);
    expect(dayIndexOf(86_400_000)).toBe(1);
    expect(dayIndexOf(Date.UTC(2025, 5, 30, 0, 0, 0))).toBe(
      dayIndexOf(Date.UTC(2025, 5, 30, 23, 59, 59, 999)),
    );
    expect(dayIndexOf(-1)).toBe(-1);
  });

  it('fees - today counts, a bucket 29 days old counts, one 30 days old drops out', () => {
    let v = RollingVolume.empty();
    v = RollingVolume.add(v, today - 30, usd(1n));
    v = RollingVolume.add(v, today - 29, usd(10n));
    v = RollingVolume.add(v, today, usd(100n));
    expect(RollingVolume.total(v, today)).toBe(usd(110n));
    // The bucket 30 days old was pruned by the add of today.
    expect(v.days.map(([day]) => day)).toEqual([today - 29, today]);
    expect(RollingVolume.total(v, today + 1)).toBe(usd(100n));
    expect(RollingVolume.total(v, today + 30)).toBe(0n);
    // A day in the future of `today` does not count yet.
    expect(RollingVolume.total(v, today - 1)).toBe(usd(10n));
  });

  it('fees - add sums a day exactly and never mutates its input', () => {
    const empty = RollingVolume.empty();
    const one = RollingVolume.add(empty, today, 1n);
    const two = RollingVolume.add(one, today, 999_999n);
    expect(empty).toEqual({ days: [] });
    expect(one).toEqual({ days: [[today, '1']] });
    expect(two).toEqual({ days: [[today, '1000000']] });
    expect(RollingVolume.total(two, today)).toBe(usd(1n));
    expect(RollingVolume.add(two, today, 0n)).toEqual(two);
  });

  it('fees - a late fill counts on its own day; one older than the window is dropped', () => {
    let v = RollingVolume.add(RollingVolume.empty(), today, usd(5n));
    v = RollingVolume.add(v, today - 3, usd(7n));
    v = RollingVolume.add(v, today - 30, usd(1_000n));
    expect(v.days).toEqual([
      [today - 3, '7000000'],
      [today, '5000000'],
    ]);
    expect(RollingVolume.total(v, today)).toBe(usd(12n));
  });

  it('fees - the volume round-trips through JSON and picks the tier', () => {
    let v = RollingVolume.empty();
    for (let day = today - 40; day <= today; day++) v = RollingVolume.add(v, day, usd(5_000n) + 1n);
    const copy = JSON.parse(JSON.stringify(v)) as RollingVolume;
    expect(copy).toEqual(v);
    expect(RollingVolume.total(copy, today)).toBe(usd(150_000n) + 30n);
    expect(RollingVolume.add(copy, today, 1n)).toEqual(RollingVolume.add(v, today, 1n));
    expect(ratesFor({ volumeMicroUsd: RollingVolume.total(copy, today), qtraHeld: 0n }).tier).toBe('Tier 1');
  });

  it('fees - any sequence of adds keeps exactly the 30-day window of the latest day held (fast-check)', () => {
    const fill = fc.tuple(
      fc.integer({ min: today - 45, max: today + 45 }),
      fc.bigInt({ min: 0n, max: 10n ** 15n }),
    );
    fc.assert(
      fc.property(fc.array(fill, { maxLength: 60 }), (fills) => {
        let v = RollingVolume.empty();
        // The window follows the latest day the volume holds (or the fill's, if later).
        const model = new Map<number, bigint>();
        for (const [day, amount] of fills) {
          v = RollingVolume.add(v, day, amount);
          const latest = Math.max(day, ...model.keys());
          if (amount > 0n && day > latest - 30) model.set(day, (model.get(day) ?? 0n) + amount);
          for (const d of model.keys()) if (d <= latest - 30) model.delete(d);
        }
        const expected = [...model]
          .sort(([a], [b]) => a - b)
          .map(([day, amount]) => [day, amount.toString()]);
        expect(v.days).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('fees - negative volume is a caller bug', () => {
    expect(() => RollingVolume.add(RollingVolume.empty(), today, -1n)).toThrow(InvalidFeeInputError);
  });
});
