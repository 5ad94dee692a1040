import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
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
import {
  buildVestingTree,
  parseAllocations,
  parseAllocationsCsv,
  toVestingLeaf,
  VESTING_LEAF_TYPES,
  vestingTreeToJson,
  type VestingAllocation,
} from './helpers/allowlist.ts';

const { viem, networkHelpers } = await network.create();
type Wallet = Awaited<ReturnType<typeof viem.getWalletClients>>[number];
const { time } = networkHelpers;

const DAY = 86_400n;
const MONTH = 30n * DAY;
const PAUSER_ROLE = keccak256(toHex('PAUSER_ROLE'));

/** Same formula as VestingMath.vestedAmount. */
function expectedVested(a: VestingAllocation, start: bigint, t: bigint) {
  if (t < start) return 0n;
  const tge = (a.amount * BigInt(a.tgeBps)) / 10_000n;
  const linearStart = start + a.cliff;
  if (t < linearStart) return tge;
  const elapsed = t - linearStart;
  if (elapsed >= a.duration) return a.amount;
  return tge + ((a.amount - tge) * elapsed) / a.duration;
}

async function deployFixture() {
  const [admin, treasury, alice, bob, carol, keeper] = (await viem.getWalletClients()) as [
    Wallet,
    Wallet,
    Wallet,
    Wallet,
    Wallet,
    Wallet,
  ];
  const qtra = await viem.deployContract('QTRA', [admin.account.address]);
  const vesting = await viem.deployContract('MerkleVesting', [
    admin.account.address,
    qtra.address,
    treasury.account.address,
  ]);
  await qtra.write.mint([admin.account.address, parseEther('100000000')]);
  await qtra.write.approve([vesting.address, 2n ** 256n - 1n]);

  const a = (
    index: bigint,
    who: { account: { address: Address } },
    amount: string,
    tgeBps: number,
    cliff: bigint,
    duration: bigint,
    revocable: boolean,
  ): VestingAllocation => ({
    index,
    account: who.account.address,
    amount: parseEther(amount),
    tgeBps,
    cliff,
    duration,
    revocable,
  });

  const team = buildVestingTree([
    a(0n, alice, '1000000', 0, 12n * MONTH, 24n * MONTH, true), // team: 1y cliff, 2y linear, revocable
    a(1n, bob, '500000', 1000, 6n * MONTH, 12n * MONTH, false), // 10% TGE, 6m cliff, 12m linear
    a(2n, carol, '250000', 0, 0n, 0n, true), // fully vested at start
    a(3n, alice, '100000', 2500, 0n, 6n * MONTH, false), // a second leaf for the same account
  ]);
  const advisors = buildVestingTree([
    a(0n, alice, '50000', 500, 3n * MONTH, 9n * MONTH, true),
    a(7n, bob, '20000', 0, 0n, 12n * MONTH, false),
  ]);
  const t0 = BigInt(await time.latest());
  const teamStart = t0 + 10n * DAY;
  const advisorsStart = t0 + 40n * DAY;
  await vesting.write.createSchedule([team.root, teamStart, team.total]);
  await vesting.write.createSchedule([advisors.root, advisorsStart, advisors.total]);

  const as = async (wallet: typeof alice) =>
    viem.getContractAt('MerkleVesting', vesting.address, { client: { wallet } });
  return {
    qtra,
    vesting,
    vAs: { alice: await as(alice), bob: await as(bob), keeper: await as(keeper) },
    admin,
    treasury,
    alice,
    bob,
    carol,
    keeper,
    team,
    advisors,
    teamStart,
    advisorsStart,
    t0,
  };
}

async function at(t: bigint) {
  await time.setNextBlockTimestamp(t);
}

const addr = (w: { account: { address: Address } }) => getAddress(w.account.address);

describe('MerkleVesting', () => {
  describe('deployment and schedules', () => {
    it('rejects zero constructor addresses and grants roles', async () => {
      const { vesting, qtra, admin, treasury } = await networkHelpers.loadFixture(deployFixture);
      for (const args of [
        [zeroAddress, qtra.address, treasury.account.address],
        [admin.account.address, zeroAddress, treasury.account.address],
        [admin.account.address, qtra.address, zeroAddress],
      ] as const) {
        await assert.rejects(viem.deployContract('MerkleVesting', [...args]), /ZeroAddress/);
      }
      assert.equal(await vesting.read.hasRole([zeroHash, admin.account.address]), true);
      assert.equal(await vesting.read.hasRole([PAUSER_ROLE, admin.account.address]), true);
      assert.equal(getAddress(await vesting.read.token()), getAddress(qtra.address));
      assert.equal(getAddress(await vesting.read.treasury()), addr(treasury));
    });

    it('creates funded schedules with their own start and emits ScheduleCreated', async () => {
      const { vesting, qtra, team, advisors, teamStart, advisorsStart } =
        await networkHelpers.loadFixture(deployFixture);
      assert.equal(await vesting.read.scheduleCount(), 2n);
      assert.deepEqual(await vesting.read.getSchedule([0n]), {
        merkleRoot: team.root,
        start: teamStart,
        funded: team.total,
        released: 0n,
      });
      assert.equal((await vesting.read.getSchedule([1n])).start, advisorsStart);
      assert.equal(await qtra.read.balanceOf([vesting.address]), team.total + advisors.total);
      await viem.assertions.emitWithArgs(
        vesting.write.createSchedule([advisors.root, advisorsStart + 1n, 5n]),
        vesting,
        'ScheduleCreated',
        [2n, advisors.root, advisorsStart + 1n, 5n],
      );
    });

    it('validates schedule creation and restricts it to the admin', async () => {
      const { vesting, vAs, team, teamStart, qtra } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomError(
        vesting.write.createSchedule([zeroHash, teamStart, 1n]),
        vesting,
        'InvalidMerkleRoot',
      );
      await viem.assertions.revertWithCustomError(
        vesting.write.createSchedule([team.root, 0n, 1n]),
        vesting,
        'InvalidStart',
      );
      await viem.assertions.revertWithCustomError(
        vesting.write.createSchedule([team.root, teamStart, 0n]),
        vesting,
        'ZeroAmount',
      );
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.createSchedule([team.root, teamStart, 1n]),
        vesting,
        'AccessControlUnauthorizedAccount',
      );
      await qtra.write.approve([vesting.address, 0n]);
      await viem.assertions.revertWithCustomError(
        vesting.write.createSchedule([team.root, teamStart, 1n]),
        qtra,
        'ERC20InsufficientAllowance',
      );
    });

    it('leafHash matches the StandardMerkleTree leaf', async () => {
      const { vesting, team } = await networkHelpers.loadFixture(deployFixture);
      for (const alloc of team.allocations) {
        assert.equal(await vesting.read.leafHash([alloc]), team.tree.leafHash(toVestingLeaf(alloc)));
      }
    });
  });

  describe('vesting curve', () => {
    it('0 before start, TGE part until the cliff ends, linear after, 100% at the end', async () => {
      const { vesting, team, teamStart } = await networkHelpers.loadFixture(deployFixture);
      const bob = team.allocation(1n); // 10% TGE, 6m cliff, 12m linear
      const v = (t: bigint) => vesting.read.vestedAmount([0n, bob, t]);
      const tgePart = parseEther('50000');
      assert.equal(await v(teamStart - 1n), 0n);
      assert.equal(await v(teamStart), tgePart);
      assert.equal(await v(teamStart + bob.cliff - 1n), tgePart);
      assert.equal(await v(teamStart + bob.cliff), tgePart); // linear starts at the END of the cliff
      assert.equal(
        await v(teamStart + bob.cliff + 1n),
        expectedVested(bob, teamStart, teamStart + bob.cliff + 1n),
      );
      assert.equal(await v(teamStart + bob.cliff + bob.duration / 2n), tgePart + parseEther('225000'));
      assert.equal(
        await v(teamStart + bob.cliff + bob.duration - 1n),
        expectedVested(bob, teamStart, teamStart + bob.cliff + bob.duration - 1n),
      );
      assert.equal(await v(teamStart + bob.cliff + bob.duration), bob.amount);
      assert.equal(await v(teamStart + 100n * bob.duration), bob.amount);

      const alice = team.allocation(0n); // no TGE, 12m cliff
      assert.equal(await vesting.read.vestedAmount([0n, alice, teamStart]), 0n);
      assert.equal(
        await vesting.read.vestedAmount([0n, alice, teamStart + alice.cliff + alice.duration / 4n]),
        alice.amount / 4n,
      );
      const carol = team.allocation(2n); // no cliff, no duration: all at start
      assert.equal(await vesting.read.vestedAmount([0n, carol, teamStart - 1n]), 0n);
      assert.equal(await vesting.read.vestedAmount([0n, carol, teamStart]), carol.amount);
      await viem.assertions.revertWithCustomErrorWithArgs(
        vesting.read.vestedAmount([5n, carol, teamStart]),
        vesting,
        'UnknownSchedule',
        [5n],
      );
    });
  });

  describe('claims', () => {
    it("claims by index, to the leaf's account, from any caller; no double claim", async () => {
      const { vesting, vAs, qtra, team, alice, teamStart } = await networkHelpers.loadFixture(deployFixture);
      const leaf = team.allocation(3n); // alice, 25% TGE, 6 months linear
      const proof = team.proof(3n);
      await at(teamStart - 1n);
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.claim([0n, leaf, proof]),
        vesting,
        'NothingToClaim',
      );
      await at(teamStart);
      await viem.assertions.emitWithArgs(vAs.keeper.write.claim([0n, leaf, proof]), vesting, 'Claimed', [
        0n,
        3n,
        addr(alice),
        parseEther('25000'),
      ]);
      assert.equal(await qtra.read.balanceOf([alice.account.address]), parseEther('25000'));
      assert.equal(await vesting.read.claimed([0n, 3n]), parseEther('25000'));
      assert.equal(await vesting.read.claimable([0n, leaf, proof]), 0n);
      // One second later only that second's linear share is new.
      await at(teamStart + 1n);
      await vAs.alice.write.claim([0n, leaf, proof]);
      assert.equal(await vesting.read.claimed([0n, 3n]), expectedVested(leaf, teamStart, teamStart + 1n));
      // Bob's leaf is in its cliff: after the TGE part, a second claim has nothing to take.
      const bobLeaf = team.allocation(1n);
      await at(teamStart + 2n);
      await vAs.keeper.write.claim([0n, bobLeaf, team.proof(1n)]);
      await at(teamStart + 3n);
      await viem.assertions.revertWithCustomError(
        vAs.bob.write.claim([0n, bobLeaf, team.proof(1n)]),
        vesting,
        'NothingToClaim',
      );
      assert.equal(await vesting.read.claimable([0n, bobLeaf, team.proof(1n)]), 0n);

      const half = teamStart + leaf.duration / 2n;
      await at(half);
      await vAs.alice.write.claim([0n, leaf, proof]);
      assert.equal(await qtra.read.balanceOf([alice.account.address]), expectedVested(leaf, teamStart, half));
      await at(teamStart + leaf.duration + 5n);
      await vAs.alice.write.claim([0n, leaf, proof]);
      assert.equal(await qtra.read.balanceOf([alice.account.address]), leaf.amount);
      assert.equal(await vesting.read.claimed([0n, 3n]), leaf.amount);
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.claim([0n, leaf, proof]),
        vesting,
        'NothingToClaim',
      );
      assert.equal((await vesting.read.getSchedule([0n])).released, leaf.amount + parseEther('50000'));
      // Alice's other leaf (index 0) is untouched.
      assert.equal(await vesting.read.claimed([0n, 0n]), 0n);
    });

    it('schedules are independent: same index, own start and funding', async () => {
      const { vesting, vAs, qtra, advisors, alice, teamStart, advisorsStart } =
        await networkHelpers.loadFixture(deployFixture);
      const adv = advisors.allocation(0n);
      await at(teamStart + 1n);
      // Advisors have not started yet.
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.claim([1n, adv, advisors.proof(0n)]),
        vesting,
        'NothingToClaim',
      );
      await at(advisorsStart);
      await vAs.alice.write.claim([1n, adv, advisors.proof(0n)]);
      assert.equal(await vesting.read.claimed([1n, 0n]), parseEther('2500'));
      assert.equal(await vesting.read.claimed([0n, 0n]), 0n);
      assert.equal(await qtra.read.balanceOf([alice.account.address]), parseEther('2500'));
    });

    it('rejects bad proofs: wrong account, wrong amount, wrong schedule, malformed; unknown schedule', async () => {
      const { vesting, vAs, team, advisors, bob, teamStart } =
        await networkHelpers.loadFixture(deployFixture);
      await at(teamStart + 365n * DAY);
      const leaf = team.allocation(0n);
      const proof = team.proof(0n);
      const bad: [VestingAllocation, Hex[], bigint][] = [
        [{ ...leaf, account: bob.account.address }, proof, 0n], // wrong account
        [{ ...leaf, amount: leaf.amount + 1n }, proof, 0n], // wrong amount
        [{ ...leaf, revocable: false }, proof, 0n], // flag flipped
        [{ ...leaf, index: 1n }, proof, 0n], // wrong index
        [leaf, proof, 1n], // right leaf, other schedule
        [leaf, [], 0n], // empty proof
        [leaf, [...proof, zeroHash], 0n], // extra element
        [leaf, advisors.proof(0n), 0n], // another tree's proof
      ];
      for (const [l, p, id] of bad) {
        await viem.assertions.revertWithCustomError(vAs.bob.write.claim([id, l, p]), vesting, 'InvalidProof');
      }
      await viem.assertions.revertWithCustomError(
        vesting.read.claimable([0n, { ...leaf, amount: 1n }, proof]),
        vesting,
        'InvalidProof',
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        vAs.bob.write.claim([9n, leaf, proof]),
        vesting,
        'UnknownSchedule',
        [9n],
      );
    });

    it('rejects a leaf with tgeBps > 100% even if it is in the tree', async () => {
      const { vesting, alice, teamStart } = await networkHelpers.loadFixture(deployFixture);
      const badLeaf: VestingAllocation = {
        index: 0n,
        account: alice.account.address,
        amount: 100n,
        tgeBps: 10_001,
        cliff: 0n,
        duration: 0n,
        revocable: false,
      };
      const other = { ...badLeaf, index: 1n, tgeBps: 0 };
      const tree = StandardMerkleTree.of(
        [toVestingLeaf(badLeaf), toVestingLeaf(other)],
        [...VESTING_LEAF_TYPES],
      );
      await vesting.write.createSchedule([tree.root as Hex, teamStart, 200n]);
      await at(teamStart);
      await viem.assertions.revertWithCustomError(
        vesting.write.claim([2n, badLeaf, tree.getProof(0) as Hex[]]),
        vesting,
        'InvalidTgeBps',
      );
      await vesting.write.claim([2n, other, tree.getProof(1) as Hex[]]);
    });

    it('a schedule never pays more than its own funding', async () => {
      const { vesting, vAs, qtra, alice, bob, teamStart, team, advisors } =
        await networkHelpers.loadFixture(deployFixture);
      const under = buildVestingTree([
        {
          index: 0n,
          account: alice.account.address,
          amount: 600n,
          tgeBps: 10_000,
          cliff: 0n,
          duration: 0n,
          revocable: false,
        },
        {
          index: 1n,
          account: bob.account.address,
          amount: 600n,
          tgeBps: 10_000,
          cliff: 0n,
          duration: 0n,
          revocable: true,
        },
      ]);
      await vesting.write.createSchedule([under.root, teamStart, 1000n]); // 200 short
      await at(teamStart);
      await vAs.alice.write.claim([2n, under.allocation(0n), under.proof(0n)]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        vAs.bob.write.claim([2n, under.allocation(1n), under.proof(1n)]),
        vesting,
        'ScheduleUnderfunded',
        [2n, 600n, 400n],
      );
      // The other schedules' tokens are still all there.
      assert.equal(await qtra.read.balanceOf([vesting.address]), team.total + advisors.total + 400n);
    });

    it('pause blocks claims (PAUSER_ROLE only)', async () => {
      const { vesting, vAs, team, teamStart } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.pause(),
        vesting,
        'AccessControlUnauthorizedAccount',
      );
      await vesting.write.pause();
      await at(teamStart);
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.claim([0n, team.allocation(3n), team.proof(3n)]),
        vesting,
        'EnforcedPause',
      );
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.unpause(),
        vesting,
        'AccessControlUnauthorizedAccount',
      );
      await vesting.write.unpause();
      await vAs.alice.write.claim([0n, team.allocation(3n), team.proof(3n)]);
    });
  });

  describe('revocation', () => {
    it('freezes vesting at the revocation time, returns the unvested rest, keeps the vested part claimable', async () => {
      const { vesting, vAs, qtra, team, alice, treasury, teamStart } =
        await networkHelpers.loadFixture(deployFixture);
      const leaf = team.allocation(0n); // 1,000,000, 12m cliff, 24m linear
      const proof = team.proof(0n);
      const partial = teamStart + leaf.cliff + leaf.duration / 4n; // 25% vested
      await at(partial - 10n);
      await vAs.alice.write.claim([0n, leaf, proof]);
      const claimedBefore = await qtra.read.balanceOf([alice.account.address]);
      await at(partial);
      await viem.assertions.emitWithArgs(vesting.write.revoke([0n, leaf, proof]), vesting, 'Revoked', [
        0n,
        0n,
        addr(alice),
        parseEther('250000'),
        parseEther('750000'),
      ]);
      assert.equal(await qtra.read.balanceOf([treasury.account.address]), parseEther('750000'));
      assert.equal(await vesting.read.revokedAt([0n, 0n]), partial);
      // Vesting is frozen...
      assert.equal(await vesting.read.vestedAmount([0n, leaf, partial + 365n * DAY]), parseEther('250000'));
      assert.equal(
        await vesting.read.vestedAmount([0n, leaf, partial - 1n]),
        expectedVested(leaf, teamStart, partial - 1n),
      );
      // ...and the vested-but-unclaimed part stays claimable.
      await at(partial + 365n * DAY);
      await vAs.alice.write.claim([0n, leaf, proof]);
      assert.equal(await qtra.read.balanceOf([alice.account.address]), parseEther('250000'));
      assert.ok(claimedBefore > 0n);
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.claim([0n, leaf, proof]),
        vesting,
        'NothingToClaim',
      );
      const s = await vesting.read.getSchedule([0n]);
      assert.equal(s.released, parseEther('1000000'));
      // Twice: rejected.
      await viem.assertions.revertWithCustomErrorWithArgs(
        vesting.write.revoke([0n, leaf, proof]),
        vesting,
        'AlreadyRevoked',
        [0n, 0n],
      );
    });

    it('revoking before start returns everything; after full vesting returns nothing', async () => {
      const { vesting, vAs, qtra, team, advisors, treasury, carol, teamStart, advisorsStart } =
        await networkHelpers.loadFixture(deployFixture);
      const adv = advisors.allocation(0n);
      await at(teamStart + 1n); // advisors start later
      await vesting.write.revoke([1n, adv, advisors.proof(0n)]);
      assert.equal(await qtra.read.balanceOf([treasury.account.address]), adv.amount);
      await at(advisorsStart + 400n * DAY);
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.claim([1n, adv, advisors.proof(0n)]),
        vesting,
        'NothingToClaim',
      );

      // Carol's leaf is fully vested at start: revocation returns 0 and she keeps everything.
      const c = team.allocation(2n);
      await viem.assertions.emitWithArgs(vesting.write.revoke([0n, c, team.proof(2n)]), vesting, 'Revoked', [
        0n,
        2n,
        addr(carol),
        c.amount,
        0n,
      ]);
      assert.equal(await qtra.read.balanceOf([treasury.account.address]), adv.amount);
      await vAs.keeper.write.claim([0n, c, team.proof(2n)]);
      assert.equal(await qtra.read.balanceOf([carol.account.address]), c.amount);
    });

    it('rejects non-revocable leaves, bad proofs and non-admins', async () => {
      const { vesting, vAs, team, teamStart } = await networkHelpers.loadFixture(deployFixture);
      await at(teamStart);
      await viem.assertions.revertWithCustomErrorWithArgs(
        vesting.write.revoke([0n, team.allocation(1n), team.proof(1n)]),
        vesting,
        'NotRevocable',
        [0n, 1n],
      );
      await viem.assertions.revertWithCustomError(
        vesting.write.revoke([0n, { ...team.allocation(1n), revocable: true }, team.proof(1n)]),
        vesting,
        'InvalidProof',
      );
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.revoke([0n, team.allocation(0n), team.proof(0n)]),
        vesting,
        'AccessControlUnauthorizedAccount',
      );
    });

    it('setTreasury: zero rejected, event, revocations pay the new treasury', async () => {
      const { vesting, vAs, qtra, team, treasury, keeper, teamStart } =
        await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomError(
        vesting.write.setTreasury([zeroAddress]),
        vesting,
        'ZeroAddress',
      );
      await viem.assertions.revertWithCustomError(
        vAs.alice.write.setTreasury([keeper.account.address]),
        vesting,
        'AccessControlUnauthorizedAccount',
      );
      await viem.assertions.emitWithArgs(
        vesting.write.setTreasury([keeper.account.address]),
        vesting,
        'TreasuryChanged',
        [addr(treasury), addr(keeper)],
      );
      await at(teamStart);
      await vesting.write.revoke([0n, team.allocation(0n), team.proof(0n)]);
      assert.equal(await qtra.read.balanceOf([keeper.account.address]), parseEther('1000000'));
    });
  });

  describe('tree helpers', () => {
    it('parse CSV/JSON and validate allocations', async () => {
      const csv = `index,account,amount,tgeBps,cliff,duration,revocable
# comment
0,0x70997970c51812dc3a010c7d01b50e0d17dc79c8,1000,500,10,20,true
5,0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC,2000,0,0,0,no`;
      const parsed = parseAllocationsCsv(csv);
      assert.equal(parsed.length, 2);
      assert.equal(parsed[0]!.account, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
      assert.equal(parsed[1]!.index, 5n);
      assert.equal(parsed[1]!.revocable, false);
      const tree = buildVestingTree(parsed);
      assert.equal(tree.total, 3000n);
      const json = vestingTreeToJson(tree);
      assert.equal(json.root, tree.root);
      assert.equal(json.claims.length, 2);
      assert.ok(
        StandardMerkleTree.verify(
          tree.root,
          [...VESTING_LEAF_TYPES],
          toVestingLeaf(parsed[1]!),
          json.claims[1]!.proof,
        ),
      );
      const fromJson = parseAllocations([
        { account: parsed[0]!.account, amount: '7', tgeBps: 1, revocable: true },
      ]);
      assert.equal(fromJson[0]!.index, 0n);
      assert.throws(() => buildVestingTree([...parsed, { ...parsed[0]! }]), /duplicate index/);
      assert.throws(() => buildVestingTree([{ ...parsed[0]!, tgeBps: 10_001 }]), /tgeBps/);
      assert.throws(() => buildVestingTree([{ ...parsed[0]!, amount: 0n }]), /amount/);
      assert.throws(() => parseAllocationsCsv('index,account\n'), /header line/);
      assert.throws(() => parseAllocations([{ account: '0x1234', amount: '1' }]), /bad address/);
    });
  });

  describe('property: never releases more than vested or allocated', () => {
    it('random time jumps, claims and revocations keep claimed == vested(at claim) <= amount', async () => {
      await networkHelpers.loadFixture(deployFixture);
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              jump: fc.bigInt({ min: 0n, max: 200n * DAY }),
              index: fc.constantFrom(0n, 1n, 2n, 3n),
              revoke: fc.boolean(),
            }),
            { minLength: 1, maxLength: 10 },
          ),
          async (steps) => {
            const f = await networkHelpers.loadFixture(deployFixture);
            const claimedModel = new Map<bigint, bigint>();
            const revokedModel = new Map<bigint, bigint>();
            let returned = 0n;
            let now = f.teamStart - 5n * DAY;
            for (const s of steps) {
              now += s.jump + 1n;
              await at(now);
              const leaf = f.team.allocation(s.index);
              const proof = f.team.proof(s.index);
              const frozenAt = revokedModel.get(s.index);
              const effective = frozenAt !== undefined && now > frozenAt ? frozenAt : now;
              const vested = expectedVested(leaf, f.teamStart, effective);
              if (s.revoke && leaf.revocable && frozenAt === undefined) {
                await f.vesting.write.revoke([0n, leaf, proof]);
                revokedModel.set(s.index, now);
                returned += leaf.amount - vested;
              } else {
                const due = vested - (claimedModel.get(s.index) ?? 0n);
                if (due === 0n) {
                  await viem.assertions.revertWithCustomError(
                    f.vAs.keeper.write.claim([0n, leaf, proof]),
                    f.vesting,
                    'NothingToClaim',
                  );
                } else {
                  await f.vAs.keeper.write.claim([0n, leaf, proof]);
                  claimedModel.set(s.index, vested);
                }
              }
              const onChain = await f.vesting.read.claimed([0n, s.index]);
              assert.equal(onChain, claimedModel.get(s.index) ?? 0n);
              assert.ok(onChain <= leaf.amount);
            }
            const totalClaimed = [...claimedModel.values()].reduce((a, b) => a + b, 0n);
            const schedule = await f.vesting.read.getSchedule([0n]);
            assert.equal(schedule.released, totalClaimed + returned);
            assert.ok(schedule.released <= schedule.funded);
            assert.equal(
              await f.qtra.read.balanceOf([f.vesting.address]),
              f.team.total + f.advisors.total - totalClaimed - returned,
            );
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});
