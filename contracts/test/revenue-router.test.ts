import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { network } from 'hardhat';
import {
  encodeFunctionData,
  getAddress,
  keccak256,
  parseAbi,
  parseEther,
  parseUnits,
  toHex,
  zeroAddress,
} from 'viem';

const { viem, networkHelpers } = await network.create();
const { time } = networkHelpers;

const KEEPER_ROLE = keccak256(toHex('KEEPER_ROLE'));
const DEPOSITOR_ROLE = keccak256(toHex('DEPOSITOR_ROLE'));
const REWARDS_DISTRIBUTOR_ROLE = keccak256(toHex('REWARDS_DISTRIBUTOR_ROLE'));
const usdc = (n: string) => parseUnits(n, 6);
// QTRA at $0.05: 20 QTRA (18 decimals) per 1 USDC (6 decimals), scaled by 1e18
const PRICE = (20n * 10n ** 18n * 10n ** 18n) / 10n ** 6n;
const qtraFor = (amountIn: bigint, price = PRICE) => (amountIn * price) / 10n ** 18n;

const routerAbi = parseAbi([
  'function depositRevenue(uint256 amount)',
  'function distribute()',
  'function executeBuyback(uint256 amountIn, uint256 minQtraOut, uint256 deadline)',
]);

/** The first six wallet clients (checked, so they are typed as defined). */
async function walletClients() {
  const all = await viem.getWalletClients();
  const at = (i: number) => {
    const w = all[i];
    assert.ok(w, `wallet client ${i}`);
    return w;
  };
  return [at(0), at(1), at(2), at(3), at(4), at(5)] as const;
}

async function deployFixture() {
  const [admin, keeper, depositor, treasury, outsider, alice] = await walletClients();
  const qtra = await viem.deployContract('QTRA', [admin.account.address]);
  const stable = await viem.deployContract('MockStablecoin', ['USD Coin', 'USDC']);
  const staking = await viem.deployContract('Staking', [qtra.address, stable.address, admin.account.address]);
  const swap = await viem.deployContract('MockSwapRouter', [PRICE]);
  await qtra.write.mint([swap.address, parseEther('100000000')]);
  const cfg = {
    stablecoin: stable.address,
    qtra: qtra.address,
    swapRouter: swap.address,
    staking: staking.address,
    treasury: treasury.account.address,
    admin: admin.account.address,
    buybackBps: 4000n,
    stakingBps: 4000n,
    treasuryBps: 2000n,
  };
  const router = await viem.deployContract('RevenueRouter', [cfg]);
  await router.write.grantRole([KEEPER_ROLE, keeper.account.address]);
  await router.write.grantRole([DEPOSITOR_ROLE, depositor.account.address]);
  await staking.write.grantRole([REWARDS_DISTRIBUTOR_ROLE, router.address]);
  await stable.write.mint([depositor.account.address, usdc('100000000')]);
  await stable.write.approve([router.address, 2n ** 256n - 1n], { account: depositor.account });
  await qtra.write.mint([alice.account.address, parseEther('1000')]);
  await qtra.write.approve([staking.address, 2n ** 256n - 1n], { account: alice.account });
  await staking.write.stake([parseEther('1000')], { account: alice.account });
  await router.write.setReferencePrice([PRICE], { account: keeper.account });
  return { qtra, stable, staking, swap, router, cfg, admin, keeper, depositor, treasury, outsider, alice };
}

type Fx = Awaited<ReturnType<typeof deployFixture>>;

const deadline = async (ahead = 3600n) => BigInt(await time.latest()) + ahead;

async function deposit(fx: Fx, amount: bigint) {
  await fx.router.write.depositRevenue([amount], { account: fx.depositor.account });
}

describe('RevenueRouter: deployment and admin config', () => {
  it('stores config, split and roles', async () => {
    const { router, stable, qtra, swap, staking, treasury, admin } =
      await networkHelpers.loadFixture(deployFixture);
    assert.equal(await router.read.stablecoin(), getAddress(stable.address));
    assert.equal(await router.read.qtra(), getAddress(qtra.address));
    assert.equal(await router.read.swapRouter(), getAddress(swap.address));
    assert.equal(await router.read.staking(), getAddress(staking.address));
    assert.equal(await router.read.treasury(), getAddress(treasury.account.address));
    assert.deepEqual(
      [await router.read.buybackBps(), await router.read.stakingBps(), await router.read.treasuryBps()],
      [4000n, 4000n, 2000n],
    );
    assert.equal(await router.read.hasRole([`0x${'00'.repeat(32)}`, admin.account.address]), true);
    assert.equal(await router.read.KEEPER_ROLE(), KEEPER_ROLE);
    assert.equal(await router.read.DEPOSITOR_ROLE(), DEPOSITOR_ROLE);
    assert.equal(await router.read.maxSlippageBps(), 100n);
    assert.equal(await router.read.maxPriceAge(), 3600n);
  });

  it('constructor rejects zero addresses and a split not summing to 10,000', async () => {
    const { cfg } = await networkHelpers.loadFixture(deployFixture);
    for (const key of ['stablecoin', 'qtra', 'swapRouter', 'staking', 'treasury', 'admin'] as const) {
      await assert.rejects(
        viem.deployContract('RevenueRouter', [{ ...cfg, [key]: zeroAddress }]),
        /ZeroAddress/,
        key,
      );
    }
    await assert.rejects(
      viem.deployContract('RevenueRouter', [{ ...cfg, treasuryBps: 1999n }]),
      /InvalidSplit/,
    );
  });

  it('setSplit: must sum to exactly 10,000; event; admin only', async () => {
    const { router, outsider } = await networkHelpers.loadFixture(deployFixture);
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.setSplit([5000n, 5000n, 1n]),
      router,
      'InvalidSplit',
      [10001n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.setSplit([5000n, 4000n, 999n]),
      router,
      'InvalidSplit',
      [9999n],
    );
    await viem.assertions.revertWithCustomError(
      router.write.setSplit([10000n, 0n, 0n], { account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    await viem.assertions.emitWithArgs(router.write.setSplit([10000n, 0n, 0n]), router, 'SplitChanged', [
      10000n,
      0n,
      0n,
    ]);
    assert.equal(await router.read.buybackBps(), 10000n);
  });

  it('setMaxSlippageBps / setMaxPriceAge: bounds and events', async () => {
    const { router, outsider } = await networkHelpers.loadFixture(deployFixture);
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.setMaxSlippageBps([1001n]),
      router,
      'SlippageOutOfBounds',
      [1001n],
    );
    await viem.assertions.emitWithArgs(
      router.write.setMaxSlippageBps([1000n]),
      router,
      'MaxSlippageChanged',
      [100n, 1000n],
    );
    await viem.assertions.revertWithCustomError(
      router.write.setMaxPriceAge([59n]),
      router,
      'PriceAgeOutOfBounds',
    );
    await viem.assertions.revertWithCustomError(
      router.write.setMaxPriceAge([86_401n]),
      router,
      'PriceAgeOutOfBounds',
    );
    await viem.assertions.emitWithArgs(router.write.setMaxPriceAge([86_400n]), router, 'MaxPriceAgeChanged', [
      3600n,
      86_400n,
    ]);
    await viem.assertions.revertWithCustomError(
      router.write.setMaxSlippageBps([1n], { account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    await viem.assertions.revertWithCustomError(
      router.write.setMaxPriceAge([60n], { account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
  });

  it('setSwapRouter / setStaking / setTreasury: zero address, events, admin only', async () => {
    const { router, swap, staking, treasury, outsider } = await networkHelpers.loadFixture(deployFixture);
    const o = outsider.account.address;
    for (const [fn, prev, ev] of [
      ['setSwapRouter', swap.address, 'SwapRouterChanged'],
      ['setStaking', staking.address, 'StakingChanged'],
      ['setTreasury', treasury.account.address, 'TreasuryChanged'],
    ] as const) {
      await viem.assertions.revertWithCustomError(router.write[fn]([zeroAddress]), router, 'ZeroAddress');
      await viem.assertions.revertWithCustomError(
        router.write[fn]([o], { account: outsider.account }),
        router,
        'AccessControlUnauthorizedAccount',
      );
      await viem.assertions.emitWithArgs(router.write[fn]([o]), router, ev, [
        getAddress(prev),
        getAddress(o),
      ]);
    }
    assert.equal(await router.read.treasury(), getAddress(o));
  });

  it('pause / unpause: admin only; paused blocks deposit, sync, distribute and buyback', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, outsider, keeper, depositor } = fx;
    await deposit(fx, usdc('100'));
    await viem.assertions.revertWithCustomError(
      router.write.pause({ account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    await router.write.pause();
    const k = { account: keeper.account };
    await viem.assertions.revertWithCustomError(
      router.write.depositRevenue([1n], { account: depositor.account }),
      router,
      'EnforcedPause',
    );
    await viem.assertions.revertWithCustomError(router.write.syncRevenue(k), router, 'EnforcedPause');
    await viem.assertions.revertWithCustomError(router.write.distribute(k), router, 'EnforcedPause');
    await viem.assertions.revertWithCustomError(
      router.write.executeBuyback([usdc('1'), qtraFor(usdc('1')), await deadline()], k),
      router,
      'EnforcedPause',
    );
    await viem.assertions.revertWithCustomError(
      router.write.unpause({ account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    await router.write.unpause();
    await router.write.distribute(k);
  });
});

describe('RevenueRouter: intake and split', () => {
  it('depositRevenue: zero, access control, RevenueReceived + Split, odd amount dust to treasury', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, stable, depositor, outsider } = fx;
    await viem.assertions.revertWithCustomError(
      router.write.depositRevenue([0n], { account: depositor.account }),
      router,
      'ZeroAmount',
    );
    await viem.assertions.revertWithCustomError(
      router.write.depositRevenue([1n], { account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    const amount = 1_000_007n; // 40% = 400002.8, 40% = 400002.8, rest 200002.4 + 0.8+0.8 dust
    const tx = router.write.depositRevenue([amount], { account: depositor.account });
    await viem.assertions.emitWithArgs(tx, router, 'RevenueReceived', [
      getAddress(depositor.account.address),
      amount,
    ]);
    await viem.assertions.emitWithArgs(
      router.write.depositRevenue([amount], { account: depositor.account }),
      router,
      'Split',
      [amount, 400_002n, 400_002n, 200_003n],
    );
    assert.equal(await router.read.pendingBuyback(), 800_004n);
    assert.equal(await router.read.pendingStaking(), 800_004n);
    assert.equal(await router.read.pendingTreasury(), 400_006n);
    assert.equal(await router.read.accountedBalance(), 2n * amount);
    assert.equal(await stable.read.balanceOf([router.address]), 2n * amount);
    assert.equal(await router.read.totalReceived(), 2n * amount);
    assert.deepEqual(await router.read.previewSplit([1n]), [0n, 0n, 1n]);
  });

  it('pushed revenue is split at syncRevenue (keeper only); nothing pushed is a no-op', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, stable, keeper, outsider } = fx;
    await stable.write.mint([router.address, 999n]);
    assert.equal(await router.read.unaccountedBalance(), 999n);
    await viem.assertions.revertWithCustomError(
      router.write.syncRevenue({ account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    await viem.assertions.emitWithArgs(
      router.write.syncRevenue({ account: keeper.account }),
      router,
      'RevenueSynced',
      [getAddress(keeper.account.address), 999n],
    );
    assert.equal(await router.read.unaccountedBalance(), 0n);
    assert.equal(await router.read.accountedBalance(), 999n);
    assert.equal(await router.read.pendingTreasury(), 999n - 2n * 399n);
    const hash = await router.write.syncRevenue({ account: keeper.account });
    const receipt = await (await viem.getPublicClient()).getTransactionReceipt({ hash });
    assert.equal(receipt.logs.length, 0);
  });
});

describe('RevenueRouter: distribute', () => {
  it('pays staking (+ notifyRewardAmount) and treasury with events; stakers then earn', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, stable, staking, keeper, treasury, alice } = fx;
    await deposit(fx, usdc('1000'));
    await stable.write.mint([router.address, usdc('10')]); // pushed, included by distribute
    const tx = router.write.distribute({ account: keeper.account });
    await viem.assertions.emitWithArgs(tx, router, 'StakingFunded', [
      getAddress(staking.address),
      usdc('404'),
    ]);
    assert.equal(await stable.read.balanceOf([treasury.account.address]), usdc('202'));
    assert.equal(await stable.read.balanceOf([staking.address]), usdc('404'));
    assert.equal(await staking.read.rewardsOutstanding(), usdc('404'));
    assert.equal(await router.read.pendingStaking(), 0n);
    assert.equal(await router.read.pendingTreasury(), 0n);
    assert.equal(await router.read.pendingBuyback(), usdc('404'));
    assert.equal(await stable.read.balanceOf([router.address]), usdc('404'));
    assert.equal(await router.read.totalToStaking(), usdc('404'));
    assert.equal(await router.read.totalToTreasury(), usdc('202'));
    await deposit(fx, usdc('1'));
    await viem.assertions.emitWithArgs(
      router.write.distribute({ account: keeper.account }),
      router,
      'TreasuryPaid',
      [getAddress(treasury.account.address), usdc('0.2')],
    );
    await time.increase(8n * 86_400n);
    const earned = await staking.read.earned([alice.account.address]);
    assert.ok(earned <= usdc('404.4') && earned >= usdc('404.4') - 10n);
  });

  it('NothingToDistribute; access control; staking-only and treasury-only splits', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, stable, staking, keeper, outsider, treasury } = fx;
    const k = { account: keeper.account };
    await viem.assertions.revertWithCustomError(router.write.distribute(k), router, 'NothingToDistribute');
    await viem.assertions.revertWithCustomError(
      router.write.distribute({ account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    // buyback only: still nothing to distribute
    await router.write.setSplit([10000n, 0n, 0n]);
    await deposit(fx, usdc('5'));
    await viem.assertions.revertWithCustomError(router.write.distribute(k), router, 'NothingToDistribute');
    // staking only
    await router.write.setSplit([0n, 10000n, 0n]);
    await deposit(fx, usdc('5'));
    await router.write.distribute(k);
    assert.equal(await stable.read.balanceOf([staking.address]), usdc('5'));
    assert.equal(await stable.read.balanceOf([treasury.account.address]), 0n);
    // treasury only
    await router.write.setSplit([0n, 0n, 10000n]);
    await deposit(fx, usdc('3'));
    await router.write.distribute(k);
    assert.equal(await stable.read.balanceOf([treasury.account.address]), usdc('3'));
    assert.equal(await stable.read.balanceOf([staking.address]), usdc('5'));
  });

  it('distribute reverts as a whole when the router lacks the staking distributor role', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, staking, keeper } = fx;
    await staking.write.revokeRole([REWARDS_DISTRIBUTOR_ROLE, router.address]);
    await deposit(fx, usdc('10'));
    await viem.assertions.revertWithCustomError(
      router.write.distribute({ account: keeper.account }),
      staking,
      'AccessControlUnauthorizedAccount',
    );
    assert.equal(await router.read.pendingStaking(), usdc('4'));
  });
});

describe('RevenueRouter: buyback', () => {
  it('swaps, burns the bought QTRA and emits BuybackExecuted; allowance reset to 0', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, qtra, stable, swap, keeper } = fx;
    await deposit(fx, usdc('1000'));
    const amountIn = usdc('300');
    const out = qtraFor(amountIn);
    const supplyBefore = await qtra.read.totalSupply();
    await viem.assertions.emitWithArgs(
      router.write.executeBuyback([amountIn, out, await deadline()], { account: keeper.account }),
      router,
      'BuybackExecuted',
      [amountIn, out, out],
    );
    assert.equal(await qtra.read.totalSupply(), supplyBefore - out);
    assert.equal(await qtra.read.balanceOf([router.address]), 0n);
    assert.equal(await stable.read.allowance([router.address, swap.address]), 0n);
    assert.equal(await router.read.pendingBuyback(), usdc('100'));
    assert.equal(await router.read.totalBoughtBack(), amountIn);
    assert.equal(await router.read.totalQtraBurned(), out);
    assert.equal(await stable.read.balanceOf([swap.address]), amountIn);
  });

  it('the deadline: exactly at is allowed, one second after reverts', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, keeper } = fx;
    await deposit(fx, usdc('100'));
    const d = BigInt(await time.latest()) + 10n;
    await time.setNextBlockTimestamp(d + 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.executeBuyback([usdc('1'), qtraFor(usdc('1')), d], { account: keeper.account }),
      router,
      'DeadlineExpired',
      [d],
    );
    const d2 = d + 20n;
    await time.setNextBlockTimestamp(d2);
    await router.write.executeBuyback([usdc('1'), qtraFor(usdc('1')), d2], { account: keeper.account });
  });

  it('input checks: zero amount, zero minOut, more than pending, keeper only', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, keeper, outsider } = fx;
    await deposit(fx, usdc('100'));
    const d = await deadline();
    const k = { account: keeper.account };
    await viem.assertions.revertWithCustomError(
      router.write.executeBuyback([0n, 1n, d], k),
      router,
      'ZeroAmount',
    );
    await viem.assertions.revertWithCustomError(
      router.write.executeBuyback([1n, 0n, d], k),
      router,
      'ZeroMinOut',
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.executeBuyback([usdc('40') + 1n, parseEther('1000'), d], k),
      router,
      'InsufficientPendingBuyback',
      [usdc('40') + 1n, usdc('40')],
    );
    await viem.assertions.revertWithCustomError(
      router.write.executeBuyback([1n, 1n, d], { account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
  });

  it('slippage bound: minOut below reference - maxSlippage reverts; exactly at the bound passes', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, keeper } = fx;
    await deposit(fx, usdc('1000'));
    const amountIn = usdc('100');
    const bound = (qtraFor(amountIn) * 9900n + 9999n) / 10000n;
    assert.equal(await router.read.minOutBound([amountIn]), bound);
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.executeBuyback([amountIn, bound - 1n, await deadline()], { account: keeper.account }),
      router,
      'MinOutBelowSlippageBound',
      [bound - 1n, bound],
    );
    await router.write.executeBuyback([amountIn, bound, await deadline()], { account: keeper.account });
  });

  it("market price worse than the bound: the router's own check or ours (balance delta) rejects it", async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, swap, keeper } = fx;
    await deposit(fx, usdc('1000'));
    const amountIn = usdc('100');
    const bound = await router.read.minOutBound([amountIn]);
    // pool price 2% worse than the reference
    await swap.write.setRate([(PRICE * 98n) / 100n]);
    await viem.assertions.revertWithCustomError(
      router.write.executeBuyback([amountIn, bound, await deadline()], { account: keeper.account }),
      swap,
      'TooLittleReceived',
    );
    // a router that does not enforce minOut and lies about the amount: caught by the delta check
    await swap.write.setRate([PRICE]);
    await swap.write.setEnforceMinOut([false]);
    await swap.write.setShortfallBps([200n]);
    const paid = qtraFor(amountIn) - (qtraFor(amountIn) * 200n) / 10000n;
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.executeBuyback([amountIn, bound, await deadline()], { account: keeper.account }),
      router,
      'InsufficientOutput',
      [paid, bound],
    );
    // within the bound it passes, and burns what actually arrived (not the router's claim)
    await swap.write.setShortfallBps([50n]);
    const paid2 = qtraFor(amountIn) - (qtraFor(amountIn) * 50n) / 10000n;
    await viem.assertions.emitWithArgs(
      router.write.executeBuyback([amountIn, bound, await deadline()], { account: keeper.account }),
      router,
      'BuybackExecuted',
      [amountIn, paid2, paid2],
    );
  });

  it('a router that pulls less than amountIn is rejected (UnexpectedSpend)', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, swap, keeper, stable } = fx;
    await deposit(fx, usdc('1000'));
    await swap.write.setPullShortfall([1n]);
    const before = await stable.read.balanceOf([router.address]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.executeBuyback([usdc('10'), qtraFor(usdc('10')), await deadline()], {
        account: keeper.account,
      }),
      router,
      'UnexpectedSpend',
      [usdc('10'), before - usdc('10') + 1n],
    );
  });

  it('reference price: unset or stale reverts; keeper only; zero rejected; event', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, keeper, outsider, cfg } = fx;
    const fresh = await viem.deployContract('RevenueRouter', [cfg]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      fresh.read.minOutBound([1n]),
      fresh,
      'StaleReferencePrice',
      [0n],
    );
    await viem.assertions.revertWithCustomError(
      router.write.setReferencePrice([1n], { account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    await viem.assertions.revertWithCustomError(
      router.write.setReferencePrice([0n], { account: keeper.account }),
      router,
      'ZeroAmount',
    );
    const t = BigInt(await time.latest()) + 1n;
    await time.setNextBlockTimestamp(t);
    await viem.assertions.emitWithArgs(
      router.write.setReferencePrice([PRICE], { account: keeper.account }),
      router,
      'ReferencePriceUpdated',
      [PRICE, t],
    );
    await deposit(fx, usdc('100'));
    // exactly maxPriceAge old is still fresh; one second more is stale
    await time.setNextBlockTimestamp(t + 3600n);
    await router.write.executeBuyback([usdc('1'), qtraFor(usdc('1')), t + 4000n], {
      account: keeper.account,
    });
    await time.setNextBlockTimestamp(t + 3601n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      router.write.executeBuyback([usdc('1'), qtraFor(usdc('1')), t + 4000n], { account: keeper.account }),
      router,
      'StaleReferencePrice',
      [t],
    );
  });
});

describe('MockSwapRouter (test double)', () => {
  it('enforces its own deadline', async () => {
    const { swap, stable, qtra, outsider } = await networkHelpers.loadFixture(deployFixture);
    const past = BigInt(await time.latest()) - 1n;
    await viem.assertions.revertWithCustomError(
      swap.write.swapExactTokensForTokens([
        stable.address,
        qtra.address,
        1n,
        0n,
        outsider.account.address,
        past,
      ]),
      swap,
      'Expired',
    );
  });
});

describe('RevenueRouter: rescue', () => {
  it('rescues unrelated tokens (incl. stray QTRA) but never the revenue stablecoin', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { router, stable, qtra, outsider } = fx;
    const other = await viem.deployContract('MockStablecoin', ['Other', 'OTH']);
    await other.write.mint([router.address, 500n]);
    await stable.write.mint([router.address, 500n]);
    await qtra.write.mint([router.address, 7n]);
    await viem.assertions.revertWithCustomError(
      router.write.rescueToken([stable.address, outsider.account.address, 1n]),
      router,
      'CannotRescueRevenueToken',
    );
    await viem.assertions.revertWithCustomError(
      router.write.rescueToken([other.address, zeroAddress, 1n]),
      router,
      'ZeroAddress',
    );
    await viem.assertions.revertWithCustomError(
      router.write.rescueToken([other.address, outsider.account.address, 1n], { account: outsider.account }),
      router,
      'AccessControlUnauthorizedAccount',
    );
    await viem.assertions.emitWithArgs(
      router.write.rescueToken([other.address, outsider.account.address, 500n]),
      router,
      'TokensRescued',
      [getAddress(other.address), getAddress(outsider.account.address), 500n],
    );
    await router.write.rescueToken([qtra.address, outsider.account.address, 7n]);
    assert.equal(await other.read.balanceOf([outsider.account.address]), 500n);
    assert.equal(await qtra.read.balanceOf([outsider.account.address]), 7n);
    assert.equal(await stable.read.balanceOf([router.address]), 500n);
  });
});

describe('RevenueRouter: reentrancy', () => {
  async function reentrantFixture() {
    const fx = await deployFixture();
    const token = await viem.deployContract('ReentrantToken', []);
    const staking2 = await viem.deployContract('Staking', [
      fx.qtra.address,
      token.address,
      fx.admin.account.address,
    ]);
    const evil = await viem.deployContract('ReentrantRouter', []);
    const router2 = await viem.deployContract('RevenueRouter', [
      { ...fx.cfg, stablecoin: token.address, staking: staking2.address },
    ]);
    await staking2.write.grantRole([REWARDS_DISTRIBUTOR_ROLE, router2.address]);
    await router2.write.grantRole([KEEPER_ROLE, fx.keeper.account.address]);
    await router2.write.grantRole([DEPOSITOR_ROLE, fx.depositor.account.address]);
    await router2.write.setReferencePrice([PRICE], { account: fx.keeper.account });
    await token.write.mint([fx.depositor.account.address, usdc('1000000')]);
    await token.write.approve([router2.address, 2n ** 256n - 1n], { account: fx.depositor.account });
    // the malicious swap router on the main router
    await fx.router.write.setSwapRouter([evil.address]);
    return { ...fx, token, staking2, router2, evil };
  }
  const data = (fn: 'depositRevenue' | 'distribute' | 'executeBuyback', d = 0n) =>
    fn === 'distribute'
      ? encodeFunctionData({ abi: routerAbi, functionName: fn })
      : fn === 'depositRevenue'
        ? encodeFunctionData({ abi: routerAbi, functionName: fn, args: [1n] })
        : encodeFunctionData({ abi: routerAbi, functionName: fn, args: [1n, 1n, d] });

  it('a stablecoin calling back into distribute / executeBuyback during depositRevenue reverts', async () => {
    const { token, router2, depositor } = await networkHelpers.loadFixture(reentrantFixture);
    for (const fn of ['distribute', 'executeBuyback'] as const) {
      await token.write.arm([router2.address, data(fn, await deadline())]);
      await viem.assertions.revertWithCustomError(
        router2.write.depositRevenue([usdc('10')], { account: depositor.account }),
        router2,
        'ReentrancyGuardReentrantCall',
      );
    }
  });

  it('a stablecoin calling back into depositRevenue / distribute during distribute reverts', async () => {
    const { token, router2, depositor, keeper } = await networkHelpers.loadFixture(reentrantFixture);
    await router2.write.depositRevenue([usdc('10')], { account: depositor.account });
    for (const fn of ['depositRevenue', 'distribute'] as const) {
      await token.write.arm([router2.address, data(fn)]);
      await viem.assertions.revertWithCustomError(
        router2.write.distribute({ account: keeper.account }),
        router2,
        'ReentrancyGuardReentrantCall',
      );
    }
  });

  it('a swap router calling back into executeBuyback / distribute / depositRevenue during the swap reverts', async () => {
    const fx = await networkHelpers.loadFixture(reentrantFixture);
    const { router, evil, keeper } = fx;
    await deposit(fx, usdc('100'));
    for (const fn of ['executeBuyback', 'distribute', 'depositRevenue'] as const) {
      await evil.write.arm([router.address, data(fn, await deadline())]);
      await viem.assertions.revertWithCustomError(
        router.write.executeBuyback([usdc('1'), qtraFor(usdc('1')), await deadline()], {
          account: keeper.account,
        }),
        router,
        'ReentrancyGuardReentrantCall',
      );
    }
    // a router that calls something harmless and pays nothing fails the output check
    await evil.write.arm([
      fx.qtra.address,
      encodeFunctionData({ abi: parseAbi(['function totalSupply()']), functionName: 'totalSupply' }),
    ]);
    await viem.assertions.revertWithCustomError(
      router.write.executeBuyback([usdc('1'), qtraFor(usdc('1')), await deadline()], {
        account: keeper.account,
      }),
      router,
      'UnexpectedSpend',
    );
  });
});

describe('RevenueRouter: property tests', () => {
  const splitArb = fc
    .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }))
    .map(([a, b]) => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      return [BigInt(lo), BigInt(hi - lo), BigInt(10000 - hi)] as const;
    });

  it('for random bps summing to 10,000 and random amounts the three parts sum exactly to the amount', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    await fc.assert(
      fc.asyncProperty(splitArb, fc.bigInt(1n, 2n ** 200n), async ([b, s, t], amount) => {
        await fx.router.write.setSplit([b, s, t]);
        const [pb, ps, pt] = await fx.router.read.previewSplit([amount]);
        assert.equal(pb + ps + pt, amount);
        assert.equal(pb, (amount * b) / 10000n);
        assert.equal(ps, (amount * s) / 10000n);
        // treasury gets its own share plus the two floors' dust (< 3 units)
        assert.ok(pt >= (amount * t) / 10000n && pt - (amount * t) / 10000n <= 2n);
      }),
      { numRuns: 100 },
    );
  });

  it('random deposits / pushes / distributions / buybacks conserve every unit of revenue', async () => {
    const action = fc.oneof(
      fc.record({ k: fc.constant('deposit' as const), amt: fc.bigInt(1n, usdc('1000000')) }),
      fc.record({ k: fc.constant('push' as const), amt: fc.bigInt(1n, usdc('1000')) }),
      fc.record({ k: fc.constant('split' as const), split: splitArb }),
      fc.record({ k: fc.constant('distribute' as const) }),
      fc.record({ k: fc.constant('buyback' as const), pct: fc.integer({ min: 1, max: 100 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 3, maxLength: 10 }), async (actions) => {
        const fx = await networkHelpers.loadFixture(deployFixture);
        const { router, stable, staking, treasury, keeper, qtra } = fx;
        const k = { account: keeper.account };
        let inflow = 0n;
        let burned = 0n;
        for (const a of actions) {
          if (a.k === 'deposit') {
            const before = await router.read.accountedBalance();
            await deposit(fx, a.amt);
            assert.equal((await router.read.accountedBalance()) - before, a.amt);
            inflow += a.amt;
          } else if (a.k === 'push') {
            await stable.write.mint([router.address, a.amt]);
            inflow += a.amt;
          } else if (a.k === 'split') {
            await router.write.setSplit([...a.split]);
          } else if (a.k === 'distribute') {
            if (
              (await router.read.pendingStaking()) +
                (await router.read.pendingTreasury()) +
                (await router.read.unaccountedBalance()) >
              0n
            ) {
              await router.write.distribute(k);
            }
          } else {
            const amountIn = ((await router.read.pendingBuyback()) * BigInt(a.pct)) / 100n;
            if (amountIn > 0n) {
              await router.write.setReferencePrice([PRICE], k);
              const supply = await qtra.read.totalSupply();
              await router.write.executeBuyback(
                [amountIn, await router.read.minOutBound([amountIn]), await deadline()],
                k,
              );
              burned += supply - (await qtra.read.totalSupply());
            }
          }
          const routerBal = await stable.read.balanceOf([router.address]);
          assert.equal(
            routerBal,
            (await router.read.accountedBalance()) + (await router.read.unaccountedBalance()),
          );
          const out =
            (await stable.read.balanceOf([staking.address])) +
            (await stable.read.balanceOf([treasury.account.address])) +
            (await stable.read.balanceOf([fx.swap.address]));
          assert.equal(routerBal + out, inflow);
          assert.equal(
            await router.read.totalReceived(),
            (await router.read.totalBoughtBack()) +
              (await router.read.totalToStaking()) +
              (await router.read.totalToTreasury()) +
              (await router.read.accountedBalance()),
          );
          assert.equal(await router.read.totalQtraBurned(), burned);
        }
      }),
      { numRuns: 40 },
    );
  });
});
