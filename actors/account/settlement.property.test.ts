import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoMarkets, lotsToSize, priceToTicks, ticksToPrice } from '../market/index.ts';
import type { MarketSpec } from '../market/index.ts';
import type { Reconciliation } from './account-actor.ts';
import { startExchange } from './testing/exchange.ts';
import type { TestExchange } from './testing/exchange.ts';
import type { AccountOrder, PlaceOrderRequest } from './types.ts';

/**
 * Random trading among 100 accounts in the three demo markets, commands sent concurrently as
 * clients would. After every round of commands, once settlement is idle:
 * - per asset, users' available + locked plus every system account sums to zero (custody
 *   holds the other side of every deposit), and per market the clearing account is empty
 *   (each fill settled exactly once on both sides);
 * - no available or locked balance is below zero;
 * - each account's locked balance equals what its open orders hold.
 */

const ACCOUNTS = 100;
const DEPOSITS: Record<string, string> = { BTC: '20', ETH: '300', QTRA: '4000000', USDT: '2000000' };

type Step =
  | {
      kind: 'place';
      account: number;
      market: number;
      request: Omit<PlaceOrderRequest, 'clientOrderId' | 'market'>;
    }
  | { kind: 'cancel'; account: number; pick: number }
  | { kind: 'amend'; account: number; pick: number; offset: number; lots: number }
  | { kind: 'cancelAll'; account: number };

type PlaceRequest = Extract<Step, { kind: 'place' }>['request'];

function reference(spec: MarketSpec): number {
  const ticks = priceToTicks(spec, spec.referencePrice!);
  if (!ticks.ok) throw new Error('bad reference');
  return ticks.value;
}

const side = fc.constantFrom('BUY' as const, 'SELL' as const);
const account = fc.integer({ min: 1, max: ACCOUNTS });
/** Prices within ±3% of the reference, as an offset in hundredths of a percent. */
const offset = fc.integer({ min: -300, max: 300 });

function priceAt(spec: MarketSpec, bp: number): string {
  const ref = reference(spec);
  return ticksToPrice(spec, Math.max(1, ref + Math.round((ref * bp) / 10_000)));
}

const place = fc
  .record({
    account,
    market: fc.integer({ min: 0, max: demoMarkets.length - 1 }),
    side,
    type: fc.constantFrom(
      'LIMIT',
      'LIMIT',
      'LIMIT',
      'IOC',
      'FOK',
      'FOK_BUDGET',
      'MARKET',
      'STOP_LIMIT',
      'STOP_MARKET',
    ),
    offset,
    stopOffset: fc.integer({ min: 10, max: 300 }),
    lots: fc.integer({ min: 1, max: 3_000 }),
    byQuote: fc.boolean(),
    postOnly: fc.boolean(),
    stp: fc.constantFrom('NONE', 'CANCEL_RESTING', 'CANCEL_INCOMING', 'CANCEL_BOTH', 'DECREMENT_AND_CANCEL'),
  })
  .map((r): Step => {
    const spec = demoMarkets[r.market]!;
    const size = lotsToSize(spec, r.lots * (spec.base === 'QTRA' ? 1_000 : 10));
    const price = priceAt(spec, r.offset);
    const stopPrice = priceAt(spec, r.side === 'BUY' ? r.stopOffset : -r.stopOffset);
    const base = { side: r.side, stp: r.stp as never };
    const request = ((): PlaceRequest => {
      switch (r.type) {
        case 'LIMIT':
          return { ...base, type: 'LIMIT', price, size, ...(r.postOnly ? { postOnly: true } : {}) };
        case 'IOC':
        case 'FOK':
        case 'STOP_LIMIT':
          return { ...base, type: r.type, price, size, ...(r.type === 'STOP_LIMIT' ? { stopPrice } : {}) };
        case 'FOK_BUDGET': {
          const budget = (Number(price) * Number(size)).toFixed(2);
          return { ...base, type: 'FOK_BUDGET', size, quote: budget };
        }
        case 'MARKET':
          return r.byQuote && r.side === 'BUY'
            ? { ...base, type: 'MARKET', quote: (Number(price) * Number(size)).toFixed(2) }
            : { ...base, type: 'MARKET', size };
        default:
          return { ...base, type: 'STOP_MARKET', stopPrice, size };
      }
    })();
    return { kind: 'place', account: r.account, market: r.market, request };
  });

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: place },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), account, pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('amend' as const),
      account,
      pick: fc.nat(),
      offset,
      lots: fc.integer({ min: 1, max: 3_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelAll' as const), account }) },
);

let ids = 0;
/** Account ledgers seen with fee revenue, over all checks: the property must really trade. */
let feePayers = 0;

async function run(exchange: TestExchange, s: Step): Promise<void> {
  const path = exchange.path;
  const open = async () =>
    (await exchange.ask(`account/${s.account}`, 'orders', { open: true })) as AccountOrder[];
  switch (s.kind) {
    case 'place': {
      const spec = demoMarkets[s.market]!;
      await path.placeOrder(s.account, { ...s.request, market: spec.symbol, clientOrderId: `p${++ids}` });
      return;
    }
    case 'cancel': {
      const orders = await open();
      if (orders.length > 0) await path.cancelOrder(s.account, orders[s.pick % orders.length]!.id);
      return;
    }
    case 'amend': {
      const orders = (await open()).filter((o) => o.type === 'LIMIT' && o.status !== 'PendingNew');
      if (orders.length === 0) return;
      const order = orders[s.pick % orders.length]!;
      const spec = demoMarkets.find((m) => m.symbol === order.market)!;
      await path.amendOrder(s.account, order.id, {
        price: priceAt(spec, s.offset),
        size: lotsToSize(spec, s.lots * (spec.base === 'QTRA' ? 1_000 : 10)),
      });
      return;
    }
    case 'cancelAll':
      await path.cancelAll(s.account);
  }
}

async function checkInvariants(exchange: TestExchange): Promise<void> {
  await exchange.path.settledAll();
  const totals = new Map<string, bigint>();
  const add = (asset: string, amount: bigint) => totals.set(asset, (totals.get(asset) ?? 0n) + amount);
  const clearing = new Map<string, bigint>();
  for (let a = 1; a <= ACCOUNTS; a++) {
    const r = (await exchange.ask(`account/${a}`, 'reconcile', {})) as Reconciliation;
    const held = new Map(r.held);
    for (const [asset, available, locked] of r.balances) {
      expect(available, `account ${a} ${asset} available`).toBeGreaterThanOrEqual(0n);
      expect(locked, `account ${a} ${asset} locked`).toBe(held.get(asset) ?? 0n);
      add(asset, available + locked);
    }
    for (const [key, amount] of r.system) {
      if (key.startsWith('fee_revenue|')) feePayers++;
      add(key.split('|')[1]!, amount);
      if (key.startsWith('clearing:')) clearing.set(key, (clearing.get(key) ?? 0n) + amount);
    }
  }
  for (const [asset, total] of totals) expect(total, `${asset} over all ledgers`).toBe(0n);
  for (const [key, total] of clearing) expect(total, `${key} nets to zero`).toBe(0n);
}

describe('settlement - property', () => {
  it('settlement - money is conserved, never negative, and locked equals open-order holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { minLength: 1, maxLength: 12 }), { minLength: 5, maxLength: 25 }),
        async (rounds) => {
          const exchange = await startExchange();
          try {
            for (let a = 1; a <= ACCOUNTS; a++) {
              for (const [asset, amount] of Object.entries(DEPOSITS))
                await exchange.deposit(a, asset, amount);
            }
            for (const round of rounds) {
              await Promise.all(round.map((s) => run(exchange, s)));
              await checkInvariants(exchange);
            }
            for (let a = 1; a <= ACCOUNTS; a++) await exchange.path.cancelAll(a);
            await checkInvariants(exchange);
            for (let a = 1; a <= ACCOUNTS; a++) {
              const r = (await exchange.ask(`account/${a}`, 'reconcile', {})) as Reconciliation;
              for (const [asset, , locked] of r.balances) expect(locked, `account ${a} ${asset}`).toBe(0n);
            }
          } finally {
            await exchange.stop();
          }
        },
      ),
      { numRuns: 25 },
    );
    expect(feePayers).toBeGreaterThan(100);
  });
});
