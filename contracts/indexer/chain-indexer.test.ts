import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keccak256, toEventSignature, toHex, zeroHash } from 'viem';
import type { Abi, AbiEvent, Address } from 'viem';
import { createPgDriver, createPgliteDriver, migrate } from '../../actors/store/index.ts';
import type { SqlDriver } from '../../actors/store/index.ts';
import { postgresUrl, randomSchemaName, requirePostgres } from '../../test/services.ts';
import { ChainIndexer } from './chain-indexer.ts';
import { buildVestingTree } from '../test/helpers/allowlist.ts';
import { CONTRACT_EVENTS } from './events.ts';
import { buildContracts, compiledAbis, startLocalChain } from './testing/local-chain.ts';
import type { LocalChain } from './testing/local-chain.ts';

const withPostgres = await requirePostgres();

const QTRA = 10n ** 18n;
let chain: LocalChain;
let qtra: { address: Address; abi: Abi };
let staking: { address: Address; abi: Abi };

beforeAll(async () => {
  buildContracts();
  chain = await startLocalChain();
  const [admin] = chain.accounts;
  qtra = await chain.deploy('QTRA', [admin]);
  const usdc = await chain.deploy('MockStablecoin', ['USD Coin', 'USDC']);
  staking = await chain.deploy('Staking', [qtra.address, usdc.address, admin]);
  for (const holder of chain.accounts.slice(1, 5)) {
    await chain.call(qtra, 'mint', [holder, 1_000_000n * QTRA]);
    await chain.call(qtra, 'approve', [staking.address, 2n ** 255n], holder);
  }
}, 120_000);

afterAll(async () => {
  await chain?.stop();
});

const stake = (who: number, amount: bigint) =>
  chain.call(staking, 'stake', [amount * QTRA], chain.accounts[who]);

async function stakedRows(db: SqlDriver): Promise<{ account: string; amount: string }[]> {
  return db.query(
    `select account, amount::text from chain_stakes where event = 'Staked' order by block_number, log_index`,
  );
}

describe('chain indexer - event definitions', () => {
  it('indexer - every event it reads matches the compiled contract exactly', () => {
    const abis = compiledAbis();
    const contractOf = {
      sale: 'SaleManager',
      vesting: 'MerkleVesting',
      staking: 'Staking',
      router: 'RevenueRouter',
    };
    for (const [role, events] of Object.entries(CONTRACT_EVENTS)) {
      const compiled = abis.get(contractOf[role as keyof typeof contractOf])!;
      const signatures = new Set(
        compiled.filter((item): item is AbiEvent => item.type === 'event').map((e) => toEventSignature(e)),
      );
      for (const event of events)
        expect(signatures, `${role}: ${event.name}`).toContain(toEventSignature(event));
    }
  });
});

function indexerContract(name: string, open: () => Promise<{ db: SqlDriver; close: () => Promise<void> }>) {
  describe(name, () => {
    let db: SqlDriver;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, close } = await open());
      await migrate(db);
    });
    afterAll(async () => {
      await close();
    });

    it('indexer - waits N confirmations, writes each event once, and resumes from its cursor', async () => {
      const start = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
      const options = {
        client: chain.publicClient,
        db,
        contracts: [{ role: 'staking' as const, address: staking.address }],
        confirmations: 2,
        fromBlock: start + 1n,
      };
      const indexer = await ChainIndexer.create(options);
      await stake(1, 100n);
      await stake(2, 200n);
      // Two blocks mined since start: neither has two confirmations yet.
      await indexer.catchUp();
      expect(await stakedRows(db)).toEqual([]);
      await chain.test.mine({ blocks: 2 });
      const result = await indexer.catchUp();
      expect(result.indexed).toBe(2);
      expect(await stakedRows(db)).toEqual([
        { account: chain.accounts[1]!.toLowerCase(), amount: (100n * QTRA).toString() },
        { account: chain.accounts[2]!.toLowerCase(), amount: (200n * QTRA).toString() },
      ]);

      // A new indexer over the same tables continues from the cursor: nothing twice.
      await stake(3, 300n);
      await chain.test.mine({ blocks: 2 });
      const again = await ChainIndexer.create(options);
      expect((await again.catchUp()).indexed).toBe(1);
      expect(await stakedRows(db)).toHaveLength(3);
      await db.exec('delete from chain_events; delete from chain_blocks; delete from chain_cursor;');
    });

    it('indexer - a reorg rolls back what left the chain and indexes the new branch', async () => {
      const start = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
      const indexer = await ChainIndexer.create({
        client: chain.publicClient,
        db,
        contracts: [{ role: 'staking', address: staking.address }],
        confirmations: 0,
        fromBlock: start + 1n,
      });
      await stake(1, 5n);
      const fork = await chain.test.snapshot();
      await stake(2, 6n);
      await stake(3, 7n);
      expect((await indexer.catchUp()).indexed).toBe(3);

      // The last two blocks are replaced by a longer branch with other transactions.
      await chain.test.revert({ id: fork });
      await stake(4, 8n);
      await chain.test.mine({ blocks: 3 });
      const result = await indexer.catchUp();
      expect(result.rolledBack).toBe(2);
      expect(result.indexed).toBe(1);
      expect((await stakedRows(db)).map((r) => BigInt(r.amount) / QTRA)).toEqual([5n, 8n]);
      const cursor = await indexer.store.cursor();
      const head = await chain.publicClient.getBlock();
      expect(cursor).toEqual({ number: head.number, hash: head.hash });
      await db.exec('delete from chain_events; delete from chain_blocks; delete from chain_cursor;');
    });

    it('indexer - purchases, allocations, claims, vesting, router splits and burns land in their views', async () => {
      flows ??= await presaleAndRevenueFlows();
      const indexer = await ChainIndexer.create({
        client: chain.publicClient,
        db,
        contracts: flows.contracts,
        confirmations: 0,
        fromBlock: flows.fromBlock,
      });
      await indexer.catchUp();
      const buyer = flows.buyer.toLowerCase();
      expect(await db.query('select buyer, round_id, paid::text, tokens::text from chain_purchases')).toEqual(
        [{ buyer, round_id: 3, paid: '300000000', tokens: (10_000n * QTRA).toString() }],
      );
      expect(
        await db.query('select buyer, round_id, tokens::text, claimed::text from chain_sale_allocations'),
      ).toEqual([
        { buyer, round_id: 3, tokens: (10_000n * QTRA).toString(), claimed: flows.claimed.sale.toString() },
      ]);
      expect(flows.claimed.sale).toBeGreaterThan(2_000n * QTRA);
      expect(
        await db.query('select source, account, amount::text from chain_claims order by block_number'),
      ).toEqual([
        { source: 'sale', account: buyer, amount: flows.claimed.sale.toString() },
        { source: 'vesting', account: buyer, amount: (1_000n * QTRA).toString() },
      ]);
      expect(await db.query('select event from chain_vesting_events order by block_number')).toEqual([
        { event: 'ScheduleCreated' },
        { event: 'Claimed' },
      ]);
      expect(
        await db.query(
          'select total::text, buyback::text, staking::text, treasury::text from chain_router_splits',
        ),
      ).toEqual([{ total: '1000000000', buyback: '500000000', staking: '300000000', treasury: '200000000' }]);
      expect(await db.query('select amount_in::text, qtra_out::text, burned::text from chain_burns')).toEqual(
        [
          {
            amount_in: '500000000',
            qtra_out: (15_000n * QTRA).toString(),
            burned: (15_000n * QTRA).toString(),
          },
        ],
      );
      await db.exec('delete from chain_events; delete from chain_blocks; delete from chain_cursor;');
    });

    it('indexer - follows the chain in the background until stopped', async () => {
      const start = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
      const indexer = await ChainIndexer.create({
        client: chain.publicClient,
        db,
        contracts: [{ role: 'staking', address: staking.address }],
        confirmations: 1,
        fromBlock: start + 1n,
        pollMs: 20,
      });
      indexer.start();
      await stake(1, 9n);
      await chain.test.mine({ blocks: 1 });
      const deadline = Date.now() + 10_000;
      while ((await stakedRows(db)).length < 1 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await indexer.stop();
      expect((await stakedRows(db)).map((r) => BigInt(r.amount) / QTRA)).toEqual([9n]);
      await db.exec('delete from chain_events; delete from chain_blocks; delete from chain_cursor;');
    });
  });
}

/** Deploys the sale, vesting and revenue router and runs one of each flow the views show. */
async function presaleAndRevenueFlows(): Promise<{
  contracts: { role: 'sale' | 'vesting' | 'staking' | 'router'; address: Address }[];
  fromBlock: bigint;
  buyer: Address;
  claimed: { sale: bigint };
}> {
  const [admin] = chain.accounts;
  const buyer = chain.accounts[6]!;
  const treasury = chain.accounts[9]!;
  const fromBlock = (await chain.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;
  const usdc = await chain.deploy('MockStablecoin', ['USD Coin', 'USDC']);
  const sale = await chain.deploy('SaleManager', [admin, qtra.address, treasury]);
  const vesting = await chain.deploy('MerkleVesting', [admin, qtra.address, treasury]);
  const stakingB = await chain.deploy('Staking', [qtra.address, usdc.address, admin]);
  // 1 USDC (1e6 units) buys 30 QTRA: rate and reference price are QTRA wei per unit, scaled 1e18.
  const rate = 30n * QTRA * 10n ** 12n;
  const swap = await chain.deploy('MockSwapRouter', [rate]);
  const router = await chain.deploy('RevenueRouter', [
    {
      stablecoin: usdc.address,
      qtra: qtra.address,
      swapRouter: swap.address,
      staking: stakingB.address,
      treasury,
      admin,
      buybackBps: 5_000n,
      stakingBps: 3_000n,
      treasuryBps: 2_000n,
    },
  ]);

  // Public round: $0.03 per QTRA, 20% at TGE then linear over 180 days.
  await chain.call(qtra, 'mint', [sale.address, 1_000_000n * QTRA]);
  await chain.call(sale, 'setStablecoin', [usdc.address, true]);
  const now = (await chain.publicClient.getBlock()).timestamp;
  await chain.call(sale, 'configureRound', [
    3,
    {
      price: 30_000n,
      hardCap: 1_000_000n * QTRA,
      minPurchase: 1_000_000n,
      maxPerWallet: 10_000_000_000n,
      start: now,
      end: now + 86_400n,
      tgeBps: 2_000,
      cliff: 0n,
      duration: 180n * 86_400n,
      merkleRoot: zeroHash,
    },
  ]);
  await chain.call(usdc, 'mint', [buyer, 1_000n * 10n ** 6n]);
  await chain.call(usdc, 'approve', [sale.address, 2n ** 255n], buyer);
  await chain.call(sale, 'purchase', [3, usdc.address, 300n * 10n ** 6n, []], buyer);
  await chain.call(sale, 'setTgeTimestamp', [now + 100n]);
  await chain.test.increaseTime({ seconds: 200 });
  await chain.call(sale, 'claim', [3], buyer);
  const [, claimedSale] = (await chain.publicClient.readContract({
    address: sale.address,
    abi: sale.abi,
    functionName: 'allocations',
    args: [3, buyer],
  })) as [bigint, bigint];

  // A vesting schedule of one fully-unlocked allocation, claimed.
  const tree = buildVestingTree([
    {
      index: 0n,
      account: buyer,
      amount: 1_000n * QTRA,
      tgeBps: 10_000,
      cliff: 0n,
      duration: 0n,
      revocable: false,
    },
  ]);
  await chain.call(qtra, 'mint', [admin, tree.total]);
  await chain.call(qtra, 'approve', [vesting.address, tree.total]);
  await chain.call(vesting, 'createSchedule', [tree.root, now, tree.total]);
  await chain.call(vesting, 'claim', [0n, tree.allocation(0), tree.proof(0)], buyer);

  // Revenue: 1,000 USDC split 50/30/20, distributed, then the buyback burns what it bought.
  const role = (name: string) => keccak256(toHex(name));
  await chain.call(stakingB, 'grantRole', [role('REWARDS_DISTRIBUTOR_ROLE'), router.address]);
  await chain.call(router, 'grantRole', [role('DEPOSITOR_ROLE'), admin]);
  await chain.call(router, 'grantRole', [role('KEEPER_ROLE'), admin]);
  await chain.call(qtra, 'mint', [swap.address, 1_000_000n * QTRA]);
  await chain.call(usdc, 'mint', [admin, 1_000n * 10n ** 6n]);
  await chain.call(usdc, 'approve', [router.address, 2n ** 255n]);
  await chain.call(router, 'depositRevenue', [1_000n * 10n ** 6n]);
  await chain.call(router, 'distribute', []);
  await chain.call(router, 'setReferencePrice', [rate]);
  const deadline = (await chain.publicClient.getBlock()).timestamp + 3_600n;
  await chain.call(router, 'executeBuyback', [500n * 10n ** 6n, 15_000n * QTRA, deadline]);
  return {
    contracts: [
      { role: 'sale', address: sale.address },
      { role: 'vesting', address: vesting.address },
      { role: 'router', address: router.address },
    ],
    fromBlock,
    buyer,
    claimed: { sale: claimedSale },
  };
}

let flows: Awaited<ReturnType<typeof presaleAndRevenueFlows>>;

indexerContract('chain indexer on PGlite', async () => {
  const db = await createPgliteDriver();
  return { db, close: () => db.close() };
});

describe.skipIf(!withPostgres)('PostgreSQL', () => {
  indexerContract('chain indexer on PostgreSQL in a random schema', async () => {
    const db = await createPgDriver({ url: postgresUrl(), schema: randomSchemaName('chain') });
    return { db, close: () => db.dropSchema().finally(() => db.close()) };
  });
});
