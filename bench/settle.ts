import { startExchange } from '../actors/account/testing/exchange.ts';
import type { OrderResult, PlaceOrderRequest } from '../actors/account/index.ts';
import type { Journal } from '../actors/store/index.ts';
import { createPgDriver, migrate, SqlJournal } from '../actors/store/index.ts';

/**
 * The whole in-process order path: AccountActor (checks, hold) -> MarketActor (match) ->
 * settlement of both sides (ledger postings with fees, OMS) -> the order's final state, per order.
 *
 * 1,000 accounts, 500 concurrent clients. Each client alternates a resting LIMIT sell and a
 * crossing IOC buy on BTC-USDT from two different accounts, so every second order trades and
 * settles maker and taker. Throughput counts orders placed end to end (reply after settlement);
 * p99 is one placeOrder round trip. Run with the in-memory journal and journaling to local
 * PostgreSQL (4 batches in flight, as shard hosts run). There is no peer library to compare with.
 */

const ACCOUNTS = 1_000;
const CLIENTS = 500;
/** Limits no bench order should meet: what is measured is the path, not the refusals. */
const BENCH_LIMITS = { rateLimit: { burst: 1_000_000, perSecond: 1_000_000 }, maxOpenOrders: 100_000 };

function log(message: string): void {
  console.error(message);
}

async function measure(journal: Journal | undefined, orders: number, maxInFlightBatches?: number) {
  const exchange = await startExchange({
    ...(journal ? { journal } : {}),
    ...(maxInFlightBatches ? { maxInFlightBatches } : {}),
    account: { limits: BENCH_LIMITS },
  });
  await Promise.all(
    Array.from({ length: ACCOUNTS }, async (_, a) => {
      await exchange.deposit(a + 1, 'BTC', '1000', `bench-btc-${a}`);
      await exchange.deposit(a + 1, 'USDT', '100000000', `bench-usdt-${a}`);
    }),
  );
  const perClient = Math.ceil(orders / CLIENTS);
  const latencies = new Float64Array(perClient * CLIENTS);
  let n = 0;
  let trades = 0;
  const check = (result: OrderResult): void => {
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    if (result.order.status === 'Filled' && result.order.type === 'IOC') trades++;
  };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const seller = (c % (ACCOUNTS / 2)) + 1;
      const buyer = seller + ACCOUNTS / 2;
      for (let i = 0; i < perClient; i++) {
        const sell = i % 2 === 0;
        const request: PlaceOrderRequest = {
          clientOrderId: `c${c}-${i}`,
          market: 'BTC-USDT',
          side: sell ? 'SELL' : 'BUY',
          type: sell ? 'LIMIT' : 'IOC',
          price: '65000',
          size: '0.001',
        };
        const start = performance.now();
        check(await exchange.path.placeOrder(sell ? seller : buyer, request));
        latencies[n++] = performance.now() - start;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await exchange.stop();
  const sorted = latencies.slice(0, n).sort();
  return { perSecond: n / seconds, p99Us: sorted[Math.floor(n * 0.99)]! * 1000, trades };
}

/**
 * One busy account (a market maker's): 100 orders in flight at once, resting on 500 price levels,
 * journaling to PostgreSQL. The account decides its next order while the last ones are written,
 * so this measures how many commands one account gets through per journal round trip.
 */
async function measureOneAccount(journal: Journal, orders: number): Promise<number> {
  const exchange = await startExchange({
    journal,
    maxInFlightBatches: 4,
    account: { limits: { ...BENCH_LIMITS, maxNotional: '100000000000' } },
  });
  await exchange.deposit(1, 'USDT', '100000000000', 'bench-one-usdt');
  const inFlight = 100;
  let n = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (n < orders) {
        const i = n++;
        const result = await exchange.path.placeOrder(1, {
          clientOrderId: `one-${i}`,
          market: 'BTC-USDT',
          side: 'BUY',
          type: 'LIMIT',
          price: String(60_000 + (i % 500)),
          size: '0.001',
        });
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      }
    }),
  );
  const perSecond = orders / ((performance.now() - t0) / 1000);
  await exchange.stop();
  return perSecond;
}

/** Runs `use` on a journal in a throwaway PostgreSQL schema (each run opens its own markets). */
async function inFreshSchema<T>(
  url: string,
  name: string,
  use: (journal: Journal) => Promise<T>,
): Promise<T> {
  const driver = await createPgDriver({ url, schema: `qt_bench_settle_${name}_${process.pid}` });
  try {
    await migrate(driver);
    return await use(new SqlJournal(driver));
  } finally {
    await driver.dropSchema();
    await driver.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  log('settle: warm-up');
  await measure(undefined, 20_000);
  const mem = await measure(undefined, 200_000);
  log(
    `settle: in-memory ${Math.round(mem.perSecond)} orders/s, p99 ${Math.round(mem.p99Us)} µs, ${mem.trades} trades`,
  );

  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const pg = await inFreshSchema(url, 'all', (journal) => measure(journal, 60_000, 4));
  const oneAccount = await inFreshSchema(url, 'one', (journal) => measureOneAccount(journal, 10_000));
  log(`settle: PostgreSQL ${Math.round(pg.perSecond)} orders/s, p99 ${Math.round(pg.p99Us)} µs`);
  log(`settle: one account, 100 orders in flight, PostgreSQL: ${Math.round(oneAccount)} orders/s`);
  return {
    name: 'settle',
    orders_per_s_mem: Math.round(mem.perSecond),
    orders_per_s_pg: Math.round(pg.perSecond),
    p99_us: Math.round(mem.p99Us),
    p99_us_pg: Math.round(pg.p99Us),
    one_account_orders_per_s_pg: Math.round(oneAccount),
  };
}
