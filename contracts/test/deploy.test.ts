// The Ignition deployment (ignition/modules/*.ts) on the in-process network: wiring, the default
// rounds, the parameter files, and one full flow through the deployed system.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { network } from 'hardhat';
import type { DeploymentParameters } from '@nomicfoundation/ignition-core';
import { getAddress, parseEther, parseUnits, type Address } from 'viem';
import LocalMocks, { DEFAULT_SWAP_RATE } from '../ignition/modules/LocalMocks.ts';
import QuantaTrade, {
  DEFAULT_ROUNDS,
  DEFAULT_SALE_SUPPLY,
  ROLES,
  ZERO_ROOT,
} from '../ignition/modules/QuantaTrade.ts';
import QuantaTradeLocal, { DEFAULT_SWAP_LIQUIDITY } from '../ignition/modules/QuantaTradeLocal.ts';
import { buildSaleAllowlist, ROUND } from './helpers/allowlist.ts';

const DAY = 24n * 60n * 60n;
const usdc = (n: string) => parseUnits(n, 6);
const PARAMS_DIR = new URL('../ignition/parameters/', import.meta.url);
/** Ignition's own reading of parameter files: "123n" strings are bigints. */
const readParams = (file: string): DeploymentParameters =>
  JSON.parse(readFileSync(new URL(file, PARAMS_DIR), 'utf8'), (_k, v: unknown) =>
    typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v,
  );
const local = readParams('local.json');
const g = local.$global!;
const ROUND_NAMES = DEFAULT_ROUNDS.map((r) => r.name);
// Hardhat's default accounts (the same on `hardhat node`): the ones local.json names.
const ACCOUNTS = {
  deployer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  keeper: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  depositor: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  treasury: '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
  allowlisted: [
    '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
    '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
    '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
  ],
} as const;
const DEFAULT_ADMIN_ROLE = ZERO_ROOT;

describe('Ignition: QuantaTradeLocal with ignition/parameters/local.json', async () => {
  const { ignition } = await network.create();
  const parametersPath = new URL('local.json', PARAMS_DIR).pathname;
  const d = await ignition.deploy(QuantaTradeLocal, { parameters: parametersPath, displayUi: false });

  it('local.json names the default accounts and allowlist roots of those accounts', () => {
    assert.equal(g.treasury, ACCOUNTS.treasury);
    assert.equal(g.keeper, ACCOUNTS.keeper);
    assert.equal(g.depositor, ACCOUNTS.depositor);
    for (const [i, name] of ['privateA', 'privateB', 'privateC'].entries()) {
      assert.equal(g[`${name}Root`], buildSaleAllowlist(i, [...ACCOUNTS.allowlisted]).root, name);
    }
  });

  it('links the addresses: QTRA everywhere, stablecoin, swap router, staking, treasury', async () => {
    const [qtra, stable, swap, staking] = [d.qtra, d.stablecoin, d.swapRouter, d.staking].map((c) =>
      getAddress(c.address),
    );
    assert.equal(await d.sale.read.qtra(), qtra);
    assert.equal(await d.sale.read.treasury(), getAddress(ACCOUNTS.treasury));
    assert.equal(await d.vesting.read.token(), qtra);
    assert.equal(await d.vesting.read.treasury(), getAddress(ACCOUNTS.treasury));
    assert.equal(await d.staking.read.stakingToken(), qtra);
    assert.equal(await d.staking.read.rewardToken(), stable);
    assert.equal(await d.router.read.stablecoin(), stable);
    assert.equal(await d.router.read.qtra(), qtra);
    assert.equal(await d.router.read.swapRouter(), swap);
    assert.equal(await d.router.read.staking(), staking);
    assert.equal(await d.router.read.treasury(), getAddress(ACCOUNTS.treasury));
    assert.equal(await d.swapRouter.read.rate(), DEFAULT_SWAP_RATE);
    assert.equal(await d.stablecoin.read.decimals(), 6);
  });

  it('grants the roles: admin = deployer everywhere, distributor = router, keeper, depositor', async () => {
    const admin = ACCOUNTS.deployer;
    for (const c of [d.qtra, d.sale, d.vesting, d.staking, d.router]) {
      assert.equal(await c.read.hasRole([DEFAULT_ADMIN_ROLE, admin]), true);
    }
    assert.equal(await d.qtra.read.hasRole([await d.qtra.read.MINTER_ROLE(), admin]), true);
    assert.equal(await d.staking.read.hasRole([ROLES.REWARDS_DISTRIBUTOR_ROLE, d.router.address]), true);
    assert.equal(await d.staking.read.hasRole([ROLES.REWARDS_DISTRIBUTOR_ROLE, admin]), false);
    assert.equal(await d.router.read.hasRole([ROLES.KEEPER_ROLE, ACCOUNTS.keeper]), true);
    assert.equal(await d.router.read.hasRole([ROLES.DEPOSITOR_ROLE, ACCOUNTS.depositor]), true);
    assert.equal(await d.router.read.hasRole([ROLES.KEEPER_ROLE, ACCOUNTS.depositor]), false);
    assert.equal(await d.router.read.hasRole([ROLES.DEPOSITOR_ROLE, ACCOUNTS.keeper]), false);
    // the module's role ids are the contracts' constants
    assert.equal(await d.router.read.KEEPER_ROLE(), ROLES.KEEPER_ROLE);
    assert.equal(await d.router.read.DEPOSITOR_ROLE(), ROLES.DEPOSITOR_ROLE);
    assert.equal(await d.staking.read.REWARDS_DISTRIBUTOR_ROLE(), ROLES.REWARDS_DISTRIBUTOR_ROLE);
  });

  it('sets the split, accepts the stablecoin and funds the sale and the mock router', async () => {
    assert.equal(await d.router.read.buybackBps(), 4000n);
    assert.equal(await d.router.read.stakingBps(), 4000n);
    assert.equal(await d.router.read.treasuryBps(), 2000n);
    assert.equal(await d.sale.read.acceptedStablecoins([d.stablecoin.address]), true);
    assert.equal(DEFAULT_SALE_SUPPLY, parseEther('150000000'));
    assert.equal(await d.qtra.read.balanceOf([d.sale.address]), DEFAULT_SALE_SUPPLY);
    assert.equal(await d.sale.read.availableSupply(), DEFAULT_SALE_SUPPLY);
    assert.equal(await d.qtra.read.balanceOf([d.swapRouter.address]), DEFAULT_SWAP_LIQUIDITY);
    assert.equal(await d.qtra.read.totalSupply(), DEFAULT_SALE_SUPPLY + DEFAULT_SWAP_LIQUIDITY);
  });

  it('configures the four default rounds of docs/sale-and-vesting.md', async () => {
    const expected = [
      // price, cap (QTRA), min ($), max ($), tgeBps, cliff (s), linear (s)
      [10_000n, 40_000_000n, 1_000n, 50_000n, 500, 15_552_000n, 46_656_000n],
      [15_000n, 40_000_000n, 500n, 25_000n, 750, 10_368_000n, 38_880_000n],
      [20_000n, 30_000_000n, 250n, 10_000n, 1_000, 7_776_000n, 31_104_000n],
      [30_000n, 40_000_000n, 50n, 5_000n, 2_000, 0n, 15_552_000n],
    ] as const;
    for (const [id, e] of expected.entries()) {
      const name = ROUND_NAMES[id]!;
      const r = await d.sale.read.getRound([id]);
      assert.equal(r.price, e[0], `${name} price`);
      assert.equal(r.hardCap, parseEther(e[1].toString()), `${name} cap`);
      assert.equal(r.minPurchase, usdc(e[2].toString()), `${name} min`);
      assert.equal(r.maxPerWallet, usdc(e[3].toString()), `${name} max`);
      assert.equal(r.tgeBps, e[4], `${name} tge`);
      assert.equal(r.cliff, e[5], `${name} cliff`);
      assert.equal(r.duration, e[6], `${name} duration`);
      assert.equal(BigInt(r.start), BigInt(g[`${name}Start`] as number), `${name} start`);
      assert.equal(BigInt(r.end), BigInt(g[`${name}End`] as number), `${name} end`);
      assert.equal(r.end - r.start, 14n * DAY, `${name} lasts 14 days`);
      assert.equal(r.merkleRoot, id === ROUND.PUBLIC ? ZERO_ROOT : g[`${name}Root`], `${name} root`);
    }
    // one after another: A, B, C, Public
    for (let i = 1; i < 4; i++) {
      assert.equal(g[`${ROUND_NAMES[i]}Start`], g[`${ROUND_NAMES[i - 1]}End`]);
    }
    const allowlisted = ACCOUNTS.allowlisted[0];
    const list = buildSaleAllowlist(ROUND.PRIVATE_A, [...ACCOUNTS.allowlisted]);
    assert.equal(
      await d.sale.read.isAllowlisted([ROUND.PRIVATE_A, allowlisted, list.proof(allowlisted)]),
      true,
    );
    assert.equal(await d.sale.read.tgeTimestamp(), 0n, 'the TGE is set later, after the Public round');
  });
});

describe('Ignition: production module QuantaTrade fed by LocalMocks (the two-step local flow)', async () => {
  const { ignition } = await network.create();

  it('deploys LocalMocks at the addresses local.json gives QuantaTrade, then QuantaTrade on them', async () => {
    const mocks = await ignition.deploy(LocalMocks, { parameters: local, displayUi: false });
    assert.equal(getAddress(mocks.stablecoin.address), getAddress(local.QuantaTrade!.stablecoin as string));
    assert.equal(getAddress(mocks.swapRouter.address), getAddress(local.QuantaTrade!.swapRouter as string));
    const d = await ignition.deploy(QuantaTrade, { parameters: local, displayUi: false });
    assert.equal(await d.router.read.stablecoin(), getAddress(mocks.stablecoin.address));
    assert.equal(await d.router.read.swapRouter(), getAddress(mocks.swapRouter.address));
    assert.equal(await d.staking.read.rewardToken(), getAddress(mocks.stablecoin.address));
    assert.equal(await d.sale.read.acceptedStablecoins([mocks.stablecoin.address]), true);
    assert.equal(await d.staking.read.hasRole([ROLES.REWARDS_DISTRIBUTOR_ROLE, d.router.address]), true);
    assert.equal((await d.sale.read.getRound([ROUND.PUBLIC])).price, 30_000n);
  });

  it('rejects a missing required parameter before sending anything', async () => {
    const { ignition: fresh, viem } = await network.create();
    const { swapRouter: _omitted, ...withoutRouter } = local.QuantaTrade!;
    await assert.rejects(
      fresh.deploy(QuantaTrade, { parameters: { ...local, QuantaTrade: withoutRouter }, displayUi: false }),
      /swapRouter/,
    );
    const client = await viem.getPublicClient();
    assert.equal(await client.getBlockNumber(), 0n, 'no transaction was sent');
  });
});

describe('Ignition: ignition/parameters/base-sepolia.json', () => {
  const bs = readParams('base-sepolia.json');
  // Deliberately absent (README "Base Sepolia"): they must be set by whoever deploys.
  const MUST_SET = [
    'treasury',
    'keeper',
    'depositor',
    'swapRouter',
    'privateARoot',
    'privateBRoot',
    'privateCRoot',
  ];

  it('uses Base Sepolia USDC, a split summing to 10,000 and four consecutive 14-day rounds', () => {
    const p = bs.QuantaTrade!;
    assert.deepEqual(Object.keys(bs), ['QuantaTrade']);
    assert.equal(p.stablecoin, '0x036CbD53842c5426634e7929541eC2318f3dCF7e');
    assert.equal(getAddress(p.stablecoin as string), p.stablecoin);
    assert.equal(Number(p.buybackBps) + Number(p.stakingBps) + Number(p.treasuryBps), 10_000);
    assert.equal(p.saleSupply, DEFAULT_SALE_SUPPLY);
    for (const [i, name] of ROUND_NAMES.entries()) {
      assert.equal(Number(p[`${name}End`]) - Number(p[`${name}Start`]), 14 * 24 * 3600, name);
      if (i > 0) assert.equal(p[`${name}Start`], p[`${ROUND_NAMES[i - 1]}End`], name);
    }
  });

  it('sets every QuantaTrade parameter except the documented must-set ones', () => {
    const all = new Set([...Object.keys(g), ...Object.keys(local.QuantaTrade!)]);
    const given = new Set(Object.keys(bs.QuantaTrade!));
    assert.deepEqual([...all].filter((k) => !given.has(k)).sort(), [...MUST_SET].sort());
    assert.deepEqual(
      [...given].filter((k) => !all.has(k)),
      [],
    );
  });
});

describe('Ignition: full flow on the deployed system', async () => {
  const { ignition, viem, networkHelpers } = await network.create();
  const { time } = networkHelpers;
  const wallets = await viem.getWalletClients();
  const wallet = (i: number) => {
    const w = wallets[i];
    assert.ok(w, `wallet ${i}`);
    return w;
  };
  const [keeper, depositor, treasury, alice, bob] = [wallet(1), wallet(2), wallet(3), wallet(4), wallet(7)];
  assert.equal(getAddress(alice.account.address), getAddress(ACCOUNTS.allowlisted[0]));

  // local.json with the round windows moved to start tomorrow (14-day rounds, back to back)
  const t0 = BigInt(await time.latest());
  const windows: Record<string, number> = {};
  for (const [i, name] of ROUND_NAMES.entries()) {
    windows[`${name}Start`] = Number(t0 + DAY + BigInt(i) * 14n * DAY);
    windows[`${name}End`] = Number(t0 + DAY + BigInt(i + 1) * 14n * DAY);
  }
  const d = await ignition.deploy(QuantaTradeLocal, {
    parameters: { ...local, $global: { ...g, ...windows } },
    displayUi: false,
  });
  const as = <N extends 'SaleManager' | 'Staking' | 'RevenueRouter' | 'MockStablecoin' | 'QTRA'>(
    name: N,
    address: Address,
    w: (typeof wallets)[number],
  ) => viem.getContractAt(name, address, { client: { wallet: w } });

  it('buy in a round, claim, stake, deposit revenue, distribute, earn, buy back and burn, unstake', async () => {
    const { qtra, sale, staking, router, stablecoin } = d;
    const totalSupply0 = await qtra.read.totalSupply();

    // 1. buy: alice in Private A (allowlisted), bob in Public (no proof)
    const list = buildSaleAllowlist(ROUND.PRIVATE_A, [...ACCOUNTS.allowlisted]);
    const aliceUsdc = await as('MockStablecoin', stablecoin.address, alice);
    await aliceUsdc.write.mint([alice.account.address, usdc('5000')]);
    await aliceUsdc.write.approve([sale.address, usdc('5000')]);
    const aliceSale = await as('SaleManager', sale.address, alice);
    await time.increaseTo(windows.privateAStart!);
    await aliceSale.write.purchase([
      ROUND.PRIVATE_A,
      stablecoin.address,
      usdc('5000'),
      list.proof(alice.account.address),
    ]);
    // $5,000 at $0.010 = 500,000 QTRA, paid straight to the treasury
    assert.equal(
      (await sale.read.allocations([ROUND.PRIVATE_A, alice.account.address]))[0],
      parseEther('500000'),
    );
    assert.equal(await stablecoin.read.balanceOf([treasury.account.address]), usdc('5000'));

    const bobUsdc = await as('MockStablecoin', stablecoin.address, bob);
    await bobUsdc.write.mint([bob.account.address, usdc('300')]);
    await bobUsdc.write.approve([sale.address, usdc('300')]);
    await time.increaseTo(windows.publicStart!);
    await (
      await as('SaleManager', sale.address, bob)
    ).write.purchase([ROUND.PUBLIC, stablecoin.address, usdc('300'), []]);
    assert.equal((await sale.read.allocations([ROUND.PUBLIC, bob.account.address]))[0], parseEther('10000'));

    // 2. TGE after the Public round; alice claims her 5% TGE part (the cliff is 6 months)
    const tge = BigInt(windows.publicEnd!);
    await sale.write.setTgeTimestamp([tge]);
    await time.increaseTo(tge);
    await aliceSale.write.claim([ROUND.PRIVATE_A]);
    assert.equal(await qtra.read.balanceOf([alice.account.address]), parseEther('25000'));

    // 3. stake 20,000 QTRA (holdings >= 10,000 QTRA: fee discount)
    const aliceQtra = await as('QTRA', qtra.address, alice);
    await aliceQtra.write.approve([staking.address, parseEther('20000')]);
    const aliceStaking = await as('Staking', staking.address, alice);
    await aliceStaking.write.stake([parseEther('20000')]);
    assert.equal(await staking.read.stakedBalanceOf([alice.account.address]), parseEther('20000'));
    assert.equal(await staking.read.feeDiscountEligible([alice.account.address]), true);

    // 4. revenue: the depositor deposits 10,000 USDC -> 40/40/20
    const depUsdc = await as('MockStablecoin', stablecoin.address, depositor);
    await depUsdc.write.mint([depositor.account.address, usdc('10000')]);
    await depUsdc.write.approve([router.address, usdc('10000')]);
    await (await as('RevenueRouter', router.address, depositor)).write.depositRevenue([usdc('10000')]);
    assert.equal(await router.read.pendingBuyback(), usdc('4000'));
    assert.equal(await router.read.pendingStaking(), usdc('4000'));
    assert.equal(await router.read.pendingTreasury(), usdc('2000'));

    // 5. the keeper distributes: staking rewards (notifyRewardAmount) and the treasury
    const keeperRouter = await as('RevenueRouter', router.address, keeper);
    await keeperRouter.write.distribute();
    assert.equal(await stablecoin.read.balanceOf([staking.address]), usdc('4000'));
    assert.equal(await stablecoin.read.balanceOf([treasury.account.address]), usdc('5300') + usdc('2000')); // sales + treasury share
    assert.equal((await staking.read.getRewardForDuration()) <= usdc('4000'), true);

    // 6. a full reward period later alice (the only staker) has earned ~all of it
    await time.increase(7n * DAY);
    await aliceStaking.write.getReward();
    const reward = await stablecoin.read.balanceOf([alice.account.address]);
    assert.ok(reward <= usdc('4000') && reward >= usdc('4000') - 10n, `reward ${reward}`);

    // 7. buyback at the mock router's price ($0.05 = 20 QTRA per USDC), burned
    await keeperRouter.write.setReferencePrice([DEFAULT_SWAP_RATE]);
    const minOut = await router.read.minOutBound([usdc('4000')]);
    const deadline = BigInt(await time.latest()) + 600n;
    await keeperRouter.write.executeBuyback([usdc('4000'), minOut, deadline]);
    assert.equal(await router.read.pendingBuyback(), 0n);
    assert.equal(await router.read.totalQtraBurned(), parseEther('80000'));
    assert.equal(await qtra.read.totalSupply(), totalSupply0 - parseEther('80000'));
    assert.equal(await qtra.read.balanceOf([router.address]), 0n);

    // 8. unstake with the 7-day cooldown
    await aliceStaking.write.requestUnstake([parseEther('20000')]);
    await time.increase(7n * DAY);
    await aliceStaking.write.withdraw();
    assert.equal(await qtra.read.balanceOf([alice.account.address]), parseEther('25000'));
    assert.equal(await staking.read.stakedBalanceOf([alice.account.address]), 0n);
  });

  it('only the configured roles can run the keeper and depositor steps', async () => {
    const outsider = await as('RevenueRouter', d.router.address, bob);
    await assert.rejects(outsider.write.distribute(), /AccessControlUnauthorizedAccount/);
    await assert.rejects(outsider.write.depositRevenue([1n]), /AccessControlUnauthorizedAccount/);
    const asKeeper = await as('Staking', d.staking.address, keeper);
    await assert.rejects(asKeeper.write.notifyRewardAmount([1n]), /AccessControlUnauthorizedAccount/);
  });
});
