import type { MarketSpec } from '../market/index.ts';
import { ImportRowCode } from './import-errors.ts';
import { lots, problem, required, ticks, type RowParser, type TradeFormat } from './import-row.ts';
import { binanceSeq } from './import-seq.ts';

/** From this value on a Binance time is in microseconds (2025+ spot dumps), below in milliseconds. */
const MICROSECONDS_FROM = 1e14;

/**
 * Binance spot trade dumps (data.binance.vision `…/spot/…/trades/<SYMBOL>/<SYMBOL>-trades-<date>.zip`,
 * unzipped): no header; trade_id, price, qty, quote_qty, time, is_buyer_maker, is_best_match.
 * `time` is epoch ms, or µs in newer files (told apart by size, truncated to ms). A buyer who is
 * the maker means the taker sold. The seq comes from trade_id (see import-seq.ts); quote_qty and
 * is_best_match are not needed.
 */
export const binanceFormat: TradeFormat = {
  name: 'binance',
  csvHeader: false,
  columns: ['trade_id', 'price', 'qty', 'quote_qty', 'time', 'is_buyer_maker', 'is_best_match'],
  aliases: {
    id: 'trade_id',
    quoteQty: 'quote_qty',
    isBuyerMaker: 'is_buyer_maker',
    isBestMatch: 'is_best_match',
  },
  parser(market: MarketSpec): RowParser {
    return (values) => {
      const id = required(values, 'trade_id');
      if (typeof id !== 'string') return id;
      const seq = /^\d{1,16}$/.test(id) ? binanceSeq(Number(id)) : undefined;
      if (seq === undefined)
        return problem(ImportRowCode.INVALID_TRADE_ID, `trade_id ${JSON.stringify(id)} is not a trade id`);
      const priceText = required(values, 'price');
      if (typeof priceText !== 'string') return priceText;
      const price = ticks(market, 'price', priceText);
      if (typeof price !== 'number') return price;
      const qtyText = required(values, 'qty');
      if (typeof qtyText !== 'string') return qtyText;
      const size = lots(market, 'qty', qtyText);
      if (typeof size !== 'number') return size;
      const timeText = required(values, 'time');
      if (typeof timeText !== 'string') return timeText;
      const raw = /^\d{1,17}$/.test(timeText) ? Number(timeText) : NaN;
      if (!(raw > 0))
        return problem(ImportRowCode.INVALID_TIME, `time ${JSON.stringify(timeText)} is not epoch ms or µs`);
      const time = raw >= MICROSECONDS_FROM ? Math.floor(raw / 1_000) : raw;
      const maker = required(values, 'is_buyer_maker');
      if (typeof maker !== 'string') return maker;
      const buyerIsMaker = maker.toLowerCase();
      if (buyerIsMaker !== 'true' && buyerIsMaker !== 'false') {
        return problem(
          ImportRowCode.INVALID_SIDE,
          `is_buyer_maker ${JSON.stringify(maker)} is not true or false`,
        );
      }
      return {
        symbol: market.symbol,
        seq,
        time,
        price,
        size,
        takerSide: buyerIsMaker === 'true' ? 'SELL' : 'BUY',
      };
    };
  },
};
