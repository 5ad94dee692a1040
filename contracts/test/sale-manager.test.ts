import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { network } from 'hardhat';
import {
  getAddress,
  keccak256,
  parseEther,
  toHex,
  zeroAddress,
  zeroHash,
  type Address,
  type Hex,
} from 'viem';
import { buildSaleAllowlist, ROUND } from './helpers/allowlist.ts';

const { viem, networkHelpers } = await network.create();
type Wallet = Awaited<ReturnType<typeof viem.getWalletClients>>[number];
const { time } = networkHelpers;

const DAY = 86_400n;
const MONTH = 30n * DAY;
const USD = (n: number | bigint) => BigInt(n) * 1_000_000n; // 6-decimal stablecoin units
const PAUSER_ROLE = keccak256(toHex('PAUSER_ROLE'));
const DEFAULT_ADMIN_ROLE = zeroHash;

type RoundConfig = {
  price: bigint;
  hardCap: bigint;
  minPurchase: bigint;
  maxPerWallet: bigint;
  start: bigint;
  end: bigint;
  tgeBps: number;
  cliff: bigint;
  duration: bigint;
  merkleRoot: Hex;
};

/** Same formula as VestingMath.vestedAmount. */
function expectedVested(
  total: bigint,
  tgeBps: bigint,
  start: bigint,
  cliff: bigint,
  duration: bigint,
  t: bigint,
) {
  if (t < start) return 0n;
  const tge = (total * tgeBps) / 10_000n;
  const linearStart = start + cliff;
  if (t < linearStart) return tge;
  const elapsed = t - linearStart;
  if (elapsed >= duration) return total;
  return tge + ((total - tge) * elapsed) / duration;
}

async function deployFixture() {
  const [admin, treasury, alice, bob, carol, pauser] = (await viem.getWalletClients()) as [
    Wallet,
    Wallet,
    Wallet,
    Wallet,
    Wallet,
    Wallet,
  ];
  const qtra = await viem.deployContract('QTRA', [admin.account.address]);
  const usdc = await viem.deployContract('MockStablecoin', ['USD Coin', 'USDC']);
  const usdt = await viem.deployContract('MockStablecoin', ['Tether USD', 'USDT']);
  const sale = await viem.deployContract('SaleManager', [
    admin.account.address,
    qtra.address,
    treasury.account.address,
  ]);

  const t0 = BigInt(await time.latest());
  const lists = {
    a: buildSaleAllowlist(ROUND.PRIVATE_A, [alice.account.address, bob.account.address]),
    b: buildSaleAllowlist(ROUND.PRIVATE_B, [alice.account.address, pauser.account.address]),
    c: buildSaleAllowlist(ROUND.PRIVATE_C, [bob.account.address, alice.account.address]),
  };
  // Scaled-down versions of the default rounds (docs/sale-and-vesting.md): same prices and vesting.
  const rounds: RoundConfig[] = [
    {
      price: 10_000n, // $0.010
      hardCap: parseEther('1000000'), // $10,000
      minPurchase: USD(100),
      maxPerWallet: USD(6_000),
      start: t0 + DAY,
      end: t0 + 8n * DAY,
      tgeBps: 500,
      cliff: 6n * MONTH,
      duration: 18n * MONTH,
      merkleRoot: lists.a.root,
    },
    {
      price: 15_000n, // $0.015
      hardCap: parseEther('2000000'),
      minPurchase: USD(50),
      maxPerWallet: USD(10_000),
      start: t0 + 8n * DAY,
      end: t0 + 15n * DAY,
      tgeBps: 750,
      cliff: 4n * MONTH,
      duration: 15n * MONTH,
      merkleRoot: lists.b.root,
    },
    {
      price: 20_000n, // $0.020
      hardCap: parseEther('3000000'),
      minPurchase: USD(25),
      maxPerWallet: USD(10_000),
      start: t0 + 15n * DAY,
      end: t0 + 22n * DAY,
      tgeBps: 1000,
      cliff: 3n * MONTH,
      duration: 12n * MONTH,
      merkleRoot: lists.c.root,
    },
    {
      price: 30_000n, // $0.030
      hardCap: parseEther('5000000'),
      minPurchase: USD(10),
      maxPerWallet: USD(5_000),
      start: t0 + 22n * DAY,
      end: t0 + 29n * DAY,
      tgeBps: 2000,
      cliff: 0n,
      duration: 6n * MONTH,
      merkleRoot: zeroHash,
    },
  ];
  for (let i = 0; i < rounds.length; i++) await sale.write.configureRound([i, rounds[i]!]);
  await sale.write.setStablecoin([usdc.address, true]);
  await sale.write.setStablecoin([usdt.address, true]);
  await sale.write.grantRole([PAUSER_ROLE, pauser.account.address]);

  const supply = parseEther('11000000'); // exactly the sum of the caps
  await qtra.write.mint([sale.address, supply]);

  const as = async (wallet: typeof alice) =>
    viem.getContractAt('SaleManager', sale.address, { client: { wallet } });
  const buyers = { alice, bob, carol };
  for (const w of Object.values(buyers)) {
    for (const coin of [usdc, usdt]) {
      const c = await viem.getContractAt('MockStablecoin', coin.address, { client: { wallet: w } });
      await c.write.mint([w.account.address, USD(1_000_000)]);
      await c.write.approve([sale.address, 2n ** 255n]);
    }
  }
  return {
    qtra,
    usdc,
    usdt,
    sale,
    saleAs: { alice: await as(alice), bob: await as(bob), carol: await as(carol), pauser: await as(pauser) },
    admin,
    treasury,
    alice,
    bob,
    carol,
    pauser,
    lists,
    rounds,
    supply,
    t0,
  };
}

async function at(t: bigint) {
  await time.setNextBlockTimestamp(t);
}

const addr = (w: { account: { address: Address } }) => getAddress(w.account.address);

describe('SaleManager', () => {
  describe('deployment and roles', () => {
    it('stores the token and treasury and grants admin + pauser', async () => {
      const { sale, qtra, admin, treasury } = await networkHelpers.loadFixture(deployFixture);
      assert.equal(getAddress(await sale.read.qtra()), getAddress(qtra.address));
      assert.equal(getAddress(await sale.read.treasury()), addr(treasury));
      assert.equal(await sale.read.hasRole([DEFAULT_ADMIN_ROLE, admin.account.address]), true);
      assert.equal(await sale.read.hasRole([PAUSER_ROLE, admin.account.address]), true);
      assert.equal(await sale.read.ROUND_COUNT(), 4);
      assert.equal(await sale.read.PUBLIC(), 3);
      assert.equal(await sale.read.PRIVATE_A(), 0);
      assert.equal(await sale.read.PRIVATE_B(), 1);
      assert.equal(await sale.read.PRIVATE_C(), 2);
      assert.equal(await sale.read.STABLECOIN_DECIMALS(), 6n);
      assert.equal(await sale.read.tgeTimestamp(), 0n);
    });

    it('rejects zero constructor addresses', async () => {
      const { qtra, admin, treasury } = await networkHelpers.loadFixture(deployFixture);
      for (const args of [
        [zeroAddress, qtra.address, treasury.account.address],
        [admin.account.address, zeroAddress, treasury.account.address],
        [admin.account.address, qtra.address, zeroAddress],
      ] as const) {
        await assert.rejects(viem.deployContract('SaleManager', [...args]), /ZeroAddress/);
      }
    });

    it('admin-only functions reject other accounts', async () => {
      const { sale, saleAs, usdc, rounds, alice, qtra } = await networkHelpers.loadFixture(deployFixture);
      const calls = [
        saleAs.alice.write.configureRound([0, rounds[0]!]),
        saleAs.alice.write.setStablecoin([usdc.address, false]),
        saleAs.alice.write.setTreasury([alice.account.address]),
        saleAs.alice.write.setTgeTimestamp([10n ** 10n]),
        saleAs.alice.write.withdrawTokens([qtra.address, alice.account.address, 1n]),
        saleAs.alice.write.pause(),
      ];
      for (const call of calls) {
        await viem.assertions.revertWithCustomError(call, sale, 'AccessControlUnauthorizedAccount');
      }
    });
  });

  describe('configureRound', () => {
    it('stores the config and emits RoundConfigured', async () => {
      const { sale, rounds } = await networkHelpers.loadFixture(deployFixture);
      const stored = await sale.read.getRound([ROUND.PRIVATE_B]);
      assert.deepEqual(stored, rounds[1]);
      const updated = { ...rounds[3]!, price: 40_000n, hardCap: parseEther('42') };
      await viem.assertions.emitWithArgs(
        sale.write.configureRound([ROUND.PUBLIC, updated]),
        sale,
        'RoundConfigured',
        [
          ROUND.PUBLIC,
          (c: RoundConfig) =>
            c.price === 40_000n && c.hardCap === parseEther('42') && c.merkleRoot === zeroHash,
        ],
      );
      assert.deepEqual(await sale.read.getRound([ROUND.PUBLIC]), updated);
    });

    it('validates every field', async () => {
      const { sale, rounds } = await networkHelpers.loadFixture(deployFixture);
      const a = rounds[0]!;
      const cases: [number, RoundConfig, string][] = [
        [4, a, 'UnknownRound'],
        [0, { ...a, price: 0n }, 'InvalidPrice'],
        [0, { ...a, end: a.start }, 'InvalidWindow'],
        [0, { ...a, end: a.start - 1n }, 'InvalidWindow'],
        [0, { ...a, hardCap: 0n }, 'InvalidHardCap'],
        [0, { ...a, maxPerWallet: 0n, minPurchase: 0n }, 'InvalidWalletLimits'],
        [0, { ...a, minPurchase: a.maxPerWallet + 1n }, 'InvalidWalletLimits'],
        [0, { ...a, tgeBps: 10_001 }, 'InvalidTgeBps'],
        [0, { ...a, merkleRoot: zeroHash }, 'MissingAllowlist'],
        [2, { ...a, merkleRoot: zeroHash }, 'MissingAllowlist'],
        [3, a, 'UnexpectedAllowlist'],
      ];
      for (const [id, cfg, error] of cases) {
        await viem.assertions.revertWithCustomError(
          sale.write.configureRound([id, cfg]),
          sale,
          error as 'InvalidPrice',
        );
      }
      // Edge values that are valid: min == max, tgeBps == 100%, start + 1 == end.
      await sale.write.configureRound([
        0,
        { ...a, minPurchase: a.maxPerWallet, tgeBps: 10_000, end: a.start + 1n },
      ]);
    });

    it('a round with sales can no longer be reconfigured', async () => {
      const { sale, saleAs, usdc, rounds, lists, alice } = await networkHelpers.loadFixture(deployFixture);
      await at(rounds[0]!.start);
      await saleAs.alice.write.purchase([0, usdc.address, USD(100), lists.a.proof(alice.account.address)]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        sale.write.configureRound([0, rounds[0]!]),
        sale,
        'RoundHasSales',
        [0],
      );
      // Other rounds are unaffected.
      await sale.write.configureRound([1, rounds[1]!]);
    });
  });

  describe('stablecoins and treasury', () => {
    it('accepts only 6-decimal tokens, can disable them, emits StablecoinSet', async () => {
      const { sale, saleAs, usdc, qtra, admin, rounds } = await networkHelpers.loadFixture(deployFixture);
      assert.equal(await sale.read.acceptedStablecoins([usdc.address]), true);
      await viem.assertions.revertWithCustomErrorWithArgs(
        sale.write.setStablecoin([qtra.address, true]), // 18 decimals
        sale,
        'InvalidStablecoin',
        [getAddress(qtra.address)],
      );
      // A contract without decimals() (the call reverts)...
      await viem.assertions.revertWithCustomError(
        sale.write.setStablecoin([sale.address, true]),
        sale,
        'InvalidStablecoin',
      );
      // ...and an account without code (the call succeeds with no return data).
      await viem.assertions.revertWithCustomError(
        sale.write.setStablecoin([admin.account.address, true]),
        sale,
        'InvalidStablecoin',
      );
      await viem.assertions.revertWithCustomError(
        sale.write.setStablecoin([zeroAddress, true]),
        sale,
        'ZeroAddress',
      );

      await viem.assertions.emitWithArgs(
        sale.write.setStablecoin([usdc.address, false]),
        sale,
        'StablecoinSet',
        [getAddress(usdc.address), false],
      );
      assert.equal(await sale.read.acceptedStablecoins([usdc.address]), false);
      // Disabling needs no decimals check.
      await sale.write.setStablecoin([qtra.address, false]);
      await at(rounds[3]!.start);
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.alice.write.purchase([3, usdc.address, USD(10), []]),
        sale,
        'StablecoinNotAccepted',
        [getAddress(usdc.address)],
      );
    });

    it('setTreasury rejects zero, emits TreasuryChanged and redirects proceeds', async () => {
      const { sale, saleAs, usdc, treasury, carol, rounds } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomError(sale.write.setTreasury([zeroAddress]), sale, 'ZeroAddress');
      await viem.assertions.emitWithArgs(
        sale.write.setTreasury([carol.account.address]),
        sale,
        'TreasuryChanged',
        [addr(treasury), addr(carol)],
      );
      await at(rounds[3]!.start);
      const before = await usdc.read.balanceOf([carol.account.address]);
      await saleAs.bob.write.purchase([3, usdc.address, USD(30), []]);
      assert.equal(await usdc.read.balanceOf([carol.account.address]), before + USD(30));
      assert.equal(await usdc.read.balanceOf([sale.address]), 0n);
    });
  });

  describe('purchase', () => {
    it('records the allocation, pays the treasury and emits Purchased', async () => {
      const { sale, saleAs, usdc, usdt, alice, treasury, lists, rounds, supply } =
        await networkHelpers.loadFixture(deployFixture);
      await at(rounds[0]!.start);
      const proof = lists.a.proof(alice.account.address);
      await viem.assertions.emitWithArgs(
        saleAs.alice.write.purchase([0, usdc.address, USD(1_000), proof]),
        sale,
        'Purchased',
        [
          addr(alice),
          0,
          getAddress(usdc.address),
          USD(1_000),
          parseEther('100000'), // $1,000 / $0.01
        ],
      );
      await saleAs.alice.write.purchase([0, usdt.address, USD(500), proof]);
      assert.equal(await usdc.read.balanceOf([treasury.account.address]), USD(1_000));
      assert.equal(await usdt.read.balanceOf([treasury.account.address]), USD(500));
      assert.deepEqual(await sale.read.allocations([0, alice.account.address]), [
        parseEther('150000'),
        0n,
        USD(1_500),
      ]);
      assert.deepEqual(await sale.read.roundState([0]), [parseEther('150000'), USD(1_500)]);
      assert.equal(await sale.read.totalSold(), parseEther('150000'));
      assert.equal(await sale.read.totalOutstanding(), parseEther('150000'));
      assert.equal(await sale.read.availableSupply(), supply - parseEther('150000'));
      assert.equal(await sale.read.claimable([0, alice.account.address]), 0n);
    });

    it('enforces the round window [start, end)', async () => {
      const { sale, saleAs, usdc, alice, lists, rounds } = await networkHelpers.loadFixture(deployFixture);
      const r = rounds[0]!;
      const proof = lists.a.proof(alice.account.address);
      await at(r.start - 1n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.alice.write.purchase([0, usdc.address, USD(100), proof]),
        sale,
        'RoundNotStarted',
        [0, r.start],
      );
      await at(r.start); // exactly at start: open
      await saleAs.alice.write.purchase([0, usdc.address, USD(100), proof]);
      await at(r.end - 1n); // last second: open
      await saleAs.alice.write.purchase([0, usdc.address, USD(100), proof]);
      await at(r.end); // exactly at end: closed
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.alice.write.purchase([0, usdc.address, USD(100), proof]),
        sale,
        'RoundEnded',
        [0, r.end],
      );
    });

    it('rejects unconfigured rounds', async () => {
      const { sale, saleAs, usdc } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.alice.write.purchase([4, usdc.address, USD(100), []]),
        sale,
        'RoundNotConfigured',
        [4],
      );
      const fresh = await viem.deployContract('SaleManager', [usdc.address, usdc.address, usdc.address]);
      await viem.assertions.revertWithCustomError(
        fresh.write.purchase([0, usdc.address, 1n, []]),
        fresh,
        'RoundNotConfigured',
      );
    });

    it('checks the allowlist: valid, wrong account, wrong round, malformed, not listed; Public needs none', async () => {
      const { sale, saleAs, usdc, alice, bob, carol, lists, rounds } =
        await networkHelpers.loadFixture(deployFixture);
      await at(rounds[1]!.start);
      const aliceA = lists.a.proof(alice.account.address);
      const aliceB = lists.b.proof(alice.account.address);
      assert.equal(await sale.read.isAllowlisted([1, alice.account.address, aliceB]), true);
      assert.equal(await sale.read.isAllowlisted([1, bob.account.address, aliceB]), false);
      // Wrong account: bob replays alice's proof.
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.bob.write.purchase([1, usdc.address, USD(100), aliceB]),
        sale,
        'NotAllowlisted',
        [addr(bob), 1],
      );
      // Wrong round: alice's round A proof in round B.
      await viem.assertions.revertWithCustomError(
        saleAs.alice.write.purchase([1, usdc.address, USD(100), aliceA]),
        sale,
        'NotAllowlisted',
      );
      assert.ok(aliceB.length > 0);
      // Malformed: empty proof, garbage proof, proof with an extra element.
      for (const bad of [[], [keccak256('0x01')], [...aliceB, zeroHash]] as Hex[][]) {
        await viem.assertions.revertWithCustomError(
          saleAs.alice.write.purchase([1, usdc.address, USD(100), bad]),
          sale,
          'NotAllowlisted',
        );
      }
      // Not on any list.
      await viem.assertions.revertWithCustomError(
        saleAs.carol.write.purchase([1, usdc.address, USD(100), aliceB]),
        sale,
        'NotAllowlisted',
      );
      await saleAs.alice.write.purchase([1, usdc.address, USD(100), aliceB]);

      // Public: anyone, any (ignored) proof.
      await at(rounds[3]!.start);
      await saleAs.carol.write.purchase([3, usdc.address, USD(100), []]);
      await saleAs.carol.write.purchase([3, usdc.address, USD(100), aliceB]);
      assert.equal(
        (await sale.read.allocations([3, carol.account.address]))[0],
        2n * ((USD(100) * 10n ** 18n) / 30_000n),
      );
    });

    it('enforces the per-purchase minimum and the cumulative per-wallet maximum', async () => {
      const { sale, saleAs, usdc, usdt, alice, lists, rounds } =
        await networkHelpers.loadFixture(deployFixture);
      const r = rounds[0]!;
      const proof = lists.a.proof(alice.account.address);
      await at(r.start);
      await viem.assertions.revertWithCustomError(
        saleAs.alice.write.purchase([0, usdc.address, 0n, proof]),
        sale,
        'ZeroAmount',
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.alice.write.purchase([0, usdc.address, r.minPurchase - 1n, proof]),
        sale,
        'BelowMinPurchase',
        [r.minPurchase - 1n, r.minPurchase],
      );
      await saleAs.alice.write.purchase([0, usdc.address, r.minPurchase, proof]);
      // Fill up to exactly the max (cumulative across stablecoins), then one unit more fails.
      await saleAs.alice.write.purchase([0, usdt.address, r.maxPerWallet - r.minPurchase - USD(100), proof]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.alice.write.purchase([0, usdc.address, USD(100) + 1n, proof]),
        sale,
        'AboveWalletMax',
        [r.maxPerWallet + 1n, r.maxPerWallet],
      );
      await saleAs.alice.write.purchase([0, usdc.address, USD(100), proof]);
      assert.equal((await sale.read.allocations([0, alice.account.address]))[2], r.maxPerWallet);
      // The minimum still applies to the last purchase; the max is per round.
      await viem.assertions.revertWithCustomError(
        saleAs.alice.write.purchase([0, usdc.address, r.minPurchase, proof]),
        sale,
        'AboveWalletMax',
      );
    });

    it('rounds the token amount down (never for the buyer) and rejects payments worth < 1 wei', async () => {
      const { sale, saleAs, usdc, alice, carol, lists, rounds } =
        await networkHelpers.loadFixture(deployFixture);
      await at(rounds[1]!.start); // price 15_000: $100.000001 is not an exact number of token wei
      const proof = lists.b.proof(alice.account.address);
      const paid = USD(100) + 1n;
      const expected = (paid * 10n ** 18n) / 15_000n;
      assert.notEqual((paid * 10n ** 18n) % 15_000n, 0n);
      await viem.assertions.emitWithArgs(
        saleAs.alice.write.purchase([1, usdc.address, paid, proof]),
        sale,
        'Purchased',
        [addr(alice), 1, getAddress(usdc.address), paid, expected],
      );
      // The buyer gets at most what they paid for, and less than 1 wei below it.
      assert.ok(expected * 15_000n <= paid * 10n ** 18n);
      assert.ok((expected + 1n) * 15_000n > paid * 10n ** 18n);
      assert.equal((await sale.read.allocations([1, alice.account.address]))[0], expected);

      // An absurd price (> 1e18 units per QTRA) makes a 1-unit payment worth 0 wei: rejected.
      const absurd = { ...rounds[3]!, price: 2n * 10n ** 18n, minPurchase: 0n };
      await sale.write.configureRound([3, absurd]);
      await at(rounds[3]!.start);
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.carol.write.purchase([3, usdc.address, 1n, []]),
        sale,
        'PaymentTooSmall',
        [1n, 2n * 10n ** 18n],
      );
      await saleAs.carol.write.purchase([3, usdc.address, 2n, []]);
      assert.equal((await sale.read.allocations([3, carol.account.address]))[0], 1n);
    });

    it('sells exactly up to the hard cap and not one unit more', async () => {
      const { sale, saleAs, usdc, alice, bob, lists, rounds } =
        await networkHelpers.loadFixture(deployFixture);
      const r = rounds[0]!; // cap 1,000,000 QTRA = $10,000; max $6,000 per wallet
      await at(r.start);
      await saleAs.alice.write.purchase([0, usdc.address, USD(6_000), lists.a.proof(alice.account.address)]);
      const bobProof = lists.a.proof(bob.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.bob.write.purchase([0, usdc.address, USD(4_000) + 1n, bobProof]),
        sale,
        'HardCapExceeded',
        [parseEther('400000') + 10n ** 14n, parseEther('400000')],
      );
      await saleAs.bob.write.purchase([0, usdc.address, USD(4_000), bobProof]);
      assert.deepEqual(await sale.read.roundState([0]), [r.hardCap, USD(10_000)]);
      // Round is sold out: even the minimum fails.
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.bob.write.purchase([0, usdc.address, USD(100), bobProof]),
        sale,
        'HardCapExceeded',
        [parseEther('10000'), 0n],
      );
    });

    it('never sells more QTRA than the contract holds beyond outstanding allocations', async () => {
      const { sale, saleAs, usdc, qtra, admin, rounds, supply } =
        await networkHelpers.loadFixture(deployFixture);
      // Leave only 1,000 QTRA of unsold supply.
      await sale.write.withdrawTokens([qtra.address, admin.account.address, supply - parseEther('1000')]);
      assert.equal(await sale.read.availableSupply(), parseEther('1000'));
      await at(rounds[3]!.start); // $0.03: $30 buys exactly 1,000 QTRA
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.carol.write.purchase([3, usdc.address, USD(30) + 30_000n, []]),
        sale,
        'InsufficientSaleSupply',
        [parseEther('1001'), parseEther('1000')],
      );
      await saleAs.carol.write.purchase([3, usdc.address, USD(30), []]);
      assert.equal(await sale.read.availableSupply(), 0n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        saleAs.bob.write.purchase([3, usdc.address, USD(10) + 20_010n, []]),
        sale,
        'InsufficientSaleSupply',
        [(x: bigint) => x > 0n, 0n],
      );
      // Funding more QTRA reopens the sale.
      await qtra.write.mint([sale.address, parseEther('1000')]);
      await saleAs.bob.write.purchase([3, usdc.address, USD(30), []]);
    });
  });

  describe('pause', () => {
    it('PAUSER_ROLE pauses purchases and claims; unpause resumes', async () => {
      const { sale, saleAs, usdc, carol, rounds } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emitWithArgs(saleAs.pauser.write.pause(), sale, 'Paused', [
        (a: string) => typeof a === 'string',
      ]);
      assert.equal(await sale.read.paused(), true);
      await at(rounds[3]!.start);
      await viem.assertions.revertWithCustomError(
        saleAs.carol.write.purchase([3, usdc.address, USD(30), []]),
        sale,
        'EnforcedPause',
      );
      await viem.assertions.revertWithCustomError(saleAs.carol.write.claim([3]), sale, 'EnforcedPause');
      await viem.assertions.revertWithCustomError(
        saleAs.carol.write.unpause(),
        sale,
        'AccessControlUnauthorizedAccount',
      );
      await saleAs.pauser.write.unpause();
      await viem.assertions.revertWithCustomError(sale.write.unpause(), sale, 'ExpectedPause');
      await saleAs.carol.write.purchase([3, usdc.address, USD(30), []]);
      assert.equal((await sale.read.allocations([3, carol.account.address]))[0], parseEther('1000'));

      const tge = BigInt(await time.latest()) + DAY;
      await sale.write.setTgeTimestamp([tge]);
      await sale.write.pause();
      await at(tge + 10n);
      await viem.assertions.revertWithCustomError(saleAs.carol.write.claim([3]), sale, 'EnforcedPause');
      await sale.write.unpause();
      await saleAs.carol.write.claim([3]);
    });
  });

  describe('TGE and vesting claims', () => {
    async function boughtFixture() {
      const f = await deployFixture();
      const { saleAs, usdc, usdt, alice, bob, lists, rounds } = f;
      await at(rounds[0]!.start);
      await saleAs.alice.write.purchase([0, usdc.address, USD(6_000), lists.a.proof(alice.account.address)]); // 600k QTRA
      await saleAs.bob.write.purchase([0, usdt.address, USD(333), lists.a.proof(bob.account.address)]); // 33.3k QTRA
      await at(rounds[3]!.start);
      await saleAs.carol.write.purchase([3, usdc.address, USD(3_000), []]); // 100k QTRA
      const tge = rounds[3]!.end + 7n * DAY;
      await f.sale.write.setTgeTimestamp([tge]);
      return { ...f, tge };
    }

    it('setTgeTimestamp: future only, movable until reached, then fixed', async () => {
      const { sale, saleAs } = await networkHelpers.loadFixture(deployFixture);
      const now = BigInt(await time.latest());
      await viem.assertions.revertWithCustomError(
        sale.write.setTgeTimestamp([now - 1n]),
        sale,
        'InvalidTimestamp',
      );
      await viem.assertions.revertWithCustomError(sale.write.setTgeTimestamp([0n]), sale, 'InvalidTimestamp');
      await viem.assertions.emitWithArgs(sale.write.setTgeTimestamp([now + 100n]), sale, 'TgeTimestampSet', [
        now + 100n,
      ]);
      await sale.write.setTgeTimestamp([now + 200n]); // not reached yet: can move
      assert.equal(await sale.read.tgeTimestamp(), now + 200n);
      await at(now + 200n);
      await viem.assertions.revertWithCustomError(
        sale.write.setTgeTimestamp([now + 300n]),
        sale,
        'TgeAlreadyStarted',
      );
      await viem.assertions.revertWithCustomError(saleAs.alice.write.claim([0]), sale, 'NothingToClaim');
    });

    it('nothing vests before the TGE is set', async () => {
      const { sale, saleAs, usdc, alice, lists, rounds } = await networkHelpers.loadFixture(deployFixture);
      await at(rounds[0]!.start);
      await saleAs.alice.write.purchase([0, usdc.address, USD(100), lists.a.proof(alice.account.address)]);
      assert.equal(await sale.read.vestedAmount([0, alice.account.address, 2n ** 63n]), 0n);
      await viem.assertions.revertWithCustomError(saleAs.alice.write.claim([0]), sale, 'NothingToClaim');
    });

    it('private round: 0 before TGE, 5% at TGE and during the cliff, linear after, 100% at the end', async () => {
      const { sale, saleAs, qtra, alice, rounds, tge } = await networkHelpers.loadFixture(boughtFixture);
      const r = rounds[0]!;
      const total = parseEther('600000');
      const tgePart = parseEther('30000');
      const v = (t: bigint) => sale.read.vestedAmount([0, alice.account.address, t]);
      assert.equal(await v(tge - 1n), 0n);
      assert.equal(await v(tge), tgePart);
      assert.equal(await v(tge + r.cliff - 1n), tgePart);
      assert.equal(await v(tge + r.cliff), tgePart);
      assert.equal(await v(tge + r.cliff + r.duration / 2n), tgePart + (total - tgePart) / 2n);
      assert.equal(
        await v(tge + r.cliff + r.duration - 1n),
        expectedVested(total, 500n, tge, r.cliff, r.duration, tge + r.cliff + r.duration - 1n),
      );
      assert.equal(await v(tge + r.cliff + r.duration), total);
      assert.equal(await v(tge + 10n * r.duration), total);

      await at(tge - 1n);
      await viem.assertions.revertWithCustomError(saleAs.alice.write.claim([0]), sale, 'NothingToClaim');
      await at(tge);
      await viem.assertions.emitWithArgs(saleAs.alice.write.claim([0]), sale, 'Claimed', [
        addr(alice),
        0,
        tgePart,
      ]);
      assert.equal(await qtra.read.balanceOf([alice.account.address]), tgePart);
      // Claiming again during the cliff: nothing new.
      await at(tge + r.cliff - 1n);
      await viem.assertions.revertWithCustomError(saleAs.alice.write.claim([0]), sale, 'NothingToClaim');
      const mid = tge + r.cliff + r.duration / 3n;
      await at(mid);
      await saleAs.alice.write.claim([0]);
      assert.equal(
        await qtra.read.balanceOf([alice.account.address]),
        expectedVested(total, 500n, tge, r.cliff, r.duration, mid),
      );
      await at(tge + r.cliff + r.duration + 1000n);
      await saleAs.alice.write.claim([0]);
      assert.equal(await qtra.read.balanceOf([alice.account.address]), total);
      assert.deepEqual(await sale.read.allocations([0, alice.account.address]), [total, total, USD(6_000)]);
      await viem.assertions.revertWithCustomError(saleAs.alice.write.claim([0]), sale, 'NothingToClaim');
      // Nothing bought in another round: nothing to claim there.
      await viem.assertions.revertWithCustomError(saleAs.alice.write.claim([1]), sale, 'NothingToClaim');
    });

    it('public round: 20% at TGE, no cliff, linear over 6 months', async () => {
      const { sale, saleAs, qtra, carol, rounds, tge, supply } =
        await networkHelpers.loadFixture(boughtFixture);
      const r = rounds[3]!;
      const total = parseEther('100000');
      assert.equal(await sale.read.vestedAmount([3, carol.account.address, tge]), parseEther('20000'));
      assert.equal(
        await sale.read.vestedAmount([3, carol.account.address, tge + r.duration / 2n]),
        parseEther('60000'),
      );
      await at(tge + r.duration);
      await viem.assertions.emitWithArgs(saleAs.carol.write.claim([3]), sale, 'Claimed', [
        addr(carol),
        3,
        total,
      ]);
      assert.equal(await qtra.read.balanceOf([carol.account.address]), total);
      assert.equal(await sale.read.totalClaimed(), total);
      const sold = parseEther('600000') + parseEther('33300') + total;
      assert.equal(await sale.read.totalSold(), sold);
      assert.equal(await sale.read.totalOutstanding(), sold - total);
      assert.equal(await qtra.read.balanceOf([sale.address]), supply - total);
    });

    it('claimed tokens always stay backed: withdrawTokens can only take the unsold surplus', async () => {
      const { sale, saleAs, qtra, usdc, admin, alice, tge, supply } =
        await networkHelpers.loadFixture(boughtFixture);
      const sold = parseEther('733300');
      assert.equal(await sale.read.availableSupply(), supply - sold);
      await viem.assertions.revertWithCustomError(
        sale.write.withdrawTokens([qtra.address, zeroAddress, 1n]),
        sale,
        'ZeroAddress',
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        sale.write.withdrawTokens([qtra.address, admin.account.address, supply - sold + 1n]),
        sale,
        'InsufficientSaleSupply',
        [supply - sold + 1n, supply - sold],
      );
      await viem.assertions.emitWithArgs(
        sale.write.withdrawTokens([qtra.address, admin.account.address, supply - sold]),
        sale,
        'TokensWithdrawn',
        [getAddress(qtra.address), addr(admin), supply - sold],
      );
      assert.equal(await sale.read.availableSupply(), 0n);
      // Stablecoins sent here by mistake can be recovered in full.
      const usdcAsAlice = await viem.getContractAt('MockStablecoin', usdc.address, {
        client: { wallet: alice },
      });
      await usdcAsAlice.write.transfer([sale.address, USD(5)]);
      await sale.write.withdrawTokens([usdc.address, alice.account.address, USD(5)]);
      assert.equal(await usdc.read.balanceOf([sale.address]), 0n);
      // Every buyer can still claim everything.
      await at(tge + 3n * 365n * DAY);
      await saleAs.alice.write.claim([0]);
      await saleAs.bob.write.claim([0]);
      await saleAs.carol.write.claim([3]);
      assert.equal(await qtra.read.balanceOf([sale.address]), 0n);
      assert.equal(await sale.read.totalOutstanding(), 0n);
    });
  });

  describe('property: sale allocations never release more than bought', () => {
    it('random purchases, time jumps and claims keep claimed == vested <= purchased', async () => {
      await networkHelpers.loadFixture(deployFixture);
      const names = ['alice', 'bob', 'carol'] as const;
      const roundIds = [0, 3] as const;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              who: fc.integer({ min: 0, max: 2 }),
              round: fc.integer({ min: 0, max: 1 }),
              usd: fc.integer({ min: 100, max: 1_500 }),
            }),
            {
              minLength: 1,
              maxLength: 4,
            },
          ),
          fc.array(
            fc.record({
              jump: fc.bigInt({ min: 0n, max: 400n * DAY }),
              who: fc.integer({ min: 0, max: 2 }),
              round: fc.integer({ min: 0, max: 1 }),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          async (buys, steps) => {
            const f = await networkHelpers.loadFixture(deployFixture);
            const bought = new Map<string, bigint>();
            const claimedModel = new Map<string, bigint>();
            const key = (w: number, r: number) => `${w}:${r}`;
            // Purchases (carol is not on round A's list: skip her there).
            for (const b of [...buys].sort((x, y) => x.round - y.round)) {
              const roundId = roundIds[b.round]!;
              if (roundId === 0 && b.who === 2) continue;
              const r = f.rounds[roundId]!;
              const now = BigInt(await time.latest());
              if (now < r.start) await at(r.start);
              const wallet = f[names[b.who]!];
              const proof = roundId === 0 ? f.lists.a.proof(wallet.account.address) : [];
              const k = key(b.who, roundId);
              const paid = USD(b.usd);
              const prevPaid = ((bought.get(k) ?? 0n) * r.price) / 10n ** 18n;
              if (prevPaid + paid > r.maxPerWallet) continue;
              await f.saleAs[names[b.who]!].write.purchase([roundId, f.usdc.address, paid, proof]);
              bought.set(k, (bought.get(k) ?? 0n) + (paid * 10n ** 18n) / r.price);
            }
            const tge = f.rounds[3]!.end + DAY;
            await f.sale.write.setTgeTimestamp([tge]);
            let now = tge - 2n * DAY;
            for (const s of steps) {
              now += s.jump + 1n;
              await at(now);
              const roundId = roundIds[s.round]!;
              const r = f.rounds[roundId]!;
              const k = key(s.who, roundId);
              const total = bought.get(k) ?? 0n;
              const vested = expectedVested(total, BigInt(r.tgeBps), tge, r.cliff, r.duration, now);
              const due = vested - (claimedModel.get(k) ?? 0n);
              const wallet = f[names[s.who]!];
              if (due === 0n) {
                await viem.assertions.revertWithCustomError(
                  f.saleAs[names[s.who]!].write.claim([roundId]),
                  f.sale,
                  'NothingToClaim',
                );
              } else {
                await f.saleAs[names[s.who]!].write.claim([roundId]);
                claimedModel.set(k, vested);
              }
              const alloc = await f.sale.read.allocations([roundId, wallet.account.address]);
              assert.equal(alloc[0], total);
              assert.equal(alloc[1], vested);
              assert.ok(alloc[1] <= alloc[0]);
            }
            // Global accounting: outstanding == sold - claimed and fully backed.
            const sold = [...bought.values()].reduce((a, b) => a + b, 0n);
            const claimedTotal = [...claimedModel.values()].reduce((a, b) => a + b, 0n);
            assert.equal(await f.sale.read.totalSold(), sold);
            assert.equal(await f.sale.read.totalClaimed(), claimedTotal);
            assert.equal(await f.sale.read.totalOutstanding(), sold - claimedTotal);
            assert.ok((await f.qtra.read.balanceOf([f.sale.address])) >= sold - claimedTotal);
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});
