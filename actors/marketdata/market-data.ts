import type { Ask } from '../account/index.ts';
import type { CommandEvents } from '../market/index.ts';
import type { Bus } from '../transport/index.ts';
import { CandleFolder } from './candles.ts';
import { L2Book } from './l2-book.ts';
import type { L2Start } from './l2-book.ts';
import type { MarketDataRecorder } from './recorder.ts';
import { TradeTape } from './tape.ts';
import { TickerFolder } from './ticker.ts';
import { INTERVALS } from './types.ts';
import type { BookDelta, BookSnapshotL2, Candle, Interval, Ticker, Trade } from './types.ts';

export interface MarketDataOptions {
  readonly bus?: Bus;
  readonly recorder?: MarketDataRecorder;
  /** Book snapshots written to the recorder at most this often. Default 10 s. */
  readonly snapshotEveryMs?: number;
  /** Levels per side in recorded snapshots. Default 50. */
  readonly snapshotDepth?: number;
  readonly onError?: (error: unknown) => void;
}

/** The bus subjects market data publishes on (architecture §5). */
export const subjects = {
  trade: (symbol: string) => `marketdata.trade.${symbol}`,
  orderbook: (symbol: string) => `marketdata.orderbook.${symbol}`,
  ticker: (symbol: string) => `marketdata.ticker.${symbol}`,
  candle: (interval: Interval, symbol: string) => `marketdata.candle.${interval}.${symbol}`,
} as const;

/**
 * Market data of one market: folds the market's commands, in seq order and each once (the
 * settler hands them over after settling them), into the L2 book, candles for every interval,
 * the 24h ticker and the trade tape; publishes trades, book deltas, tickers and candles on the
 * bus; records trades, candles and periodic book snapshots.
 *
 * Its state is derived, not journaled: at start (and whenever it sees a gap) it takes the book's
 * L3 orders at one seq from the MarketActor and goes on from there; history lives in the
 * recorder. So it runs beside settlement rather than as an actor of its own.
 */
export class MarketData {
  readonly candles: CandleFolder;
  readonly ticker: TickerFolder;
  readonly tape = new TradeTape(1_000);
  #l2: L2Book;
  #lastSnapshotAt = 0;
  #resyncs = 0;
  /** Folds run one after another (a resync awaits the market). */
  #queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly symbol: string,
    private readonly ask: Ask,
    start: L2Start,
    private readonly options: MarketDataOptions,
  ) {
    this.candles = new CandleFolder(symbol);
    this.ticker = new TickerFolder(symbol);
    this.#l2 = new L2Book(symbol, start);
  }

  static async start(symbol: string, ask: Ask, options: MarketDataOptions = {}): Promise<MarketData> {
    return new MarketData(symbol, ask, await bookOf(ask, symbol), options);
  }

  get seq(): number {
    return this.#l2.seq;
  }

  /** Times the view was rebuilt from the book after a gap. */
  get resyncs(): number {
    return this.#resyncs;
  }

  snapshot(depth?: number): BookSnapshotL2 {
    return this.#l2.snapshot(depth);
  }

  tickerAt(now: number): Ticker {
    return this.ticker.ticker(now, this.#l2.bestBid(), this.#l2.bestAsk());
  }

  recentCandles(interval: Interval, limit?: number): Candle[] {
    return this.candles.candles(interval, limit);
  }

  recentTrades(limit?: number): Trade[] {
    return this.tape.recent(limit);
  }

  /** Folds settled commands, in order; one that does not follow the view's seq triggers a resync. */
  fold(commands: readonly CommandEvents[]): Promise<void> {
    this.#queue = this.#queue
      .then(() => this.#fold(commands))
      .catch((error: unknown) => this.options.onError?.(error));
    return this.#queue;
  }

  async #fold(commands: readonly CommandEvents[]): Promise<void> {
    const touched = new Set<Interval>();
    let traded = false;
    let lastAt = 0;
    for (const { at, events } of commands) {
      const last = events[events.length - 1]!.seq;
      if (last <= this.#l2.seq) continue;
      if (events[0]!.seq !== this.#l2.seq + 1) {
        await this.resync();
        if (last <= this.#l2.seq) continue;
      }
      let delta: BookDelta | null;
      try {
        delta = this.#l2.apply(events);
      } catch (error) {
        // The view disagrees with the book (it should not): rebuild it, the trades still count.
        this.options.onError?.(error);
        await this.resync();
        delta = null;
      }
      if (delta) this.#publish(subjects.orderbook(this.symbol), delta);
      lastAt = at;
      for (const event of events) {
        if (event.type !== 'Fill') continue;
        const trade: Trade = {
          symbol: this.symbol,
          seq: event.seq,
          time: at,
          price: event.price,
          size: event.size,
          takerSide: event.takerSide,
        };
        this.candles.add(trade);
        this.ticker.add(trade);
        this.tape.add(trade);
        this.options.recorder?.recordTrade(trade);
        this.#publish(subjects.trade(this.symbol), trade);
        for (const interval of INTERVALS) touched.add(interval);
        traded = true;
      }
    }
    if (traded) {
      for (const interval of touched) {
        const candle = this.candles.current(interval);
        if (!candle) continue;
        this.options.recorder?.recordCandle(candle);
        this.#publish(subjects.candle(interval, this.symbol), candle);
      }
      this.#publish(subjects.ticker(this.symbol), this.tickerAt(lastAt));
    }
    if (lastAt > 0 && lastAt - this.#lastSnapshotAt >= (this.options.snapshotEveryMs ?? 10_000)) {
      this.#lastSnapshotAt = lastAt;
      this.options.recorder?.recordBookSnapshot(this.#l2.snapshot(this.options.snapshotDepth ?? 50), lastAt);
    }
  }

  /** Starts the L2 view again from the book's L3 orders (a gap, or a view that went wrong). */
  async resync(): Promise<void> {
    this.#l2 = new L2Book(this.symbol, await bookOf(this.ask, this.symbol));
    this.#resyncs++;
  }

  #publish(subject: string, value: Trade | BookDelta | Candle | Ticker): void {
    this.options.bus?.publish(subject, value).catch((error: unknown) => this.options.onError?.(error));
  }
}

async function bookOf(ask: Ask, symbol: string): Promise<L2Start> {
  const book = (await ask(`market/${symbol}`, 'book', {})) as L2Start | null;
  if (!book) throw new Error(`market ${symbol} is not open`);
  return book;
}
