import { describe, expect, it } from 'vitest';
import { SimulatedClock } from './clock.ts';
import { Deadlines } from './deadlines.ts';

describe('deadlines', () => {
  it('deadlines - expire no earlier than asked, at most one resolution step late, sharing one timer', () => {
    const clock = new SimulatedClock(1_003);
    const deadlines = new Deadlines(clock, 10);
    const expired: string[] = [];
    deadlines.add(100, { expire: () => expired.push('a') });
    deadlines.add(104, { expire: () => expired.push('b') });
    expect(clock.scheduled()).toHaveLength(1);
    clock.set(1_109);
    expect(expired).toEqual([]);
    clock.set(1_110);
    expect(expired).toEqual(['a', 'b']);
    expect(deadlines.size).toBe(0);
  });

  it('deadlines - a cancelled entry never expires', () => {
    const clock = new SimulatedClock(0);
    const deadlines = new Deadlines(clock, 10);
    const expired: string[] = [];
    const token = deadlines.add(50, { expire: () => expired.push('x') });
    deadlines.add(50, { expire: () => expired.push('y') });
    deadlines.cancel(token);
    clock.increment(60);
    expect(expired).toEqual(['y']);
  });

  it('deadlines - expireAll fires what is left and clears the timers', () => {
    const clock = new SimulatedClock(0);
    const deadlines = new Deadlines(clock, 10);
    const expired: string[] = [];
    deadlines.add(5_000, { expire: () => expired.push('late') });
    deadlines.expireAll();
    expect(expired).toEqual(['late']);
    expect(clock.scheduled()).toEqual([]);
  });
});
