import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { network } from 'hardhat';
import { encodeFunctionData, getAddress, keccak256, parseEther, parseUnits, toHex, zeroAddress } from 'viem';

const { viem, networkHelpers } = await network.create();
const { time } = networkHelpers;

const DAY = 86_400n;
const WEEK = 7n * DAY;
const REWARDS_DISTRIBUTOR_ROLE = keccak256(toHex('REWARDS_DISTRIBUTOR_ROLE'));
const usdc = (n: string) => parseUnits(n, 6);

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
  const [admin, distributor, alice, bob, carol, outsider] = await walletClients();
  const qtra = await viem.deployContract('QTRA', [admin.account.address]);
  const stable = await viem.deployContract('MockStablecoin', ['USD Coin', 'USDC']);
  const staking = await viem.deployContract('Staking', [qtra.address, stable.address, admin.account.address]);
  await staking.write.grantRole([REWARDS_DISTRIBUTOR_ROLE, distributor.account.address]);
  for (const w of [alice, bob, carol]) {
    await qtra.write.mint([w.account.address, parseEther('1000000')]);
    await qtra.write.approve([staking.address, 2n ** 256n - 1n], { account: w.account });
  }
  return { qtra, stable, staking, admin, distributor, alice, bob, carol, outsider };
}

type Fx = Awaited<ReturnType<typeof deployFixture>>;

/** Funds the staking contract with `amount` stablecoin and notifies it (as the router does). */
async function fund(fx: Fx, amount: bigint) {
  await fx.stable.write.mint([fx.staking.address, amount]);
  await fx.staking.write.notifyRewardAmount([amount], { account: fx.distributor.account });
}

describe('Staking: deployment and config', () => {
  it('stores tokens, defaults and admin role', async () => {
    const { qtra, stable, staking, admin } = await networkHelpers.loadFixture(deployFixture);
    assert.equal(await staking.read.stakingToken(), getAddress(qtra.address));
    assert.equal(await staking.read.rewardToken(), getAddress(stable.address));
    assert.equal(await staking.read.cooldown(), WEEK);
    assert.equal(await staking.read.rewardsDuration(), WEEK);
    assert.equal(await staking.read.FEE_DISCOUNT_THRESHOLD(), parseEther('10000'));
    assert.equal(await staking.read.hasRole([`0x${'00'.repeat(32)}`, admin.account.address]), true);
    assert.equal(await staking.read.REWARDS_DISTRIBUTOR_ROLE(), REWARDS_DISTRIBUTOR_ROLE);
  });

  it('rejects zero addresses in the constructor', async () => {
    const { qtra, stable, admin } = await networkHelpers.loadFixture(deployFixture);
    const a = admin.account.address;
    await assert.rejects(viem.deployContract('Staking', [zeroAddress, stable.address, a]), /ZeroAddress/);
    await assert.rejects(viem.deployContract('Staking', [qtra.address, zeroAddress, a]), /ZeroAddress/);
    await assert.rejects(
      viem.deployContract('Staking', [qtra.address, stable.address, zeroAddress]),
      /ZeroAddress/,
    );
  });

  it('setCooldown: bounds, event, access control; applies to new requests only', async () => {
    const { staking, alice, outsider } = await networkHelpers.loadFixture(deployFixture);
    await viem.assertions.revertWithCustomErrorWithArgs(
      staking.write.setCooldown([DAY - 1n]),
      staking,
      'CooldownOutOfBounds',
      [DAY - 1n],
    );
    await viem.assertions.revertWithCustomError(
      staking.write.setCooldown([30n * DAY + 1n]),
      staking,
      'CooldownOutOfBounds',
    );
    await viem.assertions.revertWithCustomError(
      staking.write.setCooldown([DAY], { account: outsider.account }),
      staking,
      'AccessControlUnauthorizedAccount',
    );
    await staking.write.stake([parseEther('10')], { account: alice.account });
    await staking.write.requestUnstake([parseEther('10')], { account: alice.account });
    const [, readyAtBefore] = await staking.read.coolingOf([alice.account.address]);
    await viem.assertions.emitWithArgs(staking.write.setCooldown([DAY]), staking, 'CooldownChanged', [
      WEEK,
      DAY,
    ]);
    await staking.write.setCooldown([30n * DAY]);
    assert.equal(await staking.read.cooldown(), 30n * DAY);
    // the pending request keeps its readyAt
    assert.equal((await staking.read.coolingOf([alice.account.address]))[1], readyAtBefore);
  });

  it('setRewardsDuration: only between periods, within bounds, by admin', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { staking, outsider } = fx;
    await viem.assertions.revertWithCustomError(
      staking.write.setRewardsDuration([DAY], { account: outsider.account }),
      staking,
      'AccessControlUnauthorizedAccount',
    );
    await viem.assertions.revertWithCustomError(
      staking.write.setRewardsDuration([DAY - 1n]),
      staking,
      'RewardsDurationOutOfBounds',
    );
    await viem.assertions.revertWithCustomError(
      staking.write.setRewardsDuration([365n * DAY + 1n]),
      staking,
      'RewardsDurationOutOfBounds',
    );
    await viem.assertions.emitWithArgs(
      staking.write.setRewardsDuration([DAY]),
      staking,
      'RewardsDurationChanged',
      [WEEK, DAY],
    );
    await fund(fx, usdc('100'));
    const finish = await staking.read.periodFinish();
    await viem.assertions.revertWithCustomErrorWithArgs(
      staking.write.setRewardsDuration([WEEK]),
      staking,
      'RewardPeriodActive',
      [finish],
    );
    await time.increaseTo(finish - 1n);
    // at periodFinish exactly the period is still active (<=)
    await time.setNextBlockTimestamp(finish);
    await viem.assertions.revertWithCustomError(
      staking.write.setRewardsDuration([WEEK]),
      staking,
      'RewardPeriodActive',
    );
    await time.increaseTo(finish + 1n);
    await staking.write.setRewardsDuration([WEEK]);
    assert.equal(await staking.read.rewardsDuration(), WEEK);
  });

  it('pause blocks only new stakes; unstake, withdraw and claims stay open; access control', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { staking, alice, outsider } = fx;
    await staking.write.stake([parseEther('100')], { account: alice.account });
    await fund(fx, usdc('70'));
    await viem.assertions.revertWithCustomError(
      staking.write.pause({ account: outsider.account }),
      staking,
      'AccessControlUnauthorizedAccount',
    );
    await staking.write.pause();
    await viem.assertions.revertWithCustomError(
      staking.write.stake([1n], { account: alice.account }),
      staking,
      'EnforcedPause',
    );
    await time.increase(DAY);
    await viem.assertions.emit(staking.write.getReward({ account: alice.account }), staking, 'RewardPaid');
    await staking.write.requestUnstake([parseEther('100')], { account: alice.account });
    await time.increase(WEEK);
    await viem.assertions.emit(staking.write.withdraw({ account: alice.account }), staking, 'Withdrawn');
    await viem.assertions.revertWithCustomError(
      staking.write.unpause({ account: outsider.account }),
      staking,
      'AccessControlUnauthorizedAccount',
    );
    await staking.write.unpause();
    await staking.write.stake([1n], { account: alice.account });
    assert.equal(await staking.read.stakedBalanceOf([alice.account.address]), 1n);
  });
});

describe('Staking: stake, cooldown, withdraw', () => {
  it('stake: rejects zero, moves tokens, emits Staked', async () => {
    const { qtra, staking, alice } = await networkHelpers.loadFixture(deployFixture);
    await viem.assertions.revertWithCustomError(
      staking.write.stake([0n], { account: alice.account }),
      staking,
      'ZeroAmount',
    );
    await viem.assertions.emitWithArgs(
      staking.write.stake([parseEther('5')], { account: alice.account }),
      staking,
      'Staked',
      [getAddress(alice.account.address), parseEther('5')],
    );
    assert.equal(await staking.read.stakedBalanceOf([alice.account.address]), parseEther('5'));
    assert.equal(await staking.read.totalStaked(), parseEther('5'));
    assert.equal(await qtra.read.balanceOf([staking.address]), parseEther('5'));
  });

  it('requestUnstake: rejects zero and more than staked; emits UnstakeRequested with readyAt', async () => {
    const { staking, alice } = await networkHelpers.loadFixture(deployFixture);
    await staking.write.stake([parseEther('5')], { account: alice.account });
    await viem.assertions.revertWithCustomError(
      staking.write.requestUnstake([0n], { account: alice.account }),
      staking,
      'ZeroAmount',
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      staking.write.requestUnstake([parseEther('6')], { account: alice.account }),
      staking,
      'InsufficientStake',
      [parseEther('6'), parseEther('5')],
    );
    const t = BigInt(await time.latest()) + 10n;
    await time.setNextBlockTimestamp(t);
    await viem.assertions.emitWithArgs(
      staking.write.requestUnstake([parseEther('2')], { account: alice.account }),
      staking,
      'UnstakeRequested',
      [getAddress(alice.account.address), parseEther('2'), parseEther('2'), t + WEEK],
    );
    assert.equal(await staking.read.stakedBalanceOf([alice.account.address]), parseEther('3'));
    assert.equal(await staking.read.totalStaked(), parseEther('3'));
    assert.equal(await staking.read.totalCooling(), parseEther('2'));
  });

  it('withdraw: nothing, before, exactly at and after the cooldown', async () => {
    const { qtra, staking, alice, bob } = await networkHelpers.loadFixture(deployFixture);
    await viem.assertions.revertWithCustomError(
      staking.write.withdraw({ account: alice.account }),
      staking,
      'NothingToWithdraw',
    );
    await staking.write.stake([parseEther('5')], { account: alice.account });
    await staking.write.stake([parseEther('5')], { account: bob.account });
    await staking.write.requestUnstake([parseEther('5')], { account: alice.account });
    await staking.write.requestUnstake([parseEther('5')], { account: bob.account });
    const [amount, readyAt] = await staking.read.coolingOf([alice.account.address]);
    assert.equal(amount, parseEther('5'));
    // before
    await time.setNextBlockTimestamp(readyAt - 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      staking.write.withdraw({ account: alice.account }),
      staking,
      'CooldownNotElapsed',
      [readyAt],
    );
    // exactly at
    const balBefore = await qtra.read.balanceOf([alice.account.address]);
    await time.setNextBlockTimestamp(readyAt);
    await viem.assertions.emitWithArgs(
      staking.write.withdraw({ account: alice.account }),
      staking,
      'Withdrawn',
      [getAddress(alice.account.address), parseEther('5')],
    );
    assert.equal(await qtra.read.balanceOf([alice.account.address]), balBefore + parseEther('5'));
    assert.deepEqual(await staking.read.coolingOf([alice.account.address]), [0n, 0n]);
    await viem.assertions.revertWithCustomError(
      staking.write.withdraw({ account: alice.account }),
      staking,
      'NothingToWithdraw',
    );
    // after
    await time.increase(DAY);
    await staking.write.withdraw({ account: bob.account });
    assert.equal(await staking.read.totalCooling(), 0n);
    assert.equal(await qtra.read.balanceOf([staking.address]), 0n);
  });

  it('a second request adds to the cooling bucket and restarts its cooldown', async () => {
    const { staking, alice } = await networkHelpers.loadFixture(deployFixture);
    await staking.write.stake([parseEther('10')], { account: alice.account });
    await staking.write.requestUnstake([parseEther('4')], { account: alice.account });
    const [, firstReady] = await staking.read.coolingOf([alice.account.address]);
    await time.increase(6n * DAY);
    await staking.write.requestUnstake([parseEther('1')], { account: alice.account });
    const [amount, readyAt] = await staking.read.coolingOf([alice.account.address]);
    assert.equal(amount, parseEther('5'));
    assert.ok(readyAt > firstReady);
    await time.setNextBlockTimestamp(firstReady + 1n);
    await viem.assertions.revertWithCustomError(
      staking.write.withdraw({ account: alice.account }),
      staking,
      'CooldownNotElapsed',
    );
    await time.increaseTo(readyAt);
    await staking.write.withdraw({ account: alice.account });
    assert.equal(await staking.read.stakedBalanceOf([alice.account.address]), parseEther('5'));
  });
});

describe('Staking: fee-discount reading', () => {
  it('qtraHoldingOf = wallet + staked + cooling; eligible from exactly 10,000 QTRA', async () => {
    const { qtra, staking, outsider, alice } = await networkHelpers.loadFixture(deployFixture);
    const who = outsider.account;
    await qtra.write.mint([who.address, parseEther('10000') - 1n]);
    await qtra.write.approve([staking.address, 2n ** 256n - 1n], { account: who });
    assert.equal(await staking.read.feeDiscountEligible([who.address]), false);
    await staking.write.stake([parseEther('6000')], { account: who });
    await staking.write.requestUnstake([parseEther('1000')], { account: who });
    assert.equal(await staking.read.stakedBalanceOf([who.address]), parseEther('5000'));
    assert.equal(await staking.read.qtraHoldingOf([who.address]), parseEther('10000') - 1n);
    assert.equal(await staking.read.feeDiscountEligible([who.address]), false);
    await qtra.write.mint([who.address, 1n]);
    assert.equal(await staking.read.qtraHoldingOf([who.address]), parseEther('10000'));
    assert.equal(await staking.read.feeDiscountEligible([who.address]), true);
    // withdrawing moves cooling back to the wallet: the holding is unchanged
    await time.increase(WEEK);
    await staking.write.withdraw({ account: who });
    assert.equal(await staking.read.feeDiscountEligible([who.address]), true);
    // transferring away drops below
    await qtra.write.transfer([alice.account.address, 1n], { account: who });
    assert.equal(await staking.read.feeDiscountEligible([who.address]), false);
  });
});

describe('Staking: rewards', () => {
  it('notifyRewardAmount: access control, zero, unfunded and RewardAdded', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { staking, stable, distributor, outsider } = fx;
    await viem.assertions.revertWithCustomError(
      staking.write.notifyRewardAmount([1n], { account: outsider.account }),
      staking,
      'AccessControlUnauthorizedAccount',
    );
    await viem.assertions.revertWithCustomError(
      staking.write.notifyRewardAmount([0n], { account: distributor.account }),
      staking,
      'ZeroAmount',
    );
    await stable.write.mint([staking.address, usdc('100')]);
    await viem.assertions.revertWithCustomErrorWithArgs(
      staking.write.notifyRewardAmount([usdc('100') + 1n], { account: distributor.account }),
      staking,
      'RewardTooHigh',
      [usdc('100') + 1n, usdc('100')],
    );
    const t = BigInt(await time.latest()) + 5n;
    await time.setNextBlockTimestamp(t);
    const rate = (usdc('100') * 10n ** 18n) / WEEK;
    await viem.assertions.emitWithArgs(
      staking.write.notifyRewardAmount([usdc('100')], { account: distributor.account }),
      staking,
      'RewardAdded',
      [usdc('100'), rate, t + WEEK],
    );
    assert.equal(await staking.read.rewardRate(), rate);
    assert.equal(await staking.read.getRewardForDuration(), (rate * WEEK) / 10n ** 18n);
    assert.equal(await staking.read.rewardsOutstanding(), usdc('100'));
    // the same funds cannot be notified twice
    await viem.assertions.revertWithCustomError(
      staking.write.notifyRewardAmount([usdc('1')], { account: distributor.account }),
      staking,
      'RewardTooHigh',
    );
  });

  it('a lone staker earns the whole period; claims emit RewardPaid; nothing earned is a no-op', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { staking, stable, alice, bob } = fx;
    await staking.write.stake([parseEther('1000')], { account: alice.account });
    await fund(fx, usdc('700'));
    await time.increase(WEEK + DAY);
    const earned = await staking.read.earned([alice.account.address]);
    assert.ok(earned <= usdc('700') && earned >= usdc('700') - 10n, `earned ${earned}`);
    await viem.assertions.emitWithArgs(
      staking.write.getReward({ account: alice.account }),
      staking,
      'RewardPaid',
      [getAddress(alice.account.address), earned],
    );
    assert.equal(await stable.read.balanceOf([alice.account.address]), earned);
    assert.equal(await staking.read.rewardsPaid(), earned);
    // bob has nothing: no revert, no transfer
    await staking.write.getReward({ account: bob.account });
    assert.equal(await stable.read.balanceOf([bob.account.address]), 0n);
  });

  it('two stakers with 1:3 stake share 1:3; a late joiner earns only from joining', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { staking, alice, bob, carol } = fx;
    await staking.write.stake([parseEther('100')], { account: alice.account });
    await staking.write.stake([parseEther('300')], { account: bob.account });
    await fund(fx, usdc('1000'));
    const start = await staking.read.lastUpdateTime();
    await time.setNextBlockTimestamp(start + WEEK / 2n);
    await staking.write.stake([parseEther('400')], { account: carol.account });
    await time.increase(WEEK);
    const a = await staking.read.earned([alice.account.address]);
    const b = await staking.read.earned([bob.account.address]);
    const c = await staking.read.earned([carol.account.address]);
    // first half: 1:3 of 500, second half: 1:3:4 of 500
    const approx = (x: bigint, y: bigint) => assert.ok(x <= y && y - x <= 5n, `${x} vs ${y}`);
    approx(a, 125_000000n + 62_500000n);
    approx(b, 375_000000n + 187_500000n);
    approx(c, 250_000000n);
    assert.ok(a + b + c <= usdc('1000'));
  });

  it('cooling stake stops earning immediately', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { staking, alice, bob } = fx;
    await staking.write.stake([parseEther('100')], { account: alice.account });
    await staking.write.stake([parseEther('100')], { account: bob.account });
    await fund(fx, usdc('700'));
    await staking.write.requestUnstake([parseEther('100')], { account: alice.account });
    const frozen = await staking.read.earned([alice.account.address]);
    await time.increase(3n * DAY);
    assert.equal(await staking.read.earned([alice.account.address]), frozen);
    await time.increase(WEEK);
    const b = await staking.read.earned([bob.account.address]);
    assert.ok(frozen + b <= usdc('700') && frozen + b >= usdc('700') - 10n);
  });

  it('a new notify mid-period rolls the unemitted remainder into the new rate', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { staking, alice } = fx;
    await staking.write.stake([parseEther('100')], { account: alice.account });
    await fund(fx, usdc('700'));
    const start = await staking.read.lastUpdateTime();
    await time.setNextBlockTimestamp(start + WEEK / 2n);
    await fund(fx, usdc('350'));
    // 350 left + 350 new over a fresh week
    const rate = await staking.read.rewardRate();
    const expected = ((usdc('350') + usdc('350')) * 10n ** 18n) / WEEK;
    // the mint tx moves time by a second or two before the notify, so compare within 0.001%
    assert.ok(rate <= expected && (expected - rate) * 100_000n <= expected, `${rate} vs ${expected}`);
    await time.increase(2n * WEEK);
    const earned = await staking.read.earned([alice.account.address]);
    assert.ok(earned <= usdc('1050') && earned >= usdc('1050') - 10n, `earned ${earned}`);
    assert.ok((await staking.read.rewardsOutstanding()) >= earned);
  });

  it('rewards emitted while nobody stakes are not paid to anyone (and stay covered)', async () => {
    const fx = await networkHelpers.loadFixture(deployFixture);
    const { staking, alice } = fx;
    await fund(fx, usdc('700'));
    await time.increase(WEEK / 2n);
    await staking.write.stake([parseEther('1')], { account: alice.account });
    await time.increase(WEEK);
    const earned = await staking.read.earned([alice.account.address]);
    assert.ok(earned < usdc('351') && earned > usdc('349'), `earned ${earned}`);
    assert.equal(await staking.read.lastTimeRewardApplicable(), await staking.read.periodFinish());
  });

  it('reward token == staking token: staked principal is never counted as reward funds', async () => {
    const { qtra, admin, distributor, alice } = await networkHelpers.loadFixture(deployFixture);
    const same = await viem.deployContract('Staking', [qtra.address, qtra.address, admin.account.address]);
    await same.write.grantRole([REWARDS_DISTRIBUTOR_ROLE, distributor.account.address]);
    await qtra.write.approve([same.address, 2n ** 256n - 1n], { account: alice.account });
    await same.write.stake([parseEther('1000')], { account: alice.account });
    await same.write.requestUnstake([parseEther('400')], { account: alice.account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      same.write.notifyRewardAmount([parseEther('1')], { account: distributor.account }),
      same,
      'RewardTooHigh',
      [parseEther('1'), 0n],
    );
    await qtra.write.mint([same.address, parseEther('70')]);
    await same.write.notifyRewardAmount([parseEther('70')], { account: distributor.account });
    await time.increase(2n * WEEK);
    const before = await qtra.read.balanceOf([alice.account.address]);
    await same.write.getReward({ account: alice.account });
    await same.write.withdraw({ account: alice.account });
    const got = (await qtra.read.balanceOf([alice.account.address])) - before;
    assert.ok(got <= parseEther('470') && got >= parseEther('470') - 10n ** 6n);
    assert.equal(await same.read.stakedBalanceOf([alice.account.address]), parseEther('600'));
    assert.ok((await qtra.read.balanceOf([same.address])) >= parseEther('600'));
  });
});

describe('Staking: reentrancy', () => {
  async function reentrantFixture() {
    const fx = await deployFixture();
    const token = await viem.deployContract('ReentrantToken', []);
    // staking token is malicious
    const s1 = await viem.deployContract('Staking', [
      token.address,
      fx.stable.address,
      fx.admin.account.address,
    ]);
    // reward token is malicious
    const s2 = await viem.deployContract('Staking', [
      fx.qtra.address,
      token.address,
      fx.admin.account.address,
    ]);
    await s2.write.grantRole([REWARDS_DISTRIBUTOR_ROLE, fx.distributor.account.address]);
    await token.write.mint([fx.alice.account.address, parseEther('100')]);
    await token.write.approve([s1.address, 2n ** 256n - 1n], { account: fx.alice.account });
    await fx.qtra.write.approve([s2.address, 2n ** 256n - 1n], { account: fx.alice.account });
    return { ...fx, token, s1, s2 };
  }
  const call = (fn: 'withdraw' | 'getReward') =>
    encodeFunctionData({
      abi: [{ type: 'function', name: fn, inputs: [], outputs: [], stateMutability: 'nonpayable' }],
      functionName: fn,
    });

  it('a staking token calling back into withdraw during stake reverts', async () => {
    const { token, s1, alice } = await networkHelpers.loadFixture(reentrantFixture);
    await token.write.arm([s1.address, call('withdraw')]);
    await viem.assertions.revertWithCustomError(
      s1.write.stake([parseEther('1')], { account: alice.account }),
      s1,
      'ReentrancyGuardReentrantCall',
    );
  });

  it('a staking token calling back into getReward during withdraw reverts', async () => {
    const { token, s1, alice } = await networkHelpers.loadFixture(reentrantFixture);
    await s1.write.stake([parseEther('1')], { account: alice.account });
    await s1.write.requestUnstake([parseEther('1')], { account: alice.account });
    await time.increase(WEEK);
    await token.write.arm([s1.address, call('getReward')]);
    await viem.assertions.revertWithCustomError(
      s1.write.withdraw({ account: alice.account }),
      s1,
      'ReentrancyGuardReentrantCall',
    );
  });

  it('a reward token calling back into withdraw / getReward during getReward reverts', async () => {
    const { token, s2, alice, distributor } = await networkHelpers.loadFixture(reentrantFixture);
    await s2.write.stake([parseEther('1')], { account: alice.account });
    await token.write.mint([s2.address, parseEther('7')]);
    await s2.write.notifyRewardAmount([parseEther('7')], { account: distributor.account });
    await time.increase(DAY);
    await token.write.arm([s2.address, call('withdraw')]);
    await viem.assertions.revertWithCustomError(
      s2.write.getReward({ account: alice.account }),
      s2,
      'ReentrancyGuardReentrantCall',
    );
    await token.write.arm([s2.address, call('getReward')]);
    await viem.assertions.revertWithCustomError(
      s2.write.getReward({ account: alice.account }),
      s2,
      'ReentrancyGuardReentrantCall',
    );
  });
});

describe('Staking: property tests', () => {
  it('random stake / unstake / withdraw / claim / notify / time sequences never pay more than funded', async () => {
    const fx0 = await networkHelpers.loadFixture(deployFixture);
    const users = [fx0.alice, fx0.bob, fx0.carol] as const;
    const action = fc.oneof(
      fc.record({
        k: fc.constant('stake' as const),
        u: fc.constantFrom(0 as const, 1 as const, 2 as const),
        amt: fc.bigInt(1n, parseEther('50000')),
      }),
      fc.record({
        k: fc.constant('unstake' as const),
        u: fc.constantFrom(0 as const, 1 as const, 2 as const),
        pct: fc.integer({ min: 1, max: 100 }),
      }),
      fc.record({
        k: fc.constant('withdraw' as const),
        u: fc.constantFrom(0 as const, 1 as const, 2 as const),
      }),
      fc.record({ k: fc.constant('claim' as const), u: fc.constantFrom(0 as const, 1 as const, 2 as const) }),
      fc.record({ k: fc.constant('notify' as const), amt: fc.bigInt(1n, usdc('100000')) }),
      fc.record({ k: fc.constant('time' as const), dt: fc.integer({ min: 1, max: 10 * 86_400 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 14 }), async (actions) => {
        const fx = await networkHelpers.loadFixture(deployFixture);
        const { staking, stable } = fx;
        let funded = 0n;
        for (const a of actions) {
          if (a.k === 'stake') {
            await staking.write.stake([a.amt], { account: users[a.u].account });
          } else if (a.k === 'unstake') {
            const st = await staking.read.stakedBalanceOf([users[a.u].account.address]);
            const amt = (st * BigInt(a.pct)) / 100n;
            if (amt > 0n) await staking.write.requestUnstake([amt], { account: users[a.u].account });
          } else if (a.k === 'withdraw') {
            const [amt, readyAt] = await staking.read.coolingOf([users[a.u].account.address]);
            if (amt > 0n && BigInt(await time.latest()) + 1n >= readyAt) {
              await staking.write.withdraw({ account: users[a.u].account });
            }
          } else if (a.k === 'claim') {
            await staking.write.getReward({ account: users[a.u].account });
          } else if (a.k === 'notify') {
            await fund(fx, a.amt);
            funded += a.amt;
          } else {
            await time.increase(a.dt);
          }
          const paid = await staking.read.rewardsPaid();
          let owed = 0n;
          let paidToUsers = 0n;
          for (const w of users) {
            owed += await staking.read.earned([w.account.address]);
            paidToUsers += await stable.read.balanceOf([w.account.address]);
          }
          assert.equal(paidToUsers, paid);
          assert.ok(paid + owed <= funded, `paid ${paid} + owed ${owed} > funded ${funded}`);
          assert.ok(owed <= (await staking.read.rewardsOutstanding()));
          assert.ok(
            (await staking.read.rewardsOutstanding()) <= (await stable.read.balanceOf([staking.address])),
          );
          assert.equal(
            await fx.qtra.read.balanceOf([staking.address]),
            (await staking.read.totalStaked()) + (await staking.read.totalCooling()),
          );
        }
        // everyone can always claim what they earned
        for (const w of users) await staking.write.getReward({ account: w.account });
        assert.ok((await staking.read.rewardsPaid()) <= funded);
      }),
      { numRuns: 50 },
    );
  });

  it('proportional split: stakers who stake the whole period get reward in proportion to stake', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.bigInt(parseEther('1'), parseEther('100000')), { minLength: 2, maxLength: 3 }),
        fc.bigInt(usdc('1'), usdc('1000000')),
        async (stakes, reward) => {
          const fx = await networkHelpers.loadFixture(deployFixture);
          const users = [fx.alice, fx.bob, fx.carol];
          for (const [i, amount] of stakes.entries()) {
            const u = users[i];
            assert.ok(u);
            await fx.staking.write.stake([amount], { account: u.account });
          }
          await fund(fx, reward);
          await time.increase(WEEK + 1n);
          const total = stakes.reduce((x, y) => x + y, 0n);
          let sum = 0n;
          for (const [i, amount] of stakes.entries()) {
            const u = users[i];
            assert.ok(u);
            const e = await fx.staking.read.earned([u.account.address]);
            const ideal = (reward * amount) / total;
            assert.ok(e <= ideal + 1n && ideal - e <= 3n, `earned ${e} ideal ${ideal}`);
            sum += e;
          }
          assert.ok(sum <= reward);
        },
      ),
      { numRuns: 30 },
    );
  });
});
