import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceToHosts } from '../actors/market-creation.ts';
import { CREATED_MARKETS_ENV } from '../actors/market/index.ts';
import type { MarketSpec } from '../actors/market/index.ts';
import { embedded } from './backends.ts';
import type { Backend } from './backends.ts';
import { deliverUntilAcknowledged, startCluster } from './cluster.ts';
import type { TestCluster } from './cluster.ts';

/**
 * A market created while the node runs, as its forked shard hosts learn it: running hosts by the
 * host call `addMarket`, a host respawned afterwards from the environment the node forks it with.
 */

const ETH_BTC: MarketSpec = {
  symbol: 'ETH-BTC',
  base: 'ETH',
  quote: 'BTC',
  baseDecimals: 18,
  quoteDecimals: 8,
  tickSize: '0.00001',
  lotSize: '0.001',
  minSize: '0.001',
  maxSize: '1000',
  maxPrice: '10',
  minNotional: '0.0001',
  priceBandBps: 1_500,
  referencePrice: '0.05',
};

let backend: Backend;
let cluster: TestCluster;
const savedEnv = process.env[CREATED_MARKETS_ENV];

beforeAll(async () => {
  Reflect.deleteProperty(process.env, CREATED_MARKETS_ENV);
  backend = await embedded();
  cluster = await startCluster(backend, 'created-market-node', 'actors/kinds.ts');
});

afterAll(async () => {
  await cluster?.stop();
  await backend?.close();
  if (savedEnv === undefined) Reflect.deleteProperty(process.env, CREATED_MARKETS_ENV);
  else process.env[CREATED_MARKETS_ENV] = savedEnv;
});

const place = (account: number, clientOrderId: string) =>
  deliverUntilAcknowledged(cluster.hosts, {
    address: `account/${account}`,
    type: 'place',
    payload: {
      request: { clientOrderId, market: 'ETH-BTC', side: 'SELL', type: 'LIMIT', price: '0.05', size: '0.5' },
      prices: {},
    },
    id: `place:${clientOrderId}`,
  });

const fund = (account: number) =>
  deliverUntilAcknowledged(cluster.hosts, {
    address: `account/${account}`,
    type: 'credit',
    payload: { txId: `fund-${account}`, asset: 'ETH', amount: '1', chain: 'base' },
  });

describe('created market on shard hosts', () => {
  it('created market - running hosts learn it by a host call, a respawned host from its environment', async () => {
    const { hosts } = cluster;
    // Two accounts, one on each host.
    const accounts = [1, 2, 3, 4, 5, 6, 7, 8];
    const first = accounts.find((a) => hosts.shardOf(`account/${a}`) === 0)!;
    const second = accounts.find((a) => hosts.shardOf(`account/${a}`) === 1)!;
    for (const a of [first, second]) await fund(a);
    expect(await place(first, 'before')).toMatchObject({ ok: false, code: 'UNKNOWN_MARKET' });

    expect(await announceToHosts(hosts, ETH_BTC)).toEqual({ pending: [] });
    expect(JSON.parse(process.env[CREATED_MARKETS_ENV]!)).toEqual([ETH_BTC]);
    // Idempotent: a second announcement changes nothing (every host answers "not new").
    expect(await hosts.broadcast('addMarket', ETH_BTC)).toEqual({ answers: [false, false], pending: [] });
    expect(JSON.parse(process.env[CREATED_MARKETS_ENV]!)).toEqual([ETH_BTC]);
    // A spec the ledger cannot trade exactly is refused by the host.
    await expect(
      hosts.broadcast('addMarket', {
        ...ETH_BTC,
        symbol: 'ETH-QTRA',
        quote: 'QTRA',
        quoteDecimals: 18,
        lotSize: '0.0000000000000000001',
      }),
    ).rejects.toThrow();
    await expect(hosts.broadcast('noSuchCall', {})).rejects.toThrow(/no host call/);

    for (const a of [first, second]) {
      expect(await place(a, `after-${a}`)).toMatchObject({
        ok: true,
        market: 'ETH-BTC',
      });
    }

    // The host of `second` dies; comedy respawns it with the node's environment of now.
    const before = await hosts.pids();
    process.kill(before[1]!, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    let after = before;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await hosts.pids().catch(() => before);
      if (after[1] !== before[1]) break;
    }
    expect(after[1]).not.toBe(before[1]);
    expect(await place(second, `respawned-${second}`)).toMatchObject({
      ok: true,
      market: 'ETH-BTC',
    });
  });
});
