import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import comedy from 'comedy';
import { bankAccount, counter } from '../actors/example/index.ts';
import type { CounterProtocol } from '../actors/example/index.ts';
import { ActorSystem } from '../actors/runtime/index.ts';
import type { SqlDriver } from '../actors/store/index.ts';
import { createPgDriver, createPgliteDriver, migrate, SqlJournal } from '../actors/store/index.ts';

/**
 * The actor runtime's throughput and latency:
 * - tell: fire-and-forget messages through the serial mailbox and a handler (in-memory `counter`
 *   actors, 100 of them), sent in bursts of 10,000, timed until every one is handled and checked
 *   by the counters' totals; median of three runs of 2,000,000;
 * - ask: one request/reply at a time, p50 and p99 of the round trip;
 * - persisted: journaled deposits on 1,000 loaded `bank` actors at once, each waiting for its
 *   reply before the next, group-committed to PostgreSQL (4 batches in flight, as shard hosts run)
 *   and to in-process PGlite; every event is durable before its reply.
 * Baseline: comedy's own in-memory actors (the library underneath), same tell workload.
 */

const TELLS = 2_000_000;
const TELL_BURST = 10_000;
const ASKS = 200_000;

function log(message: string): void {
  console.error(message);
}

async function measureTell(): Promise<number> {
  const system = new ActorSystem();
  system.register(counter);
  const refs = Array.from({ length: 100 }, (_, i) => system.ref<CounterProtocol>(`counter/c${i}`));
  let expected = 0;
  const run = async (n: number): Promise<number> => {
    const t0 = performance.now();
    // Producers send in bursts and yield to the event loop between them, as network input does.
    for (let i = 0; i < n;) {
      for (const end = i + TELL_BURST; i < end; i++) refs[i % 100]!.tell('add', { n: 1 });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const totals = await Promise.all(refs.map((r) => r.ask('get', {})));
    const elapsed = (performance.now() - t0) / 1000;
    expected += n;
    const handled = totals.reduce((sum, t) => sum + t.total, 0);
    if (handled !== expected) throw new Error(`tell bench: ${handled} handled, ${expected} sent`);
    return n / elapsed;
  };
  await run(400_000);
  const rates: number[] = [];
  for (let r = 0; r < 3; r++) rates.push(await run(TELLS));
  await system.stop();
  return median(rates);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measureAsk(): Promise<{ p50: number; p99: number }> {
  const system = new ActorSystem();
  system.register(counter);
  const ref = system.ref<CounterProtocol>('counter/ask');
  for (let i = 0; i < 20_000; i++) await ref.ask('add', { n: 1 });
  const samples = new Float64Array(ASKS);
  for (let i = 0; i < ASKS; i++) {
    const t0 = performance.now();
    await ref.ask('add', { n: 1 });
    samples[i] = (performance.now() - t0) * 1000;
  }
  samples.sort();
  await system.stop();
  return { p50: samples[Math.floor(ASKS * 0.5)]!, p99: samples[Math.floor(ASKS * 0.99)]! };
}

async function measurePersisted(
  driver: SqlDriver,
  events: number,
  maxInFlightBatches: number,
): Promise<number> {
  await migrate(driver);
  const system = new ActorSystem({
    journal: new SqlJournal(driver),
    maxBatchWrites: 2_000,
    maxInFlightBatches,
  });
  system.register(bankAccount);
  const actors = 1_000;
  const perActor = Math.ceil(events / actors);
  // Activation (recovery from the journal) is not what is measured: load every actor first.
  await Promise.all(Array.from({ length: actors }, (_, a) => system.ask(`bank/b${a}`, 'balance', {})));
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: actors }, async (_, a) => {
      for (let i = 0; i < perActor; i++) await system.ask(`bank/b${a}`, 'deposit', { amount: 1 });
    }),
  );
  const rate = (actors * perActor) / ((performance.now() - t0) / 1000);
  await system.stop();
  return rate;
}

async function measureComedyTell(): Promise<number> {
  const system = comedy.createSystem({ config: {}, test: true });
  const root = await system.rootActor();
  class Counter {
    total = 0;
    add(n: number): void {
      this.total += n;
    }
    get(): number {
      return this.total;
    }
  }
  const refs = await Promise.all(
    Array.from({ length: 100 }, (_, i) => root.createChild(Counter, { mode: 'in-memory', name: `c${i}` })),
  );
  const run = async (n: number): Promise<number> => {
    const t0 = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < n; i++) sends.push(refs[i % 100]!.send('add', 1));
    await Promise.all(sends);
    await Promise.all(refs.map((r) => r.sendAndReceive('get')));
    return n / ((performance.now() - t0) / 1000);
  };
  await run(50_000);
  const rate = await run(500_000);
  await system.destroy();
  return rate;
}

export async function run(): Promise<Record<string, unknown>> {
  log('tell…');
  const tell = await measureTell();
  log('ask…');
  const ask = await measureAsk();

  log('persisted (PostgreSQL)…');
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  let pgRate: number | null = null;
  try {
    const pg = await createPgDriver({ url, schema: `qt_bench_${process.pid}` });
    try {
      pgRate = await measurePersisted(pg, 200_000, 4);
    } finally {
      await pg.dropSchema();
      await pg.close();
    }
  } catch (error) {
    log(`PostgreSQL not measured: ${String(error)}`);
  }

  log('persisted (PGlite)…');
  const dir = mkdtempSync(join(tmpdir(), 'qt-bench-'));
  const lite = await createPgliteDriver({ dataDir: dir });
  const liteRate = await measurePersisted(lite, 50_000, 1);
  await lite.close();
  rmSync(dir, { recursive: true, force: true });

  log('baseline: comedy in-memory actors…');
  const comedyTell = await measureComedyTell();

  return {
    name: 'actor',
    tell_msgs_per_s: Math.round(tell),
    ask_p50_us: Number(ask.p50.toFixed(2)),
    ask_p99_us: Number(ask.p99.toFixed(2)),
    persisted_events_per_s_pg: pgRate === null ? null : Math.round(pgRate),
    persisted_events_per_s_pglite: Math.round(liteRate),
    baseline: { library: 'comedy 2.1.7 in-memory actors', tell_msgs_per_s: Math.round(comedyTell) },
    ratio: Number((tell / comedyTell).toFixed(2)),
  };
}
