import { encodeFunctionData } from 'viem';
import type { Hex } from 'viem';
import { ChainIndexer } from '../contracts/indexer/chain-indexer.ts';
import { buildContracts, startLocalChain } from '../contracts/indexer/testing/local-chain.ts';
import { createPgDriver, createPgliteDriver, migrate } from '../actors/store/index.ts';
import type { SqlDriver } from '../actors/store/index.ts';

/**
 * The chain indexer catching up on 10,000 events from a local Hardhat node: getLogs in ranges,
 * block times, decoding with the contracts' ABIs and one PostgreSQL transaction per range (the
 * events, the block hashes kept for reorgs, the cursor). The events are real Staked events from
 * 10,000 stake transactions, mined a few hundred per block. Reported for local PostgreSQL
 * (events_per_s) and embedded PGlite. No peer indexer runs here to compare with.
 */

const EVENTS = 10_000;
const QTRA = 10n ** 18n;

function log(message: string): void {
  console.error(message);
}

async function measure(
  db: SqlDriver,
  chain: Awaited<ReturnType<typeof startLocalChain>>,
  staking: Hex,
  fromBlock: bigint,
): Promise<number> {
  await migrate(db);
  const indexer = await ChainIndexer.create({
    client: chain.publicClient,
    db,
    contracts: [{ role: 'staking', address: staking }],
    confirmations: 0,
    fromBlock,
  });
  const t0 = performance.now();
  const result = await indexer.catchUp();
  const seconds = (performance.now() - t0) / 1000;
  if (result.indexed !== EVENTS) throw new Error(`indexed ${result.indexed} events, expected ${EVENTS}`);
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from chain_stakes')) as [
    { n: number },
  ];
  if (n !== EVENTS) throw new Error(`chain_stakes has ${n} rows, expected ${EVENTS}`);
  return EVENTS / seconds;
}

export async function run(): Promise<Record<string, unknown>> {
  log('indexer: building contracts and starting a local Hardhat node');
  buildContracts();
  const chain = await startLocalChain();
  try {
    const [admin, ...holders] = chain.accounts;
    const qtra = await chain.deploy('QTRA', [admin]);
    const usdc = await chain.deploy('MockStablecoin', ['USD Coin', 'USDC']);
    const staking = await chain.deploy('Staking', [qtra.address, usdc.address, admin]);
    const stakers = holders.slice(0, 10);
    for (const holder of stakers) {
      await chain.call(qtra, 'mint', [holder, 1_000_000n * QTRA]);
      await chain.call(qtra, 'approve', [staking.address, 2n ** 255n], holder);
    }
    const fromBlock = (await chain.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;

    log(`indexer: sending ${EVENTS} stake transactions`);
    await chain.test.setAutomine(false);
    const data = encodeFunctionData({ abi: staking.abi, functionName: 'stake', args: [QTRA] });
    for (let sent = 0; sent < EVENTS; sent += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, EVENTS - sent) }, (_, i) =>
          chain.wallet.sendTransaction({
            account: stakers[(sent + i) % stakers.length]!,
            to: staking.address,
            data,
            gas: 200_000n,
            chain: null,
          }),
        ),
      );
      await chain.test.mine({ blocks: 1 });
    }
    await chain.test.setAutomine(true);
    const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
    log(`indexer: ${EVENTS} events in blocks ${fromBlock}..${head}`);

    const pglite = await createPgliteDriver();
    const pgliteRate = await measure(pglite, chain, staking.address, fromBlock).finally(() => pglite.close());
    log(`indexer: PGlite ${Math.round(pgliteRate)} events/s`);

    const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
    const pg = await createPgDriver({ url, schema: `qt_bench_indexer_${process.pid}` });
    let pgRate: number;
    try {
      pgRate = await measure(pg, chain, staking.address, fromBlock);
    } finally {
      await pg.dropSchema();
      await pg.close();
    }
    log(`indexer: PostgreSQL ${Math.round(pgRate)} events/s`);
    return {
      name: 'indexer',
      events_per_s: Math.round(pgRate),
      events_per_s_pglite: Math.round(pgliteRate),
      events: EVENTS,
      blocks: Number(head - fromBlock + 1n),
    };
  } finally {
    await chain.stop();
  }
}
