import type { Interval } from './types.ts';

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;

/** Length of each candle interval in ms. UTC has no DST, so every bucket of an interval is equally long. */
export const INTERVAL_MS: Readonly<Record<Interval, number>> = {
  '1m': MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '1h': 60 * MINUTE,
  '4h': 240 * MINUTE,
  '1d': DAY,
  '1w': 7 * DAY,
};

/**
 * Epoch 0 (1970-01-01) was a Thursday; weeks start on Monday 00:00 UTC (as Binance's), 4 days
 * later. Every other interval divides a day, so its buckets are aligned to epoch 0.
 */
const ORIGIN: Readonly<Record<Interval, number>> = {
  '1m': 0,
  '5m': 0,
  '15m': 0,
  '1h': 0,
  '4h': 0,
  '1d': 0,
  '1w': 4 * DAY,
};

/** Start (UTC epoch ms) of the bucket of `interval` that contains `time`. */
export function bucketStart(time: number, interval: Interval): number {
  const ms = INTERVAL_MS[interval];
  const origin = ORIGIN[interval];
  return Math.floor((time - origin) / ms) * ms + origin;
}
