import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EventBuffer } from '../actors/market/event-buffer.ts';
import type { BufferedOrderBook, OrderBook } from '../actors/market/types.ts';
import { loadBook } from './book-impl.ts';
import type { BookImpl } from './book-impl.ts';
import { BENCH_CONFIG, generateWorkload, MIX } from './book-workload.ts';
import type { Workload, WorkloadShape } from './book-workload.ts';
import {
  baselineRestingLines,
  createBaselineBook,
  runBaseline,
  toBaselineOps,
} from './nodejs-order-book-adapter.ts';
import type { BaselineOp } from './nodejs-order-book-adapter.ts';

/**
 * The matching engine's throughput, latency and memory, exchange-core style (see
 * book-workload.ts for the exact stream), against the npm package nodejs-order-book.
 *
 * 1. Generate (untimed): pre-fill + 3,000,000 commands, drawn with a fixed seed against a fresh
 *    instance of our book, whose events keep the generator's model of resting orders exact. Every
 *    command is accepted (a rejection aborts the bench).
 * 2. Warm-up (untimed): both books run the pre-fill and the first 1,000,000 commands once.
 * 3. Throughput: 3 passes per book, alternating ours / baseline; each pass is a fresh book, the
 *    pre-fill (untimed), then the whole stream in one timed loop (`process.hrtime.bigint()` before
 *    and after). ops/s = commands / elapsed; the median pass is reported. Our book runs each
 *    command through `processInto` with one reusable `EventBuffer` (every event of every command
 *    is still written out, into reused event objects; the loop counts them); the baseline through
 *    its own API.
 * 4. Checks after every pass: our book returned exactly the generator's number of events and
 *    ends with the generator's state hash; the baseline refused no command and ends with exactly
 *    the same resting orders as ours (same ids, sides, prices, open sizes and time order within
 *    each level).
 * 5. Latency: one more pass of our book (fresh, pre-filled), timing each `processInto` call alone
 *    with `process.hrtime.bigint()` before and after (so each sample includes one timer read,
 *    about 70 ns on this machine, logged as "timer overhead"; nothing is subtracted). Percentiles are
 *    nearest-rank over all 3,000,000 samples; max is the largest sample (GC pauses included).
 * 6. Memory: a child process with `--expose-gc` (bench/book-memory.ts): heap + external delta of a
 *    fresh book after 1,000,000 resting non-crossing orders on this shape's level count, / 1e6.
 *
 * Environment (for smoke tests only): BOOK_BENCH_IMPL=reference runs the slow reference book
 * instead of book.ts; BOOK_BENCH_COMMANDS and BOOK_BENCH_MEMORY_ORDERS shrink the run.
 */

export const BOOK_SHAPE: WorkloadShape = {
  name: 'book',
  seed: 0x5eedb00c,
  restingOrders: 1_000,
  levels: 750,
  accounts: 1_000,
  commands: 3_000_000,
};

export const BOOK_DEEP_SHAPE: WorkloadShape = {
  ...BOOK_SHAPE,
  name: 'book-deep',
  seed: 0xdeeb600c,
  restingOrders: 100_000,
  levels: 10_000,
};

const PASSES = 3;
const WARMUP_COMMANDS = 1_000_000;
const MEMORY_ORDERS = 1_000_000;

/**
 * A full GC before each timed pass, so that one pass's garbage does not land in the next. Without
 * `--expose-gc` (the `bench` script does not pass it) the flag is set at run time; V8 then
 * exposes `gc` in new contexts.
 */
const gc = ((): (() => void) => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function log(message: string): void {
  console.error(message);
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Our book's resting orders in the same line form as `baselineRestingLines`. */
function restingLines(book: OrderBook): string[] {
  const lines: string[] = [];
  for (const side of ['BUY', 'SELL'] as const) {
    // orders() is priority order (best price first, time order within a level); the stable sort
    // puts levels in ascending price and keeps the time order inside each.
    const orders = [...book.orders(side)].sort((a, b) => a.price - b.price);
    for (const o of orders) lines.push(`${side} ${o.price} ${o.orderId} ${o.size}`);
  }
  return lines;
}

function freshOurs(impl: BookImpl, workload: Workload): BufferedOrderBook {
  const book = impl.createBook(BENCH_CONFIG);
  for (const cmd of workload.prefill) book.process(cmd);
  return book;
}

function timeOurs(impl: BookImpl, workload: Workload): { book: OrderBook; ns: number } {
  const book = freshOurs(impl, workload);
  const commands = workload.commands;
  const n = commands.length;
  const out = new EventBuffer();
  gc();
  let events = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    book.processInto(commands[i]!, out);
    events += out.length;
  }
  const ns = Number(process.hrtime.bigint() - t0);
  if (events !== workload.streamEvents) {
    throw new Error(
      `book bench: our book returned ${events} events, the generating run ${workload.streamEvents}`,
    );
  }
  if (book.stateHash() !== workload.finalStateHash) {
    throw new Error('book bench: our book ended in another state than the generating run');
  }
  return { book, ns };
}

function timeBaseline(ops: readonly BaselineOp[], prefill: number, expected: readonly string[]): number {
  const book = createBaselineBook();
  if (runBaseline(book, ops, 0, prefill) !== 0)
    throw new Error('book bench: the baseline refused a pre-fill order');
  gc();
  const t0 = process.hrtime.bigint();
  const refused = runBaseline(book, ops, prefill, ops.length);
  const ns = Number(process.hrtime.bigint() - t0);
  if (refused !== 0) throw new Error(`book bench: the baseline refused ${refused} commands`);
  const lines = baselineRestingLines(book);
  if (lines.length !== expected.length || lines.some((line, i) => line !== expected[i])) {
    const i = lines.findIndex((line, j) => line !== expected[j]);
    throw new Error(
      `book bench: the baseline ends with ${lines.length} resting orders, ours with ${expected.length}; ` +
        `first difference at ${i}: ${lines[i]} vs ${expected[i]}`,
    );
  }
  return ns;
}

function latencies(impl: BookImpl, workload: Workload): Float64Array {
  const book = freshOurs(impl, workload);
  const commands = workload.commands;
  const n = commands.length;
  const samples = new Float64Array(n);
  const out = new EventBuffer();
  gc();
  for (let i = 0; i < n; i++) {
    const cmd = commands[i]!;
    const t0 = process.hrtime.bigint();
    book.processInto(cmd, out);
    samples[i] = Number(process.hrtime.bigint() - t0);
  }
  if (book.stateHash() !== workload.finalStateHash)
    throw new Error('book bench: latency pass ended in another state');
  return samples.sort();
}

function timerOverheadNs(): number {
  const samples = new Float64Array(200_000);
  for (let i = 0; i < samples.length; i++) {
    const t0 = process.hrtime.bigint();
    samples[i] = Number(process.hrtime.bigint() - t0);
  }
  return percentile(samples.sort(), 0.5);
}

function measureMemory(orders: number, levels: number): { ours: number; baseline: number } {
  const script = fileURLToPath(new URL('./book-memory.ts', import.meta.url));
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', script, String(orders), String(levels)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: process.env,
    },
  );
  if (child.status !== 0) throw new Error(`book bench: memory child exited with ${child.status}`);
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  const parsed = JSON.parse(last) as {
    bytes_per_resting_order: number;
    baseline_bytes_per_resting_order: number;
  };
  return { ours: parsed.bytes_per_resting_order, baseline: parsed.baseline_bytes_per_resting_order };
}

/** `npm run bench -- book`. */
export async function run(): Promise<Record<string, unknown>> {
  return runBookBench(BOOK_SHAPE);
}

export async function runBookBench(baseShape: WorkloadShape): Promise<Record<string, unknown>> {
  const shape: WorkloadShape = { ...baseShape, commands: envInt('BOOK_BENCH_COMMANDS', baseShape.commands) };
  const memoryOrders = envInt('BOOK_BENCH_MEMORY_ORDERS', MEMORY_ORDERS);
  const impl = loadBook();
  log(`${shape.name}: book under test: ${impl.label}`);
  if (process.env.BOOK_BENCH_IMPL === 'reference')
    log(`${shape.name}: REFERENCE BOOK: harness smoke test only`);
  log(
    `${shape.name}: seed ${shape.seed.toString(16)}, pre-fill ${shape.restingOrders} orders on ${shape.levels} levels, ` +
      `${shape.accounts} accounts, ${shape.commands} commands (${MIX.gtc * 100}% GTC, ${MIX.ioc * 100}% IOC, ` +
      `${MIX.cancel * 100}% cancel, ${MIX.move * 100}% move)`,
  );

  let t = performance.now();
  const workload = generateWorkload(shape, impl.createBook(BENCH_CONFIG), log);
  const s = workload.stats;
  log(
    `${shape.name}: generated in ${((performance.now() - t) / 1000).toFixed(1)} s: ${s.gtc} GTC (${s.gtcCrossing} drawn ` +
      `crossing), ${s.ioc} IOC (${s.iocTraded} traded), ${s.cancel} cancel, ${s.move} move (${s.moveCrossed} crossed); ` +
      `${s.fills} fills, ${s.tradedLots} lots; resting ${s.minResting}..${s.maxResting}, ` +
      `at the end ${s.finalResting} orders on ${s.finalLevels} levels`,
  );
  t = performance.now();
  const ops = toBaselineOps([...workload.prefill, ...workload.commands]);
  const prefill = workload.prefill.length;
  log(`${shape.name}: baseline operations built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // Warm-up: the same prefix of the stream through both (our book also ran the whole stream
  // while generating).
  const warm = Math.min(WARMUP_COMMANDS, shape.commands);
  const warmBook = freshOurs(impl, workload);
  const warmOut = new EventBuffer();
  for (let i = 0; i < warm; i++) warmBook.processInto(workload.commands[i]!, warmOut);
  const warmBaseline = createBaselineBook();
  if (runBaseline(warmBaseline, ops, 0, prefill + warm) !== 0)
    throw new Error('book bench: baseline warm-up refused');

  const ourNs: number[] = [];
  const baselineNs: number[] = [];
  let expected: string[] | undefined;
  for (let p = 0; p < PASSES; p++) {
    const ours = timeOurs(impl, workload);
    ourNs.push(ours.ns);
    expected ??= restingLines(ours.book);
    log(`${shape.name}: pass ${p + 1}: ours ${Math.round((shape.commands / ours.ns) * 1e9)} ops/s`);
    baselineNs.push(timeBaseline(ops, prefill, expected));
    log(
      `${shape.name}: pass ${p + 1}: nodejs-order-book ${Math.round((shape.commands / baselineNs.at(-1)!) * 1e9)} ops/s`,
    );
  }
  log(
    `${shape.name}: both books end with the same ${expected!.length} resting orders (ids, prices, sizes, queue order)`,
  );

  const opsPerS = Math.round((shape.commands / median(ourNs)) * 1e9);
  const baselineOpsPerS = Math.round((shape.commands / median(baselineNs)) * 1e9);

  log(
    `${shape.name}: timer overhead (one hrtime.bigint pair) ~${timerOverheadNs()} ns, included in the latencies`,
  );
  const lat = latencies(impl, workload);

  log(`${shape.name}: memory: ${memoryOrders} resting orders on ${shape.levels} levels (child process)`);
  const memory = measureMemory(memoryOrders, shape.levels);
  log(`${shape.name}: nodejs-order-book: ${memory.baseline.toFixed(1)} bytes per resting order`);

  return {
    name: shape.name,
    ops_per_s: opsPerS,
    p50_ns: percentile(lat, 0.5),
    p99_ns: percentile(lat, 0.99),
    p999_ns: percentile(lat, 0.999),
    max_ns: lat[lat.length - 1]!,
    baseline_ops_per_s: baselineOpsPerS,
    ratio: round(opsPerS / baselineOpsPerS, 2),
    bytes_per_resting_order: round(memory.ours, 1),
  };
}
