import type { MarketSpec } from '../market/index.ts';
import { ImportRowCode } from './import-errors.ts';
import { lots, problem, required, ticks, type RowParser, type TradeFormat } from './import-row.ts';
import { BYBIT_TRADES_PER_MS, bybitSeq } from './import-seq.ts';

/** Seconds with an optional fraction: "1704067200.1234". */
const SECONDS = /^(\d{1,11})(?:\.(\d{1,9}))?$/;

/** "BTC-USDT", "BTC/USDT" and "btcusdt" name the same market. */
function plainSymbol(symbol: string): string {
  return symbol.replace(/[-/_]/g, '').toUpperCase();
}

/**
 * Bybit public trading dumps (public.bybit.com/trading/<SYMBOL>/<SYMBOL><date>.csv.gz): a header of
 * timestamp (epoch seconds with a fraction), symbol, side (the taker's: Buy/Sell), size, price,
 * tickDirection, trdMatchID, grossValue, homeNotional, foreignNotional. Columns are found by name.
 * Times are truncated to the millisecond; the seq numbers the trades of each millisecond in file
 * order (see import-seq.ts), so a parser is good for one pass over one file.
 */
export const bybitFormat: TradeFormat = {
  name: 'bybit',
  csvHeader: true,
  columns: ['timestamp', 'symbol', 'side', 'size', 'price'],
  aliases: {},
  parser(market: MarketSpec): RowParser {
    const perMs = new Map<number, number>();
    const symbol = plainSymbol(market.symbol);
    return (values) => {
      const stamp = required(values, 'timestamp');
      if (typeof stamp !== 'string') return stamp;
      const match = SECONDS.exec(stamp);
      if (!match)
        return problem(ImportRowCode.INVALID_TIME, `timestamp ${JSON.stringify(stamp)} is not epoch seconds`);
      const time = Number(match[1]) * 1_000 + Number((match[2] ?? '').padEnd(3, '0').slice(0, 3));
      const name = required(values, 'symbol');
      if (typeof name !== 'string') return name;
      if (plainSymbol(name) !== symbol) {
        return problem(
          ImportRowCode.UNKNOWN_SYMBOL,
          `symbol ${JSON.stringify(name)} is not ${market.symbol}`,
        );
      }
      const side = required(values, 'side');
      if (typeof side !== 'string') return side;
      const takerSide =
        side.toLowerCase() === 'buy' ? 'BUY' : side.toLowerCase() === 'sell' ? 'SELL' : undefined;
      if (!takerSide)
        return problem(ImportRowCode.INVALID_SIDE, `side ${JSON.stringify(side)} is not Buy or Sell`);
      const sizeText = required(values, 'size');
      if (typeof sizeText !== 'string') return sizeText;
      const size = lots(market, 'size', sizeText);
      if (typeof size !== 'number') return size;
      const priceText = required(values, 'price');
      if (typeof priceText !== 'string') return priceText;
      const price = ticks(market, 'price', priceText);
      if (typeof price !== 'number') return price;
      // Counted only for good rows, so a skipped row does not shift the seqs after it.
      const k = perMs.get(time) ?? 0;
      const seq = bybitSeq(time, k);
      if (seq === undefined) {
        return problem(
          ImportRowCode.TOO_MANY_TRADES_PER_MS,
          `more than ${BYBIT_TRADES_PER_MS} trades at ${stamp}, or a time after 2109`,
        );
      }
      perMs.set(time, k + 1);
      return { symbol: market.symbol, seq, time, price, size, takerSide };
    };
  },
};
