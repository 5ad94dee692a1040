import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RateMeter } from './metrics.ts';

describe('metrics', () => {
  it('histogram - quantiles report the upper bound of the bucket holding the rank', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 98; i++) h.observe(3);
    h.observe(700);
    h.observe(70_000);
    expect(h.quantile(0.5)).toBe(5);
    expect(h.quantile(0.99)).toBe(1_000);
    expect(h.quantile(1)).toBe(100_000);
    expect(h.count).toBe(100);
  });

  it('rate - counts whole seconds of the last ten only', () => {
    const r = new RateMeter();
    for (let i = 0; i < 50; i++) r.mark(5_000 + i);
    for (let i = 0; i < 30; i++) r.mark(6_500);
    expect(r.perSecond(6_900)).toBe(5);
    expect(r.perSecond(7_000)).toBe(8);
    expect(r.perSecond(17_000)).toBe(0);
  });
});
