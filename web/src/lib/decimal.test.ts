import { describe, expect, it } from 'vitest';
import { add, cmp, div, mul, mulBps, normalize, ratio, scaled, sub, unscaled } from './decimal.ts';

describe('decimal', () => {
  it('scales and unscales exactly', () => {
    expect(scaled('1.5', 2)).toBe(150n);
    expect(scaled('-0.001', 3)).toBe(-1n);
    expect(scaled('1.239', 2)).toBe(123n);
    expect(scaled('abc', 2)).toBeNull();
    expect(unscaled(150n, 2)).toBe('1.5');
    expect(unscaled(-5n, 3)).toBe('-0.005');
    expect(unscaled(0n, 4)).toBe('0');
  });

  it('adds, subtracts and multiplies without floating point error', () => {
    expect(add('0.1', '0.2')).toBe('0.3');
    expect(sub('65115.28', '64985.16')).toBe('130.12');
    expect(sub('1', '1.5')).toBe('-0.5');
    expect(mul('64985.16', '0.03014')).toBe('1958.6527224');
    expect(mul('123456789.123456789', '1000000000')).toBe('123456789123456789');
  });

  it('compares and normalizes', () => {
    expect(cmp('65147.8', '65147.80')).toBe(0);
    expect(cmp('0.00001', '0.0001')).toBe(-1);
    expect(cmp('100', '99.999')).toBe(1);
    expect(normalize('065147.800')).toBe('65147.8');
    expect(normalize('3.000')).toBe('3');
  });

  it('computes fees in bps, rounding away from zero', () => {
    expect(mulBps('1000', 10, 2)).toBe('1');
    expect(mulBps('1958.6527224', 10, 7)).toBe('1.9586528');
    expect(mulBps('0.01', 1, 2)).toBe('0.01'); // 0.000001 rounds up to a cent
    expect(mulBps('1000', -2, 2)).toBe('-0.2'); // a rebate
  });

  it('divides and gives display ratios', () => {
    expect(div('10', '4', 2)).toBe('2.5');
    expect(div('1', '3', 4)).toBe('0.3333');
    expect(div('1', '0', 4)).toBeNull();
    expect(ratio('1', '4')).toBe(0.25);
    expect(ratio('1', '0')).toBe(0);
  });
});
