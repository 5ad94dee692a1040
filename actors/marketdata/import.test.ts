import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoMarkets, type MarketSpec } from '../market/index.ts';
import { createPgliteDriver, migrate, type SqlDriver } from '../store/index.ts';
import { ImportFileError, ImportRejectedError } from './import-errors.ts';
import { binanceSeq, binanceTradeId, bybitSeq, tradeSource } from './import-seq.ts';
import { importTrades } from './import.ts';
import { MarketDataRecorder } from './recorder.ts';
import { referenceCandles } from './recorder.testing.ts';

const BTC = demoMarkets.find((m) => m.symbol === 'BTC-USDT')!;
/** 2024-01-01 00:00:00 UTC. */
const T0 = Date.UTC(2024, 0, 1);

let dir: string;
let driver: SqlDriver;
let recorder: MarketDataRecorder;
let markets = 0;

/** A BTC-USDT-like market with a symbol of its own, so tests share one database. */
function freshMarket(): MarketSpec {
  return { ...BTC, symbol: `IMP${++markets}-USDT` };
}

async function file(name: string, content: string | Buffer | ArrayBuffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content instanceof ArrayBuffer ? Buffer.from(content) : content);
  return path;
}

async function stored(symbol: string) {
  return (await recorder.trades(symbol, { limit: 10_000 })).reverse();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quantatrade-import-'));
  driver = await createPgliteDriver();
  await migrate(driver);
  recorder = new MarketDataRecorder(driver, { batchSize: 7 });
});

afterAll(async () => {
  await driver.close();
  await rm(dir, { recursive: true });
});

describe('import - Binance', () => {
  test('import - Binance CSV: ticks and lots, taker side from is_buyer_maker, ms and µs times, seq from trade id', async () => {
    const market = freshMarket();
    const path = await file(
      'binance.csv',
      [
        '1000,42000.01000000,0.00100000,42.00001000,1704067200000,true,true',
        '1001,42000.02000000,0.50000000,21000.01000000,1704067200000,False,True',
        '1002,41999.99,1.2,50399.988,1704067260123456,false,true',
        '',
      ].join('\r\n'),
    );
    const report = await importTrades(recorder, path, { market, format: 'binance' });
    expect(report).toMatchObject({ rows: 3, imported: 3, skipped: 0, errors: [], from: T0, to: T0 + 60_123 });
    const trades = await stored(market.symbol);
    expect(trades).toEqual([
      {
        symbol: market.symbol,
        seq: binanceSeq(1000),
        time: T0,
        price: 4_200_001,
        size: 100,
        takerSide: 'SELL',
      },
      {
        symbol: market.symbol,
        seq: binanceSeq(1001),
        time: T0,
        price: 4_200_002,
        size: 50_000,
        takerSide: 'BUY',
      },
      {
        symbol: market.symbol,
        seq: binanceSeq(1002),
        time: T0 + 60_123,
        price: 4_199_999,
        size: 120_000,
        takerSide: 'BUY',
      },
    ]);
    expect(trades.map((t) => tradeSource(t.seq))).toEqual(['binance', 'binance', 'binance']);
    expect(binanceTradeId(trades[2]!.seq)).toBe(1002);
    // Candles rebuilt from the imported trades.
    expect(await recorder.candles(market.symbol, '1m', { limit: 10 })).toEqual(
      referenceCandles(trades, '1m'),
    );
    expect(report.candles).toBe(2 + 1 + 1 + 1 + 1 + 1 + 1);

    // Importing the same file again writes nothing new.
    await importTrades(recorder, path, { market, format: 'binance' });
    expect(await stored(market.symbol)).toEqual(trades);
  });

  test('import - Binance Parquet (camelCase columns, typed values) gives the same trades as its CSV', async () => {
    const market = freshMarket();
    const other = freshMarket();
    const csv = await file(
      'same.csv',
      '7,100.5,0.25,25.125,1704067200001,true,true\n8,100.25,2,200.5,1704067200002,false,true\n',
    );
    const parquet = await file(
      'same.parquet',
      parquetWriteBuffer({
        columnData: [
          { name: 'id', data: [7n, 8n], type: 'INT64' },
          { name: 'price', data: [100.5, 100.25], type: 'DOUBLE' },
          { name: 'qty', data: ['0.25', '2'], type: 'STRING' },
          { name: 'quoteQty', data: [25.125, 200.5], type: 'DOUBLE' },
          { name: 'time', data: [1704067200001n, 1704067200002n], type: 'INT64' },
          { name: 'isBuyerMaker', data: [true, false], type: 'BOOLEAN' },
          { name: 'isBestMatch', data: [true, true], type: 'BOOLEAN' },
        ],
      }),
    );
    await importTrades(recorder, csv, { market, format: 'binance' });
    const report = await importTrades(recorder, parquet, { market: other, format: 'binance' });
    expect(report).toMatchObject({ rows: 2, imported: 2, skipped: 0 });
    const strip = (trades: Awaited<ReturnType<typeof stored>>) => trades.map(({ symbol: _, ...t }) => t);
    expect(strip(await stored(other.symbol))).toEqual(strip(await stored(market.symbol)));
  });
});

describe('import - Bybit', () => {
  const header =
    'timestamp,symbol,side,size,price,tickDirection,trdMatchID,grossValue,homeNotional,foreignNotional';

  test('import - Bybit CSV (gzipped): side is the taker, seqs number the trades of each millisecond', async () => {
    const market = freshMarket();
    const name = market.symbol.replace('-', '');
    const path = await file(
      'bybit.csv.gz',
      gzipSync(
        [
          header,
          `1704067200.1234,${name},Buy,0.5,42000.5,PlusTick,6c9f1d9a-0000-4000-8000-000000000001,2.1e+12,0.5,21000.25`,
          `1704067200.1239,${name},Sell,0.001,42000.4,MinusTick,6c9f1d9a-0000-4000-8000-000000000002,4.2e+09,0.001,42.0004`,
          `1704067201,${name},Buy,1,42001,PlusTick,6c9f1d9a-0000-4000-8000-000000000003,4.2e+12,1,42001`,
          '',
        ].join('\n'),
      ),
    );
    const report = await importTrades(recorder, path, { market, format: 'bybit' });
    expect(report).toMatchObject({ rows: 3, imported: 3, skipped: 0, from: T0 + 123, to: T0 + 1_000 });
    expect(await stored(market.symbol)).toEqual([
      {
        symbol: market.symbol,
        seq: bybitSeq(T0 + 123, 0),
        time: T0 + 123,
        price: 4_200_050,
        size: 50_000,
        takerSide: 'BUY',
      },
      {
        symbol: market.symbol,
        seq: bybitSeq(T0 + 123, 1),
        time: T0 + 123,
        price: 4_200_040,
        size: 100,
        takerSide: 'SELL',
      },
      {
        symbol: market.symbol,
        seq: bybitSeq(T0 + 1_000, 0),
        time: T0 + 1_000,
        price: 4_200_100,
        size: 100_000,
        takerSide: 'BUY',
      },
    ]);
    const [candle] = await recorder.candles(market.symbol, '1m', { limit: 1 });
    expect(candle).toMatchObject({ open: 4_200_050, close: 4_200_100, trades: 3 });
    expect((await stored(market.symbol)).map((t) => tradeSource(t.seq))).toEqual(['bybit', 'bybit', 'bybit']);
  });

  test('import - Bybit Parquet with the dump column names', async () => {
    const market = freshMarket();
    const path = await file(
      'bybit.parquet',
      parquetWriteBuffer({
        columnData: [
          { name: 'timestamp', data: [1704067200.5, 1704067200.75], type: 'DOUBLE' },
          {
            name: 'symbol',
            data: [market.symbol.replace('-', ''), market.symbol.replace('-', '')],
            type: 'STRING',
          },
          { name: 'side', data: ['Sell', 'Buy'], type: 'STRING' },
          { name: 'size', data: [0.00001, 3], type: 'DOUBLE' },
          { name: 'price', data: [42000, 42000.01], type: 'DOUBLE' },
          { name: 'trdMatchID', data: ['a', 'b'], type: 'STRING' },
        ],
      }),
    );
    const report = await importTrades(recorder, path, { market, format: 'bybit' });
    expect(report).toMatchObject({ rows: 2, imported: 2, skipped: 0, errors: [] });
    expect((await stored(market.symbol)).map((t) => [t.time, t.price, t.size, t.takerSide])).toEqual([
      [T0 + 500, 4_200_000, 1, 'SELL'],
      [T0 + 750, 4_200_001, 300_000, 'BUY'],
    ]);
  });
});

describe('import - bad rows', () => {
  const binanceLines = [
    '1,42000,0.001,42,1704067200000,true,true',
    '2,42000,0.001,42,1704067200000,true',
    '3,abc,0.001,42,1704067200000,true,true',
    '4,42000.001,0.001,42,1704067200000,true,true',
    '5,42000,0.000001,42,1704067200000,true,true',
    '6,42000,0.001,42,yesterday,true,true',
    '7,42000,0.001,42,1704067200000,maybe,true',
    'x8,42000,0.001,42,1704067200000,true,true',
    '9,42000,0.001,42,1704067200009,false,true',
  ];
  const expectedErrors = [
    { line: 2, code: 'WRONG_COLUMN_COUNT', message: '6 columns, expected 7' },
    { line: 3, code: 'INVALID_DECIMAL', message: 'price "abc" is not a positive decimal (tick 0.01)' },
    {
      line: 4,
      code: 'PRICE_NOT_TICK_MULTIPLE',
      message: 'price "42000.001" is not a multiple of the tick size (tick 0.01)',
    },
    {
      line: 5,
      code: 'SIZE_NOT_LOT_MULTIPLE',
      message: 'qty "0.000001" is not a multiple of the lot size (lot 0.00001)',
    },
    { line: 6, code: 'INVALID_TIME', message: 'time "yesterday" is not epoch ms or µs' },
    { line: 7, code: 'INVALID_SIDE', message: 'is_buyer_maker "maybe" is not true or false' },
    { line: 8, code: 'INVALID_TRADE_ID', message: 'trade_id "x8" is not a trade id' },
  ];

  test('import - skip: bad CSV rows are reported by line and the good ones imported', async () => {
    const market = freshMarket();
    const path = await file('bad-skip.csv', binanceLines.join('\n'));
    const report = await importTrades(recorder, path, { market, format: 'binance', onError: 'skip' });
    expect(report).toMatchObject({ rows: 9, imported: 2, skipped: 7, errors: expectedErrors });
    expect((await stored(market.symbol)).map((t) => binanceTradeId(t.seq))).toEqual([1, 9]);
  });

  test('import - reject: one bad row fails the whole import and nothing is written', async () => {
    const market = freshMarket();
    // Far more good rows than a recorder batch, so a streaming writer would already have flushed some.
    const good = Array.from({ length: 50 }, (_, i) => `${100 + i},42000,0.001,42,${T0 + i},true,true`);
    const path = await file('bad-reject.csv', [...good, ...binanceLines].join('\n'));
    const error: unknown = await importTrades(recorder, path, { market, format: 'binance' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRejectedError);
    const rejected = error as ImportRejectedError;
    expect(rejected.errorCount).toBe(7);
    expect(rejected.errors).toEqual(expectedErrors.map((e) => ({ ...e, line: e.line + 50 })));
    expect(rejected.message).toMatch(
      /^import rejected: 7 bad row\(s\), nothing written; first at line 52: 6 columns/,
    );
    expect(await stored(market.symbol)).toEqual([]);
    expect(await recorder.candles(market.symbol, '1m', { limit: 10 })).toEqual([]);
  });

  test('import - bad Bybit rows: unknown symbol, bad side, bad timestamp; Parquet rows by index', async () => {
    const market = freshMarket();
    const name = market.symbol.replace('-', '');
    const columnData = [
      {
        name: 'timestamp',
        data: ['1704067200.1', '1704067200.2', 'noon', '1704067200.4'],
        type: 'STRING' as const,
      },
      { name: 'symbol', data: [name, 'ETHUSDT', name, name], type: 'STRING' as const },
      { name: 'side', data: ['Buy', 'Buy', 'Buy', 'Hold'], type: 'STRING' as const },
      { name: 'size', data: ['1', '1', '1', '1'], type: 'STRING' as const },
      { name: 'price', data: ['42000', '42000', '42000', '42000'], type: 'STRING' as const },
    ];
    const path = await file('bad-bybit.parquet', parquetWriteBuffer({ columnData }));
    const report = await importTrades(recorder, path, { market, format: 'bybit', onError: 'skip' });
    expect(report.errors).toEqual([
      { row: 1, code: 'UNKNOWN_SYMBOL', message: `symbol "ETHUSDT" is not ${market.symbol}` },
      { row: 2, code: 'INVALID_TIME', message: 'timestamp "noon" is not epoch seconds' },
      { row: 3, code: 'INVALID_SIDE', message: 'side "Hold" is not Buy or Sell' },
    ]);
    expect(report).toMatchObject({ rows: 4, imported: 1, skipped: 3 });

    const other = freshMarket();
    await expect(importTrades(recorder, path, { market: other, format: 'bybit' })).rejects.toBeInstanceOf(
      ImportRejectedError,
    );
    expect(await stored(other.symbol)).toEqual([]);
  });

  test('import - a file without the columns of its format is refused as a whole', async () => {
    const market = freshMarket();
    const csv = await file('no-price.csv', 'timestamp,symbol,side,size\n1704067200,X,Buy,1\n');
    await expect(importTrades(recorder, csv, { market, format: 'bybit', onError: 'skip' })).rejects.toThrow(
      ImportFileError,
    );
    const parquet = await file(
      'no-side.parquet',
      parquetWriteBuffer({ columnData: [{ name: 'price', data: ['1'], type: 'STRING' }] }),
    );
    await expect(
      importTrades(recorder, parquet, { market, format: 'binance', onError: 'skip' }),
    ).rejects.toThrow(/no column trade_id, qty, quote_qty, time, is_buyer_maker, is_best_match/);
    await expect(
      importTrades(recorder, csv, { market, format: 'binance', container: 'parquet' }),
    ).rejects.toThrow(/not a readable Parquet file/);
    expect(await stored(market.symbol)).toEqual([]);
  });
});

describe('import - CLI', () => {
  test('import - npm run import writes into the embedded PGlite of DATA_DIR and prints the report', async () => {
    const dataDir = join(dir, 'node-data');
    const path = await file('cli.csv', '1,65000,0.5,32500,1704067200000,true,true\nbad\n');
    const cli = join(import.meta.dirname, 'import-cli.ts');
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
      });
    const { stdout } = await run(path, '--market', 'BTC-USDT', '--format', 'binance', '--on-error', 'skip');
    expect(JSON.parse(stdout)).toMatchObject({
      imported: 1,
      skipped: 1,
      errors: [{ line: 2, code: 'WRONG_COLUMN_COUNT' }],
    });
    const rejected = await run(path, '--market', 'BTC-USDT', '--format', 'binance').catch((e: unknown) => e);
    expect(rejected).toMatchObject({ code: 1, stderr: expect.stringMatching(/ImportRejectedError/) });
    const unknown = await run(path, '--market', 'DOGE-USDT', '--format', 'binance').catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown market "DOGE-USDT"/) });

    const node = await createPgliteDriver({ dataDir: join(dataDir, 'pglite') });
    try {
      const rows = await node.query<{ n: number }>('select count(*)::int as n from md_trades');
      expect(rows[0]?.n).toBe(1);
    } finally {
      await node.close();
    }
  });
});
