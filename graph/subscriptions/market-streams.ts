import type { Candle, Interval, Ticker, Trade } from '../../actors/marketdata/index.ts';
import { subjects } from '../../actors/marketdata/index.ts';
import type { Bus } from '../../actors/transport/index.ts';
import type { OVERFLOW } from './bounded-stream.ts';
import { busStream, losslessStream } from './bounded-stream.ts';

/** Every trade, in order; a reader that falls `maxQueue` behind gets OVERFLOW and the end. */
export function tradeStream(
  bus: Bus,
  symbol: string,
  maxQueue: number,
): AsyncGenerator<Trade | typeof OVERFLOW> {
  return losslessStream<Trade>(bus, subjects.trade(symbol), maxQueue);
}

/** The latest values win: a slow reader skips superseded candles or tickers. */
async function* latest<T>(bus: Bus, subject: string, maxQueue: number): AsyncGenerator<T> {
  const stream = busStream<T>(bus, subject, { maxQueue, policy: 'drop-oldest' });
  try {
    for await (const item of stream) if (typeof item !== 'symbol') yield item;
  } finally {
    await stream.return?.();
  }
}

export function candleStream(
  bus: Bus,
  symbol: string,
  interval: Interval,
  maxQueue: number,
): AsyncGenerator<Candle> {
  return latest<Candle>(bus, subjects.candle(interval, symbol), maxQueue);
}

export function tickerStream(bus: Bus, symbol: string, maxQueue: number): AsyncGenerator<Ticker> {
  return latest<Ticker>(bus, subjects.ticker(symbol), maxQueue);
}
