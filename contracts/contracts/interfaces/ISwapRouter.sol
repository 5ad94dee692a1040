// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Minimal exact-input swap router used by the RevenueRouter buyback
/// @notice An adapter in front of the real DEX (e.g. a Uniswap V3 SwapRouter02 / Aerodrome
/// wrapper) implements this single function.
/// @dev The caller approves exactly `amountIn` of `tokenIn` first; the router pulls it with
/// transferFrom and sends at least `minAmountOut` of `tokenOut` to `recipient`, or reverts.
/// Callers must NOT trust the return value: the RevenueRouter checks the balance delta.
interface ISwapRouter {
    /// @param tokenIn Token sold (pulled from msg.sender with transferFrom)
    /// @param tokenOut Token bought
    /// @param amountIn Exact amount of tokenIn to sell
    /// @param minAmountOut Revert if less than this is bought
    /// @param recipient Receiver of tokenOut
    /// @param deadline Revert if block.timestamp > deadline
    /// @return amountOut Amount of tokenOut the router claims to have sent
    function swapExactTokensForTokens(
        address tokenIn,
        address tokenOut,
        uint256 amountIn,
        uint256 minAmountOut,
        address recipient,
        uint256 deadline
    ) external returns (uint256 amountOut);
}
