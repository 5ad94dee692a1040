import type { Side } from '../market/index.ts';
import type { PriceLevel } from './types.ts';

/** Aggregated levels of one side (price -> open lots, no zero sizes), best first, at most `depth`. */
export function sortedLevels(levels: ReadonlyMap<number, number>, side: Side, depth: number): PriceLevel[] {
  const out = [...levels.entries()];
  out.sort(side === 'BUY' ? (a, b) => b[0] - a[0] : (a, b) => a[0] - b[0]);
  if (out.length > depth) out.length = Math.max(0, depth);
  return out;
}
