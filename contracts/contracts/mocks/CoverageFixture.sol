// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title CoverageFixture
/// @notice NOT part of the product. Test fixture for the branch-coverage tool (scripts/coverage.ts):
/// test/coverage-tool/fixture.exercise.ts takes a known subset of these branches and
/// scripts/coverage.test.ts asserts the tool reports exactly that subset. Excluded from the
/// coverage totals (contracts/mocks/).
contract CoverageFixture {
    error TooBig();

    uint256 public total;

    /// if without else, reverting body
    function guarded(uint256 x) external {
        if (x > 100) revert TooBig();
        total += x;
    }

    /// if / else if / else
    function classify(uint256 x) external pure returns (uint256) {
        if (x == 0) {
            return 1;
        } else if (x < 10) {
            return 2;
        } else {
            return 3;
        }
    }

    /// ternary
    function pick(bool a) external pure returns (uint256) {
        return a ? 1 : 2;
    }

    /// short-circuit &&
    function both(bool a, bool b) external pure returns (bool) {
        return a && b;
    }

    /// short-circuit ||
    function either(bool a, bool b) external pure returns (bool) {
        return a || b;
    }

    /// require
    function checked(uint256 x) external pure returns (uint256) {
        require(x != 7, "seven");
        return x;
    }

    /// if without else inside a loop: both outcomes within ONE transaction
    function countEven(uint256 n) external returns (uint256 c) {
        for (uint256 i = 0; i < n; ++i) {
            if (i % 2 == 0) c++;
        }
        total = c;
    }

    /// try/catch
    function tryGuarded(uint256 x) external returns (bool ok) {
        try this.guarded(x) {
            ok = true;
        } catch {
            ok = false;
        }
    }
}
