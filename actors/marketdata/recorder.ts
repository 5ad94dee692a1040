import type { SqlDriver } from '../store/index.ts';
import type { BookSnapshotL2, Candle, Interval, PriceLevel, Trade } from './types.ts';
import { bucketStart, INTERVAL_MS } from './intervals.ts';
import {
  INSERT_BOOK_SNAPSHOTS,
  INSERT_TRADES,
  INTERVAL_SQL,
  REBUILD_CANDLES,
  SELECT_BOOK_SNAPSHOTS,
  SELECT_CANDLES,
  SELECT_TRADES,
  UPSERT_CANDLES,
} from './recorder-sql.ts';

export interface RecorderOptions {
  /** Buffered rows (all tables) that start a flush at once. Default 5,000. */
  readonly batchSize?: number;
  /** Longest a buffered row waits before a flush starts. Default 250 ms. */
  readonly flushIntervalMs?: number;
  /**
   * Buffered rows above which `record*` throws `RecorderOverflowError` (the database is down or
   * too slow; the caller decides whether to drop or stop). Default 1,000,000.
   */
  readonly maxBuffered?: number;
  /**
   * Statements the trades of one batch are split into, run concurrently (the pool's connections
   * permitting). Default 2. Trades are idempotent, so their order across statements does not matter.
   */
  readonly tradeStatements?: number;
  /** Errors of flushes nobody awaits (size or time triggered). Their rows stay buffered and are retried. */
  readonly onError?: (error: unknown) => void;
}

/** An L2 snapshot as recorded: when it was taken, and its spread. */
export interface RecordedBookSnapshot extends BookSnapshotL2 {
  readonly time: number;
  /** (ask − bid) / mid in basis points, rounded; null while a side is empty. */
  readonly spreadBps: number | null;
}

/** Half-open time range [from, to) in epoch ms (either end optional) and the most rows to return. */
export interface RangeQuery {
  readonly from?: number;
  readonly to?: number;
  readonly limit: number;
}

export interface RecorderStats {
  /** Rows sent to the database by successful flushes (trades + candle rows + snapshots). */
  readonly rowsWritten: number;
  readonly batches: number;
}

/** Most rows one query returns: callers page with `from`/`to`. */
export const MAX_QUERY_LIMIT = 10_000;

export class RecorderOverflowError extends Error {
  override name = 'RecorderOverflowError';
  readonly code = 'RECORDER_OVERFLOW';
  /** Safe to record again once a flush has gone through. */
  readonly retryable = true;
}

interface Buffers {
  trades: Trade[];
  /** Keyed by symbol/interval/openTime: one statement may not upsert a row twice, and the latest wins. */
  candles: Map<string, Candle>;
  snapshots: RecordedBookSnapshot[];
}

function emptyBuffers(): Buffers {
  return { trades: [], candles: new Map(), snapshots: [] };
}

function candleKey(candle: Candle): string {
  return `${candle.symbol}\u0000${candle.interval}\u0000${candle.openTime}`;
}

/** (ask − bid) / mid in bps, rounded half away from zero; null when a side is empty. */
export function spreadBps(bids: readonly PriceLevel[], asks: readonly PriceLevel[]): number | null {
  const bid = bids[0]?.[0];
  const ask = asks[0]?.[0];
  if (bid === undefined || ask === undefined) return null;
  return Math.round(((ask - bid) * 20_000) / (ask + bid));
}

/**
 * Writes market data history (trades, candles, L2 snapshots) to the `md_*` tables in batches.
 *
 * `record*` only buffers; a flush starts when `batchSize` rows are waiting or `flushIntervalMs`
 * after the first one, and writes each table with one multi-row statement. One flush runs at a time,
 * so candle upserts land in the order they were recorded; the next batch fills while one is written.
 * A failed flush puts its rows back (ahead of newer ones; a newer value of the same candle wins) and
 * they are retried: trades and snapshots are idempotent (`on conflict do nothing`), candles are
 * upserted with their latest values. `flush()` writes everything recorded so far, or rejects.
 *
 * The driver stays its creator's; `close()` flushes and stops the timer but leaves it open.
 */
export class MarketDataRecorder {
  readonly #driver: SqlDriver;
  readonly #batchSize: number;
  readonly #flushIntervalMs: number;
  readonly #maxBuffered: number;
  readonly #onError: (error: unknown) => void;
  readonly #tradeStatements: number;
  #buffers: Buffers = emptyBuffers();
  #inFlight: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** After a failed background flush, full batches wait for the timer until then. */
  #retryAt = 0;
  #rowsWritten = 0;
  #batches = 0;

  constructor(driver: SqlDriver, options: RecorderOptions = {}) {
    this.#driver = driver;
    this.#batchSize = positive('batchSize', options.batchSize ?? 5_000);
    this.#flushIntervalMs = positive('flushIntervalMs', options.flushIntervalMs ?? 250);
    this.#maxBuffered = positive('maxBuffered', options.maxBuffered ?? 1_000_000);
    this.#onError = options.onError ?? (() => undefined);
    this.#tradeStatements = positive('tradeStatements', options.tradeStatements ?? 2);
  }

  /** Rows waiting for a flush. */
  get buffered(): number {
    const b = this.#buffers;
    return b.trades.length + b.candles.size + b.snapshots.length;
  }

  get stats(): RecorderStats {
    return { rowsWritten: this.#rowsWritten, batches: this.#batches };
  }

  /** Buffers a trade; a trade already stored (same symbol and seq) is left as it is. */
  recordTrade(trade: Trade): void {
    this.#admit();
    this.#buffers.trades.push(trade);
    this.#scheduled();
  }

  /** Buffers a candle's latest values; it replaces the stored row of its bucket. */
  recordCandle(candle: Candle): void {
    this.#admit();
    this.#buffers.candles.set(candleKey(candle), candle);
    this.#scheduled();
  }

  /** Buffers an L2 snapshot taken at `time` (epoch ms). */
  recordBookSnapshot(snapshot: BookSnapshotL2, time: number): void {
    this.#admit();
    const { symbol, seq, bids, asks } = snapshot;
    this.#buffers.snapshots.push({ symbol, seq, bids, asks, time, spreadBps: spreadBps(bids, asks) });
    this.#scheduled();
  }

  /**
   * Resolves at once while fewer than two batches are waiting, else when a flush has made room:
   * producers that can wait (imports, replays) await it to keep memory bounded.
   */
  async drain(): Promise<void> {
    while (this.buffered >= 2 * this.#batchSize) await this.#flushOnce();
  }

  /** Writes everything recorded before the call. Rejects when a write fails (the rows stay buffered). */
  async flush(): Promise<void> {
    this.#clearTimer();
    await this.#inFlight?.catch(() => undefined);
    while (this.buffered > 0) await this.#flushOnce();
  }

  /** Flushes and stops the timer. The driver is left open. */
  async close(): Promise<void> {
    await this.flush();
    this.#clearTimer();
  }

  /** Trades of `symbol` in [from, to), newest first. */
  async trades(symbol: string, query: RangeQuery): Promise<Trade[]> {
    const rows = await this.#driver.query<{
      seq: string;
      time: string;
      price: string;
      size: string;
      taker_side: 'BUY' | 'SELL';
    }>(SELECT_TRADES, [symbol, ...range(query)]);
    return rows.map((row) => ({
      symbol,
      seq: Number(row.seq),
      time: Number(row.time),
      price: Number(row.price),
      size: Number(row.size),
      takerSide: row.taker_side,
    }));
  }

  /** Candles of `symbol` and `interval` opening in [from, to), oldest first. */
  async candles(symbol: string, interval: Interval, query: RangeQuery): Promise<Candle[]> {
    const rows = await this.#driver.query<{
      open_time: string;
      open: string;
      high: string;
      low: string;
      close: string;
      volume: string;
      quote_volume: string;
      trades: number;
    }>(SELECT_CANDLES, [symbol, ...range(query), interval]);
    return rows.map((row) => ({
      symbol,
      interval,
      openTime: Number(row.open_time),
      open: Number(row.open),
      high: Number(row.high),
      low: Number(row.low),
      close: Number(row.close),
      volume: Number(row.volume),
      quoteVolume: BigInt(row.quote_volume),
      trades: Number(row.trades),
    }));
  }

  /** L2 snapshots of `symbol` taken in [from, to), newest first. */
  async bookSnapshots(symbol: string, query: RangeQuery): Promise<RecordedBookSnapshot[]> {
    const rows = await this.#driver.query<{
      time: string;
      seq: string;
      bids: string;
      asks: string;
      spread_bps: number | null;
    }>(SELECT_BOOK_SNAPSHOTS, [symbol, ...range(query)]);
    return rows.map((row) => ({
      symbol,
      seq: Number(row.seq),
      time: Number(row.time),
      bids: JSON.parse(row.bids) as PriceLevel[],
      asks: JSON.parse(row.asks) as PriceLevel[],
      spreadBps: row.spread_bps === null ? null : Number(row.spread_bps),
    }));
  }

  /**
   * Recomputes the `interval` candles of `symbol` from the stored trades, in SQL, for every bucket
   * touching [from, to): the range is widened to whole buckets so no candle is rebuilt from part of
   * its trades. Buckets without trades lose their stored candle. Writes buffered before the call are
   * flushed first, so they count.
   */
  async rebuildCandles(
    symbol: string,
    interval: Interval,
    from: number,
    to: number,
  ): Promise<{ readonly upserted: number; readonly removed: number }> {
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to <= from) {
      throw new RangeError(`rebuildCandles: [${from}, ${to}) is not a time range`);
    }
    await this.flush();
    const start = bucketStart(from, interval);
    const end = bucketStart(to - 1, interval) + INTERVAL_MS[interval];
    const [row] = await this.#driver.query<{ upserted: number; removed: number }>(REBUILD_CANDLES, [
      symbol,
      interval,
      start,
      end,
      INTERVAL_SQL[interval],
    ]);
    return { upserted: Number(row?.upserted ?? 0), removed: Number(row?.removed ?? 0) };
  }

  #admit(): void {
    if (this.buffered >= this.#maxBuffered) {
      throw new RecorderOverflowError(`market data recorder holds ${this.buffered} unwritten rows`);
    }
  }

  /** Starts a flush when a batch is full, else makes sure the timer will start one. */
  #scheduled(): void {
    if (this.buffered >= this.#batchSize && Date.now() >= this.#retryAt) {
      if (!this.#inFlight) this.#background();
    } else this.#armTimer();
  }

  #armTimer(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#background();
    }, this.#flushIntervalMs);
    // A pending flush must not keep a process alive that has nothing else to do.
    this.#timer.unref();
  }

  #background(): void {
    this.#clearTimer();
    this.#flushOnce().then(
      () => {
        // What arrived while writing: a full batch goes now, a partial one waits for the timer.
        if (this.buffered > 0) this.#scheduled();
      },
      (error: unknown) => {
        // Retry on the timer rather than at once: a database that is down should not be hammered.
        this.#retryAt = Date.now() + this.#flushIntervalMs;
        this.#onError(error);
        this.#armTimer();
      },
    );
  }

  /** Writes the current buffers after the flush in flight; one flush at a time keeps upserts in order. */
  #flushOnce(): Promise<void> {
    const previous = this.#inFlight ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.#write());
    const tracked: Promise<void> = run.finally(() => {
      if (this.#inFlight === tracked) this.#inFlight = undefined;
    });
    this.#inFlight = tracked;
    return tracked;
  }

  async #write(): Promise<void> {
    const batch = this.#buffers;
    this.#buffers = emptyBuffers();
    const statements: Promise<unknown>[] = [];
    // Trades are split over a few statements run at once: on PostgreSQL each goes to its own
    // connection and backend, so a batch uses more than one core (PGlite runs them in turn).
    const share = Math.ceil(batch.trades.length / this.#tradeStatements);
    for (let start = 0; start < batch.trades.length; start += share) {
      statements.push(
        this.#driver.query(INSERT_TRADES, tradeParams(batch.trades.slice(start, start + share))),
      );
    }
    if (batch.candles.size > 0)
      statements.push(this.#driver.query(UPSERT_CANDLES, candleParams(batch.candles.values())));
    if (batch.snapshots.length > 0)
      statements.push(this.#driver.query(INSERT_BOOK_SNAPSHOTS, snapshotParams(batch.snapshots)));
    if (statements.length === 0) return;
    const results = await Promise.allSettled(statements);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) {
      this.#requeue(batch);
      throw failed.reason;
    }
    this.#rowsWritten += batch.trades.length + batch.candles.size + batch.snapshots.length;
    this.#batches++;
  }

  /** Puts a failed batch back in front of what was recorded since; newer candle values win. */
  #requeue(batch: Buffers): void {
    const newer = this.#buffers;
    for (const [key, candle] of newer.candles) batch.candles.set(key, candle);
    this.#buffers = {
      trades: batch.trades.concat(newer.trades),
      candles: batch.candles,
      snapshots: batch.snapshots.concat(newer.snapshots),
    };
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} ${value} must be an integer >= 1`);
  return value;
}

function range(query: RangeQuery): [from: number | null, to: number | null, limit: number] {
  const { from, to, limit } = query;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw new RangeError(`limit ${limit} must be an integer from 1 to ${MAX_QUERY_LIMIT}`);
  }
  for (const end of [from, to]) {
    if (end !== undefined && !Number.isSafeInteger(end)) throw new RangeError(`time ${end} is not epoch ms`);
  }
  return [from ?? null, to ?? null, limit];
}

/** Column arrays as PostgreSQL array literals, built by joining: far cheaper than per-value encoding. */
function tradeParams(trades: readonly Trade[]): string[] {
  const n = trades.length;
  const symbols = new Array<string>(n);
  const seqs = new Array<number>(n);
  const times = new Array<number>(n);
  const prices = new Array<number>(n);
  const sizes = new Array<number>(n);
  const sides = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const t = trades[i]!;
    symbols[i] = quoted(t.symbol);
    seqs[i] = t.seq;
    times[i] = t.time;
    prices[i] = t.price;
    sizes[i] = t.size;
    sides[i] = t.takerSide;
  }
  return [symbols, seqs, times, prices, sizes, sides].map((column) => `{${column.join(',')}}`);
}

/** One text element of an array literal: double-quoted, so commas, braces and `NULL` stay text. */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

function candleParams(candles: Iterable<Candle>): string[] {
  const columns: unknown[][] = Array.from({ length: 10 }, () => []);
  for (const c of candles) {
    const values = [
      c.symbol,
      c.interval,
      c.openTime,
      c.open,
      c.high,
      c.low,
      c.close,
      c.volume,
      c.quoteVolume.toString(),
      c.trades,
    ];
    for (let i = 0; i < 10; i++) columns[i]!.push(values[i]);
  }
  return columns.map((column) => JSON.stringify(column));
}

function snapshotParams(snapshots: readonly RecordedBookSnapshot[]): string[] {
  return [
    JSON.stringify(snapshots.map((s) => s.symbol)),
    numbers(snapshots.map((s) => s.time)),
    numbers(snapshots.map((s) => s.seq)),
    JSON.stringify(snapshots.map((s) => s.bids)),
    JSON.stringify(snapshots.map((s) => s.asks)),
    JSON.stringify(snapshots.map((s) => s.spreadBps)),
  ];
}

function numbers(values: readonly number[]): string {
  return `[${values.join(',')}]`;
}
