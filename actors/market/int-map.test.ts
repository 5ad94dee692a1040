import { describe, expect, it } from 'vitest';

import { IntMap } from './int-map.ts';

describe('int map', () => {
  it('int map - agrees with Map under random set/get/delete churn, growth and keys above 2^32', () => {
    const map = new IntMap<{ key: number }>(4);
    const model = new Map<number, { key: number }>();
    let state = 12345;
    const next = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 4) % n;
    };
    const keyOf = (r: number): number => (r % 3 === 0 ? 2 ** 40 + r : 1 + r);
    for (let i = 0; i < 50_000; i++) {
      const key = keyOf(next(3000));
      const op = next(3);
      if (op === 0) {
        const value = { key };
        map.set(key, value);
        model.set(key, value);
      } else if (op === 1) {
        expect(map.delete(key)).toBe(model.delete(key));
      } else {
        expect(map.get(key)).toBe(model.get(key));
      }
      expect(map.size).toBe(model.size);
    }
    for (let r = 0; r < 3000; r++) expect(map.get(keyOf(r))).toBe(model.get(keyOf(r)));
    const seen: number[] = [];
    map.forEachValue((v) => seen.push(v.key));
    expect(seen.sort((a, b) => a - b)).toEqual([...model.keys()].sort((a, b) => a - b));
  });

  it('int map - anything but a positive number is never found', () => {
    const map = new IntMap<string>();
    map.set(1, 'one');
    expect(map.get(0)).toBeUndefined();
    expect(map.get(-1)).toBeUndefined();
    expect(map.get(Number.NaN)).toBeUndefined();
    expect(map.get('1' as unknown as number)).toBeUndefined();
    expect(map.delete(0)).toBe(false);
    expect(map.has(1)).toBe(true);
  });
});
