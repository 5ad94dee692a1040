// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ISwapRouter} from "../interfaces/ISwapRouter.sol";

/// @notice Test swap router: pays `amountIn * rate / 1e18` of tokenOut from its own balance
/// (fund it by minting QTRA to it). Can be told to pay less than it reports (`shortfallBps`),
/// to skip its own minAmountOut check (`enforceMinOut = false`, a buggy/malicious router) and
/// to pull less than amountIn (`pullShortfall`). Tests only.
contract MockSwapRouter is ISwapRouter {
    using SafeERC20 for IERC20;

    /// @notice tokenOut base units per tokenIn base unit, scaled by 1e18.
    uint256 public rate;
    /// @notice Part of the quoted output withheld (bps); the return value still reports the quote.
    uint256 public shortfallBps;
    bool public enforceMinOut = true;
    uint256 public pullShortfall;

    error TooLittleReceived(uint256 amountOut, uint256 minAmountOut);
    error Expired();

    constructor(uint256 rate_) {
        rate = rate_;
    }

    function setRate(uint256 rate_) external {
        rate = rate_;
    }

    function setShortfallBps(uint256 bps) external {
        shortfallBps = bps;
    }

    function setEnforceMinOut(bool enforce) external {
        enforceMinOut = enforce;
    }

    function setPullShortfall(uint256 amount) external {
        pullShortfall = amount;
    }

    function quote(uint256 amountIn) public view returns (uint256) {
        return (amountIn * rate) / 1e18;
    }

    function swapExactTokensForTokens(
        address tokenIn,
        address tokenOut,
        uint256 amountIn,
        uint256 minAmountOut,
        address recipient,
        uint256 deadline
    ) external returns (uint256 amountOut) {
        if (block.timestamp > deadline) revert Expired();
        amountOut = quote(amountIn);
        uint256 paid = amountOut - (amountOut * shortfallBps) / 10_000;
        if (enforceMinOut) {
            if (paid < minAmountOut) revert TooLittleReceived(paid, minAmountOut);
        }
        IERC20(tokenIn).safeTransferFrom(msg.sender, address(this), amountIn - pullShortfall);
        IERC20(tokenOut).safeTransfer(recipient, paid);
    }
}
