// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ISwapRouter} from "../interfaces/ISwapRouter.sol";

/// @notice Malicious swap router for tests: during the swap it calls `target` with `payload`
/// (e.g. RevenueRouter.executeBuyback / distribute / depositRevenue) and bubbles up the revert.
contract ReentrantRouter is ISwapRouter {
    address public target;
    bytes public payload;

    function arm(address target_, bytes calldata payload_) external {
        target = target_;
        payload = payload_;
    }

    function swapExactTokensForTokens(
        address,
        address,
        uint256,
        uint256,
        address,
        uint256
    ) external returns (uint256) {
        (bool ok, bytes memory ret) = target.call(payload);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return 0;
    }
}
