// Tests of the branch-coverage tool (scripts/coverage.ts + scripts/coverage/).
//   node --import tsx --test scripts/coverage.test.ts        (from contracts/; ~1 min)
// The end-to-end test runs the real Hardhat coverage run on contracts/mocks/CoverageFixture.sol
// with test/coverage-tool/fixture.exercise.ts, which takes a known subset of its branches, and
// checks the tool reports exactly that subset. It replaces coverage/ (do not run it concurrently
// with another coverage run).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findBranchPoints, parseSolidity } from './coverage/branches.ts';
import { addBranchProbes } from './coverage/solidity-hooks.ts';
import { isExcluded, type Summary } from './coverage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = 'contracts/mocks/CoverageFixture.sol';

describe('branch points (solc AST)', () => {
  const src = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;
contract A {
    bool public constant K = true;
    uint256 public x = K ? 1 : 2;            // state variable initializer: not instrumentable
    // non-ASCII in comments (solc offsets are UTF-8 bytes): ≥ ≤ — é
    function f(uint256 a, bool b) external returns (uint256) {
        if (a > 1 && b) { x = a; } else if (b || a == 0) x = 2;
        require(a != 3);
        assert(a != 4);
        assembly { if iszero(a) { a := 1 } switch a case 1 { a := 2 } default { a := 3 } }
        try this.g() returns (uint256 v) { return v; } catch Error(string memory) { return 1; } catch { return 2; }
    }
    function g() external pure returns (uint256) { return 1; }
}
`;
  const points = findBranchPoints(parseSolidity(src));

  it('finds every kind, in document order', () => {
    assert.deepEqual(
      points.map((p) => `${p.kind}:${p.outcomes.length}:${p.instrumentable}`),
      [
        'ternary:2:false',
        'if:2:true',
        'and:2:true',
        'if:2:true',
        'or:2:true',
        'require:2:true',
        'assert:2:true',
        'yul:2:false',
        'yul:2:false',
        'try:3:true',
      ],
    );
  });

  it('probes the left operand of && and the whole condition of if', () => {
    const buf = Buffer.from(src);
    const text = (p: (typeof points)[number]) => buf.subarray(p.cond!.start, p.cond!.end).toString();
    assert.equal(text(points[1]!), 'a > 1 && b');
    assert.equal(text(points[2]!), 'a > 1');
  });

  it('rewrites conditions without changing them and nests probes correctly', () => {
    // Stand-in for EDR's output: the original text (no statement probes) plus the coverage import.
    const instrumented = `${src}\nimport "__NomicFoundationCoverage-x.sol";\n`;
    const { source, branches } = addBranchProbes('project/A.sol', src, instrumented);
    assert.match(
      source,
      /if \(__qtBranch_[0-9a-f]{12}\(__qtBranch_[0-9a-f]{12}\(a > 1, 0x[0-9a-f]{64}, 0x[0-9a-f]{64}\) && b, 0x[0-9a-f]{64}, 0x[0-9a-f]{64}\)\)/,
    );
    assert.match(source, /uint256 public x = K \? 1 : 2;/); // untouched
    assert.match(source, /catch \{__NomicFoundationCoverage\.sendHit\(0x[0-9a-f]{64}\); return 2; \}/);
    assert.equal(branches.filter((b) => !b.instrumentable).length, 3);
    assert.ok(branches.filter((b) => !b.instrumentable).every((b) => b.outcomes.every((o) => o.id === null)));
    // the rewritten text must still parse
    parseSolidity(source.replace(/import "__Nomic[^"]*";/, ''));
  });

  it('excludes mocks, tests and fixtures from the totals', () => {
    assert.equal(isExcluded('contracts/Staking.sol'), false);
    assert.equal(isExcluded('contracts/libraries/VestingMath.sol'), false);
    assert.equal(isExcluded('contracts/mocks/CoverageFixture.sol'), true);
    assert.equal(isExcluded('contracts/test/Helper.sol'), true);
    assert.equal(isExcluded('test/Foo.t.sol'), true);
  });
});

describe('end to end on CoverageFixture.sol', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/coverage.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  const first = run('--only', FIXTURE, '--', 'nodejs', 'test/coverage-tool/fixture.exercise.ts');
  const summary = JSON.parse(readFileSync(path.join(ROOT, 'coverage', 'summary.json'), 'utf8')) as Summary;
  const file = summary.files.find((f) => f.path === FIXTURE);

  it('ran the fixture tests and failed the thresholds (fixture is deliberately partial)', () => {
    assert.equal(summary.testsPassed, true, first.stdout + first.stderr);
    assert.equal(first.status, 1);
    assert.equal(summary.pass, false);
  });

  it('reports exactly the branch outcomes the fixture test takes', () => {
    assert.ok(file);
    const status = (line: number, outcome: string) =>
      file.branchDetails.find((d) => d.line === line && d.outcome === outcome)?.status;
    // guarded: if (x > 100) revert TooBig();  -> both (the revert is recorded)
    assert.equal(status(16, 'true'), 'taken');
    assert.equal(status(16, 'false'), 'taken');
    // classify: outer if both, inner else-if true only
    assert.equal(status(22, 'true'), 'taken');
    assert.equal(status(22, 'false'), 'taken');
    assert.equal(status(24, 'true'), 'taken');
    assert.equal(status(24, 'false'), 'not taken');
    // pick: ternary true only
    assert.equal(status(33, 'true'), 'taken');
    assert.equal(status(33, 'false'), 'not taken');
    // both: a && b with a == false only
    assert.equal(status(38, 'left true (right evaluated)'), 'not taken');
    assert.equal(status(38, 'left false (short-circuit)'), 'taken');
    // either: never called
    assert.equal(status(43, 'left true (short-circuit)'), 'not taken');
    assert.equal(status(43, 'left false (right evaluated)'), 'not taken');
    // checked: require passes only
    assert.equal(status(48, 'true (passes)'), 'taken');
    assert.equal(status(48, 'false (reverts)'), 'not taken');
    // countEven: implicit else inside a loop, both in ONE transaction
    assert.equal(status(55, 'true'), 'taken');
    assert.equal(status(55, 'false'), 'taken');
    // tryGuarded: success only
    assert.equal(status(62, 'success'), 'taken');
    assert.equal(status(62, 'catch'), 'not taken');
    assert.deepEqual(
      { hit: file.branches.hit, total: file.branches.total, unmeasured: file.branches.unmeasured },
      { hit: 11, total: 18, unmeasured: 0 },
    );
    assert.equal(summary.total.branches.pct, 61.11);
  });

  it('takes line coverage from Hardhat (lines 27, 43, 65 unexecuted)', () => {
    assert.ok(file);
    assert.deepEqual(file.uncoveredLines, [27, 43, 65]);
    assert.equal(summary.total.lines.pct, 83.33);
  });

  it('passes with thresholds under the measured numbers and fails just above', () => {
    assert.equal(run('--no-run', '--only', FIXTURE, '--lines', '83', '--branches', '61').status, 0);
    assert.equal(run('--no-run', '--only', FIXTURE, '--lines', '83', '--branches', '61.2').status, 1);
    assert.equal(run('--no-run', '--only', FIXTURE, '--lines', '83.4', '--branches', '61').status, 1);
  });
});
