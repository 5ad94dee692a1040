// Exercises a KNOWN SUBSET of the branches of contracts/mocks/CoverageFixture.sol. The branch
// coverage tool's own test (scripts/coverage.test.ts) runs this file under coverage and asserts
// the tool reports exactly these outcomes. Keep the two files in sync.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { network } from 'hardhat';

describe('CoverageFixture (branch-coverage tool fixture)', async () => {
  const { viem } = await network.create();
  const fixture = await viem.deployContract('CoverageFixture');

  it('guarded: if true (revert) and if false', async () => {
    await fixture.write.guarded([5n]);
    await assert.rejects(fixture.write.guarded([500n]));
  });

  it('classify: outer if true and false, inner if true only', async () => {
    assert.equal(await fixture.read.classify([0n]), 1n);
    assert.equal(await fixture.read.classify([5n]), 2n);
  });

  it('pick: ternary true only', async () => {
    assert.equal(await fixture.read.pick([true]), 1n);
  });

  it('both: && left false only (short-circuit)', async () => {
    assert.equal(await fixture.read.both([false, true]), false);
  });

  // either(): never called, 0 of 2.

  it('checked: require passes only', async () => {
    assert.equal(await fixture.read.checked([1n]), 1n);
  });

  it('countEven: if true and false inside one transaction', async () => {
    await fixture.write.countEven([3n]);
    assert.equal(await fixture.read.total(), 2n); // i = 0 and i = 2
  });

  it('tryGuarded: success clause only', async () => {
    await fixture.write.tryGuarded([1n]);
  });
});
