import { describe, expect, it } from 'vitest';

import { TradeTape } from './tape.ts';
import type { Trade } from './types.ts';

const trade = (seq: number): Trade => ({
  symbol: 'T-USDT',
  seq,
  time: seq,
  price: 100,
  size: 1,
  takerSide: 'SELL',
});

describe('tape', () => {
  it('tape - keeps the last N trades, newest first, with a limit', () => {
    const tape = new TradeTape(3);
    expect(tape.recent()).toEqual([]);
    for (let seq = 1; seq <= 5; seq++) tape.add(trade(seq));
    expect(tape.size).toBe(3);
    expect(tape.recent().map((t) => t.seq)).toEqual([5, 4, 3]);
    expect(tape.recent(2).map((t) => t.seq)).toEqual([5, 4]);
    expect(tape.recent(10).map((t) => t.seq)).toEqual([5, 4, 3]);
    expect(tape.recent(0)).toEqual([]);
  });

  it('tape - refuses a capacity that is not a positive integer', () => {
    expect(() => new TradeTape(0)).toThrow(RangeError);
    expect(() => new TradeTape(1.5)).toThrow(RangeError);
  });
});
