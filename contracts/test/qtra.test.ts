import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { network } from 'hardhat';
import { getAddress, keccak256, parseEther, parseSignature, toHex, zeroAddress } from 'viem';

const { viem, networkHelpers } = await network.create();
type Wallet = Awaited<ReturnType<typeof viem.getWalletClients>>[number];

const MAX_SUPPLY = parseEther('1000000000');
const MINTER_ROLE = keccak256(toHex('MINTER_ROLE'));
const DEFAULT_ADMIN_ROLE = `0x${'00'.repeat(32)}` as const;

async function deployFixture() {
  const [admin, alice, bob] = (await viem.getWalletClients()) as [Wallet, Wallet, Wallet];
  const qtra = await viem.deployContract('QTRA', [admin.account.address]);
  const qtraAsAlice = await viem.getContractAt('QTRA', qtra.address, { client: { wallet: alice } });
  const qtraAsBob = await viem.getContractAt('QTRA', qtra.address, { client: { wallet: bob } });
  return { qtra, qtraAsAlice, qtraAsBob, admin, alice, bob };
}

describe('QTRA', () => {
  it('has name, symbol, 18 decimals, the 1e9 cap and grants admin + minter to the deployer', async () => {
    const { qtra, admin } = await networkHelpers.loadFixture(deployFixture);
    assert.equal(await qtra.read.name(), 'QuantaTrade');
    assert.equal(await qtra.read.symbol(), 'QTRA');
    assert.equal(await qtra.read.decimals(), 18);
    assert.equal(await qtra.read.cap(), MAX_SUPPLY);
    assert.equal(await qtra.read.MAX_SUPPLY(), MAX_SUPPLY);
    assert.equal(await qtra.read.totalSupply(), 0n);
    assert.equal(await qtra.read.MINTER_ROLE(), MINTER_ROLE);
    assert.equal(await qtra.read.hasRole([DEFAULT_ADMIN_ROLE, admin.account.address]), true);
    assert.equal(await qtra.read.hasRole([MINTER_ROLE, admin.account.address]), true);
  });

  it('rejects a zero admin at deployment', async () => {
    await assert.rejects(viem.deployContract('QTRA', [zeroAddress]), /ZeroAddress/);
  });

  it('mints exactly up to the cap and rejects one wei more', async () => {
    const { qtra, alice } = await networkHelpers.loadFixture(deployFixture);
    await viem.assertions.emitWithArgs(
      qtra.write.mint([alice.account.address, MAX_SUPPLY - 1n]),
      qtra,
      'Transfer',
      [zeroAddress, getAddress(alice.account.address), MAX_SUPPLY - 1n],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      qtra.write.mint([alice.account.address, 2n]),
      qtra,
      'ERC20ExceededCap',
      [MAX_SUPPLY + 1n, MAX_SUPPLY],
    );
    await qtra.write.mint([alice.account.address, 1n]);
    assert.equal(await qtra.read.totalSupply(), MAX_SUPPLY);
    await viem.assertions.revertWithCustomError(
      qtra.write.mint([alice.account.address, 1n]),
      qtra,
      'ERC20ExceededCap',
    );
  });

  it('burning frees room under the cap (cap bounds the live supply)', async () => {
    const { qtra, qtraAsAlice, alice } = await networkHelpers.loadFixture(deployFixture);
    await qtra.write.mint([alice.account.address, MAX_SUPPLY]);
    await qtraAsAlice.write.burn([parseEther('10')]);
    assert.equal(await qtra.read.totalSupply(), MAX_SUPPLY - parseEther('10'));
    await qtra.write.mint([alice.account.address, parseEther('10')]);
    assert.equal(await qtra.read.totalSupply(), MAX_SUPPLY);
  });

  it('only MINTER_ROLE can mint; roles are granted and revoked by the admin', async () => {
    const { qtra, qtraAsAlice, alice, bob } = await networkHelpers.loadFixture(deployFixture);
    await viem.assertions.revertWithCustomErrorWithArgs(
      qtraAsAlice.write.mint([alice.account.address, 1n]),
      qtra,
      'AccessControlUnauthorizedAccount',
      [getAddress(alice.account.address), MINTER_ROLE],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      qtraAsAlice.write.grantRole([MINTER_ROLE, alice.account.address]),
      qtra,
      'AccessControlUnauthorizedAccount',
      [getAddress(alice.account.address), DEFAULT_ADMIN_ROLE],
    );
    await qtra.write.grantRole([MINTER_ROLE, alice.account.address]);
    await qtraAsAlice.write.mint([bob.account.address, 5n]);
    assert.equal(await qtra.read.balanceOf([bob.account.address]), 5n);
    await qtra.write.revokeRole([MINTER_ROLE, alice.account.address]);
    await viem.assertions.revertWithCustomError(
      qtraAsAlice.write.mint([bob.account.address, 1n]),
      qtra,
      'AccessControlUnauthorizedAccount',
    );
  });

  it('the deployer can renounce minting for good', async () => {
    const { qtra, admin, alice } = await networkHelpers.loadFixture(deployFixture);
    await qtra.write.renounceRole([MINTER_ROLE, admin.account.address]);
    await viem.assertions.revertWithCustomError(
      qtra.write.mint([alice.account.address, 1n]),
      qtra,
      'AccessControlUnauthorizedAccount',
    );
  });

  it('burn and burnFrom reduce supply and respect allowances', async () => {
    const { qtra, qtraAsAlice, qtraAsBob, alice, bob } = await networkHelpers.loadFixture(deployFixture);
    await qtra.write.mint([alice.account.address, parseEther('100')]);
    await qtraAsAlice.write.burn([parseEther('40')]);
    assert.equal(await qtra.read.balanceOf([alice.account.address]), parseEther('60'));
    assert.equal(await qtra.read.totalSupply(), parseEther('60'));

    await viem.assertions.revertWithCustomError(
      qtraAsBob.write.burnFrom([alice.account.address, 1n]),
      qtra,
      'ERC20InsufficientAllowance',
    );
    await qtraAsAlice.write.approve([bob.account.address, parseEther('10')]);
    await qtraAsBob.write.burnFrom([alice.account.address, parseEther('10')]);
    assert.equal(await qtra.read.balanceOf([alice.account.address]), parseEther('50'));
    assert.equal(await qtra.read.allowance([alice.account.address, bob.account.address]), 0n);
    await viem.assertions.revertWithCustomError(
      qtraAsAlice.write.burn([parseEther('51')]),
      qtra,
      'ERC20InsufficientBalance',
    );
  });

  describe('permit (EIP-2612)', () => {
    async function signPermit(
      f: Awaited<ReturnType<typeof deployFixture>>,
      value: bigint,
      deadline: bigint,
      nonce?: bigint,
    ) {
      const publicClient = await viem.getPublicClient();
      const chainId = await publicClient.getChainId();
      const signature = await f.alice.signTypedData({
        account: f.alice.account,
        domain: { name: 'QuantaTrade', version: '1', chainId, verifyingContract: f.qtra.address },
        types: {
          Permit: [
            { name: 'owner', type: 'address' },
            { name: 'spender', type: 'address' },
            { name: 'value', type: 'uint256' },
            { name: 'nonce', type: 'uint256' },
            { name: 'deadline', type: 'uint256' },
          ],
        },
        primaryType: 'Permit',
        message: {
          owner: f.alice.account.address,
          spender: f.bob.account.address,
          value,
          nonce: nonce ?? (await f.qtra.read.nonces([f.alice.account.address])),
          deadline,
        },
      });
      const { r, s, yParity } = parseSignature(signature);
      return { r, s, v: yParity + 27 };
    }

    it('sets the allowance from a signature, bumps the nonce and rejects replay', async () => {
      const f = await networkHelpers.loadFixture(deployFixture);
      const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
      const { r, s, v } = await signPermit(f, parseEther('7'), deadline);
      // Anyone (here bob) can submit the permit.
      await f.qtraAsBob.write.permit([
        f.alice.account.address,
        f.bob.account.address,
        parseEther('7'),
        deadline,
        v,
        r,
        s,
      ]);
      assert.equal(
        await f.qtra.read.allowance([f.alice.account.address, f.bob.account.address]),
        parseEther('7'),
      );
      assert.equal(await f.qtra.read.nonces([f.alice.account.address]), 1n);
      await viem.assertions.revertWithCustomError(
        f.qtraAsBob.write.permit([
          f.alice.account.address,
          f.bob.account.address,
          parseEther('7'),
          deadline,
          v,
          r,
          s,
        ]),
        f.qtra,
        'ERC2612InvalidSigner',
      );
      // The allowance works with transferFrom.
      await f.qtra.write.mint([f.alice.account.address, parseEther('7')]);
      await f.qtraAsBob.write.transferFrom([f.alice.account.address, f.bob.account.address, parseEther('7')]);
      assert.equal(await f.qtra.read.balanceOf([f.bob.account.address]), parseEther('7'));
    });

    it('rejects an expired permit and a permit for a different value', async () => {
      const f = await networkHelpers.loadFixture(deployFixture);
      const now = BigInt(await networkHelpers.time.latest());
      const expired = await signPermit(f, 1n, now - 1n);
      await viem.assertions.revertWithCustomError(
        f.qtraAsBob.write.permit([
          f.alice.account.address,
          f.bob.account.address,
          1n,
          now - 1n,
          expired.v,
          expired.r,
          expired.s,
        ]),
        f.qtra,
        'ERC2612ExpiredSignature',
      );
      const sig = await signPermit(f, 1n, now + 100n);
      await viem.assertions.revertWithCustomError(
        f.qtraAsBob.write.permit([
          f.alice.account.address,
          f.bob.account.address,
          2n,
          now + 100n,
          sig.v,
          sig.r,
          sig.s,
        ]),
        f.qtra,
        'ERC2612InvalidSigner',
      );
    });

    it('exposes the EIP-712 domain', async () => {
      const { qtra } = await networkHelpers.loadFixture(deployFixture);
      const [, name, version, , verifyingContract] = await qtra.read.eip712Domain();
      assert.equal(name, 'QuantaTrade');
      assert.equal(version, '1');
      assert.equal(getAddress(verifyingContract), getAddress(qtra.address));
      assert.equal(await qtra.read.supportsInterface(['0x7965db0b']), true); // IAccessControl
    });
  });
});
