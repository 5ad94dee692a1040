import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderPath, retryingAsk } from '../actors/account/index.ts';
import type { Ask, BalanceView, OrderResult, Reconciliation } from '../actors/account/index.ts';
import { demoMarkets, toBookConfig } from '../actors/market/index.ts';
import type { Backend } from './backends.ts';
import { embedded, postgres } from './backends.ts';
import type { TestCluster } from './cluster.ts';
import { startCluster } from './cluster.ts';
import { requirePostgres } from './services.ts';

/**
 * Settlement across a crash: 60 sellers rest one QTRA offer each, 60 buyers take them one by one,
 * and a shard host (holding accounts, maybe the market) is SIGKILLed in the middle. Clients retry
 * with the same ids, settlement retries its rounds. Afterwards every fill must be applied exactly
 * once on both sides: each buyer holds exactly one lot less the taker fee, each seller exactly
 * one lot's price less the maker fee, and all ledgers together still sum to zero.
 */

const PAIRS = 60;
const ADMIN = { id: 'test', roles: ['admin'] } as const;
const withPostgres = await requirePostgres();

describe.each([
  { name: 'embedded PGlite', open: embedded, enabled: true },
  { name: 'PostgreSQL', open: postgres, enabled: withPostgres },
])('settlement crash on $name', ({ open, enabled }) => {
  let backend: Backend;
  let cluster: TestCluster;
  let path: OrderPath;
  let ask: Ask;

  beforeAll(async () => {
    if (!enabled) return;
    backend = await open();
    cluster = await startCluster(backend, 'settle-crash', 'actors/kinds.ts');
    const { hosts } = cluster;
    for (const spec of demoMarkets) {
      await hosts.admin(ADMIN, {
        verb: 'send',
        target: `market/${spec.symbol}`,
        reason: 'test market',
        message: { type: 'open', payload: toBookConfig(spec) },
      });
    }
    ask = retryingAsk((address, type, payload, opts) =>
      hosts.deliver({ address, type, payload, ...(opts?.id ? { id: opts.id } : {}) }, { trusted: true }),
    );
    path = new OrderPath(ask, demoMarkets, { retryMs: 50 });
    await path.start();
  });

  afterAll(async () => {
    path?.stop();
    await cluster?.stop();
    await backend?.close();
  });

  const seller = (i: number) => 1_000 + i;
  const buyer = (i: number) => 2_000 + i;

  async function ok(result: Promise<OrderResult>): Promise<void> {
    const r = await result;
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  }

  it.skipIf(!enabled)('settlement - host SIGKILLed mid-stream: every fill applied exactly once', async () => {
    const { hosts } = cluster;
    for (let i = 0; i < PAIRS; i++) {
      await ask(`account/${seller(i)}`, 'credit', {
        txId: `s${i}`,
        asset: 'QTRA',
        amount: '1000',
        chain: 'base',
      });
      await ask(`account/${buyer(i)}`, 'credit', {
        txId: `b${i}`,
        asset: 'USDT',
        amount: '300',
        chain: 'base',
      });
      await ok(
        path.placeOrder(seller(i), {
          clientOrderId: `sell-${i}`,
          market: 'QTRA-USDT',
          side: 'SELL',
          type: 'LIMIT',
          price: '0.25',
          size: '1000',
        }),
      );
    }
    const victim = hosts.shardOf(`account/${buyer(PAIRS / 3)}`);
    const pid = (await hosts.pids())[victim]!;
    const buys: Promise<void>[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const request = {
        clientOrderId: `buy-${i}`,
        market: 'QTRA-USDT',
        side: 'BUY',
        type: 'IOC',
        price: '0.25',
        size: '1000',
      } as const;
      buys.push(ok(path.placeOrder(buyer(i), request)));
      if (i === PAIRS / 3) process.kill(pid, 'SIGKILL');
      if (i % 10 === 0) await Promise.all(buys.splice(0));
    }
    await Promise.all(buys);
    expect((await hosts.pids())[victim]).not.toBe(pid);
    await path.settledAll();

    const totals = new Map<string, bigint>();
    for (let i = 0; i < PAIRS; i++) {
      // 1,000 QTRA less 25 bps taker fee; 250 USDT paid.
      expect(await ask(`account/${buyer(i)}`, 'balances', {})).toEqual([
        { asset: 'QTRA', available: '997.5', locked: '0' },
        { asset: 'USDT', available: '50', locked: '0' },
      ] satisfies BalanceView[]);
      // 250 USDT less 15 bps maker fee.
      expect(await ask(`account/${seller(i)}`, 'balances', {})).toEqual([
        { asset: 'QTRA', available: '0', locked: '0' },
        { asset: 'USDT', available: '249.625', locked: '0' },
      ] satisfies BalanceView[]);
      for (const a of [buyer(i), seller(i)]) {
        const r = (await ask(`account/${a}`, 'reconcile', {})) as Reconciliation;
        for (const [asset, available, locked] of r.balances)
          totals.set(asset, (totals.get(asset) ?? 0n) + available + locked);
        for (const [key, amount] of r.system) {
          const asset = key.split('|')[1]!;
          totals.set(asset, (totals.get(asset) ?? 0n) + amount);
        }
      }
    }
    expect(Object.fromEntries(totals)).toEqual({ QTRA: 0n, USDT: 0n });
  });
});
