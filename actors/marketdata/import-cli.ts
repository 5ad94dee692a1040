/**
 * `npm run import -- <file> --market BTC-USDT --format binance|bybit [--on-error skip|reject]
 *   [--container csv|parquet] [--no-candles]`
 *
 * Imports a historical trade dump into the market data tables. Writes to `DATABASE_URL` when set.
 * Without it, it opens the node's embedded PGlite (`$DATA_DIR/pglite`, default `.data/pglite`)
 * directly, which only works while the node is stopped: a PGlite data directory can be open in one
 * process at a time. Prints the report as JSON; exits 1 when the import fails or rejects.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoMarkets } from '../market/index.ts';
import { createPgDriver, createPgliteDriver, migrate, type SqlDriver } from '../store/index.ts';
import { IMPORT_FORMATS, importTrades, type ImportFormat } from './import.ts';
import { MarketDataRecorder } from './recorder.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    market: { type: 'string' },
    format: { type: 'string' },
    'on-error': { type: 'string', default: 'reject' },
    container: { type: 'string' },
    'no-candles': { type: 'boolean', default: false },
  },
});
const [file] = positionals;
const usage =
  'usage: npm run import -- <file> --market <SYMBOL> --format binance|bybit [--on-error skip|reject]';
if (!file || positionals.length !== 1) fail(usage);
const market = demoMarkets.find((m) => m.symbol === values.market);
if (!market)
  fail(
    `unknown market ${JSON.stringify(values.market)}; known: ${demoMarkets.map((m) => m.symbol).join(', ')}`,
  );
if (!values.format || !(values.format in IMPORT_FORMATS)) fail(usage);
const onError = values['on-error'];
if (onError !== 'skip' && onError !== 'reject') fail(usage);
const container = values.container;
if (container !== undefined && container !== 'csv' && container !== 'parquet') fail(usage);

const url = process.env.DATABASE_URL || undefined;
let driver: SqlDriver;
try {
  if (url) driver = await createPgDriver({ url });
  else {
    const dataDir = resolve(process.env.DATA_DIR || '.data', 'pglite');
    mkdirSync(dataDir, { recursive: true });
    driver = await createPgliteDriver({ dataDir });
  }
} catch (error) {
  fail(
    `cannot open the database (${url ? 'DATABASE_URL' : 'embedded PGlite: is the node running?'}): ${String(error)}`,
  );
}
let code = 0;
try {
  await migrate(driver);
  const recorder = new MarketDataRecorder(driver, { batchSize: 10_000 });
  const report = await importTrades(recorder, file, {
    market,
    format: values.format as ImportFormat,
    onError,
    ...(container ? { container } : {}),
    rebuildCandles: !values['no-candles'],
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
} catch (error) {
  const { name, message, errors } = error as { name?: string; message?: string; errors?: unknown };
  process.stderr.write(`${JSON.stringify({ error: name, message, ...(errors ? { errors } : {}) })}\n`);
  code = 1;
} finally {
  await driver.close();
}
process.exit(code);
