import { describe, expect, test } from 'vitest';
import { RingBuffer } from './ring-buffer.ts';

describe('ring buffer', () => {
  test('keeps FIFO order while growing past its initial storage', () => {
    const ring = new RingBuffer<number>(1_000);
    for (let i = 0; i < 100; i++) expect(ring.push(i)).toBe(false);
    for (let i = 0; i < 40; i++) expect(ring.shift()).toBe(i);
    for (let i = 100; i < 500; i++) ring.push(i);
    const out: number[] = [];
    for (let item = ring.shift(); item !== undefined; item = ring.shift()) out.push(item);
    expect(out).toEqual(Array.from({ length: 460 }, (_, i) => i + 40));
    expect(ring.size).toBe(0);
  });

  test('when full, a push drops the oldest and says so', () => {
    const ring = new RingBuffer<number>(3);
    expect([1, 2, 3, 4, 5].map((i) => ring.push(i))).toEqual([false, false, false, true, true]);
    expect(ring.size).toBe(3);
    expect([ring.shift(), ring.shift(), ring.shift(), ring.shift()]).toEqual([3, 4, 5, undefined]);
  });

  test('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
