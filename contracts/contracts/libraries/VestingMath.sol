// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title VestingMath, the one vesting formula shared by SaleManager and MerkleVesting
/// @notice For an allocation of `total` tokens with TGE unlock `tgeBps`, cliff `cliff` and linear
/// duration `duration`, all measured from `start` (the TGE timestamp):
///   t <  start                          -> 0
///   start <= t < start + cliff          -> tge = floor(total * tgeBps / 10_000)
///   t >= start + cliff                  -> tge + floor((total - tge) * min(t - start - cliff, duration) / duration)
/// The linear part starts at the END of the cliff (not at start), so 5% TGE / 6-month cliff /
/// 18-month duration is fully vested 24 months after start. duration == 0 means everything is
/// vested once the cliff is over. Every division rounds down, in favour of the vesting contract.
library VestingMath {
    uint256 internal constant BPS = 10_000;

    function vestedAmount(
        uint256 total,
        uint256 tgeBps,
        uint256 start,
        uint256 cliff,
        uint256 duration,
        uint256 timestamp
    ) internal pure returns (uint256) {
        if (timestamp < start) return 0;
        uint256 tgeAmount = (total * tgeBps) / BPS;
        uint256 linearStart = start + cliff;
        if (timestamp < linearStart) return tgeAmount;
        uint256 elapsed = timestamp - linearStart;
        if (elapsed >= duration) return total;
        return tgeAmount + ((total - tgeAmount) * elapsed) / duration;
    }
}
