import { describe, expect, it } from 'vitest';
import { SimulatedClock } from './clock.ts';

describe('simulated clock', () => {
  it('clock - fires due timers in time order, each at its own time', () => {
    const clock = new SimulatedClock(1000);
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 200);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 100);
    const c = clock.setTimeout(() => fired.push(['c', clock.now()]), 150);
    clock.clearTimeout(c);
    clock.increment(150);
    expect(fired).toEqual([['a', 1100]]);
    clock.increment(100);
    expect(fired).toEqual([
      ['a', 1100],
      ['b', 1200],
    ]);
    expect(clock.now()).toBe(1250);
  });

  it('clock - never goes back', () => {
    const clock = new SimulatedClock(10);
    expect(() => clock.set(5)).toThrow(RangeError);
  });
});
