// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ISwapRouter} from "./interfaces/ISwapRouter.sol";

/// @notice What the RevenueRouter needs from the staking contract.
interface IRewardsNotifier {
    function notifyRewardAmount(uint256 reward) external;
}

/// @notice What the RevenueRouter needs from QTRA besides ERC20 (ERC20Burnable.burn).
interface IBurnableToken is IERC20 {
    function burn(uint256 value) external;
}

/// @title Exchange fee revenue splitter: buyback-and-burn, staking rewards, treasury
/// @notice Fee revenue arrives in one stablecoin, either pulled by `depositRevenue` from a
/// DEPOSITOR or pushed by a plain transfer and then accounted by `syncRevenue` / `distribute`
/// (balance above the accounted buckets). Each intake is split by the configured bps into three
/// buckets: `pendingBuyback` (spent by the KEEPER through `executeBuyback`, the bought QTRA is
/// burned), `pendingStaking` (sent to Staking + notifyRewardAmount at `distribute`) and
/// `pendingTreasury` (sent to the treasury at `distribute`). Rounding dust goes to the treasury.
/// @dev Invariant: stablecoin.balanceOf(this) >= pendingBuyback + pendingStaking + pendingTreasury;
/// the stablecoin can never be rescued. Every external mutating function is nonReentrant.
contract RevenueRouter is AccessControl, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;
    using SafeERC20 for IBurnableToken;

    bytes32 public constant KEEPER_ROLE = keccak256("KEEPER_ROLE");
    bytes32 public constant DEPOSITOR_ROLE = keccak256("DEPOSITOR_ROLE");

    uint256 public constant BPS = 10_000;
    /// @notice Upper bound of the configurable max slippage (10%).
    uint256 public constant MAX_SLIPPAGE_CAP_BPS = 1_000;
    uint256 public constant MIN_PRICE_AGE = 1 minutes;
    uint256 public constant MAX_PRICE_AGE = 1 days;
    uint256 private constant PRICE_SCALE = 1e18;

    IERC20 public immutable stablecoin;
    IBurnableToken public immutable qtra;

    ISwapRouter public swapRouter;
    address public staking;
    address public treasury;

    uint256 public buybackBps;
    uint256 public stakingBps;
    uint256 public treasuryBps;

    uint256 public pendingBuyback;
    uint256 public pendingStaking;
    uint256 public pendingTreasury;

    /// @notice Max accepted slippage of a buyback against the reference price, in bps.
    uint256 public maxSlippageBps = 100;
    /// @notice Max age of the reference price for a buyback.
    uint256 public maxPriceAge = 1 hours;
    /// @notice QTRA base units per stablecoin base unit, scaled by 1e18 (posted by a KEEPER).
    uint256 public referencePrice;
    uint256 public referencePriceUpdatedAt;

    // Lifetime totals, for audit.
    uint256 public totalReceived;
    uint256 public totalBoughtBack;
    uint256 public totalQtraBurned;
    uint256 public totalToStaking;
    uint256 public totalToTreasury;

    event RevenueReceived(address indexed depositor, uint256 amount);
    event RevenueSynced(address indexed caller, uint256 amount);
    event Split(uint256 total, uint256 buyback, uint256 staking, uint256 treasury);
    event BuybackExecuted(uint256 amountIn, uint256 qtraOut, uint256 burned);
    event StakingFunded(address indexed staking, uint256 amount);
    event TreasuryPaid(address indexed treasury, uint256 amount);
    event SplitChanged(uint256 buybackBps, uint256 stakingBps, uint256 treasuryBps);
    event ReferencePriceUpdated(uint256 price, uint256 updatedAt);
    event MaxSlippageChanged(uint256 previousBps, uint256 newBps);
    event MaxPriceAgeChanged(uint256 previousAge, uint256 newAge);
    event SwapRouterChanged(address indexed previousRouter, address indexed newRouter);
    event StakingChanged(address indexed previousStaking, address indexed newStaking);
    event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury);
    event TokensRescued(address indexed token, address indexed to, uint256 amount);

    error ZeroAddress();
    error ZeroAmount();
    error InvalidSplit(uint256 sum);
    error DeadlineExpired(uint256 deadline);
    error InsufficientPendingBuyback(uint256 requested, uint256 pending);
    error ZeroMinOut();
    error StaleReferencePrice(uint256 updatedAt);
    error MinOutBelowSlippageBound(uint256 minOut, uint256 bound);
    error InsufficientOutput(uint256 received, uint256 minOut);
    error UnexpectedSpend(uint256 expected, uint256 balanceAfter);
    error NothingToDistribute();
    error SlippageOutOfBounds(uint256 bps);
    error PriceAgeOutOfBounds(uint256 age);
    error CannotRescueRevenueToken();

    struct Config {
        IERC20 stablecoin;
        IBurnableToken qtra;
        ISwapRouter swapRouter;
        address staking;
        address treasury;
        address admin;
        uint256 buybackBps;
        uint256 stakingBps;
        uint256 treasuryBps;
    }

    constructor(Config memory cfg) {
        if (address(cfg.stablecoin) == address(0)) revert ZeroAddress();
        if (address(cfg.qtra) == address(0)) revert ZeroAddress();
        if (address(cfg.swapRouter) == address(0)) revert ZeroAddress();
        if (cfg.staking == address(0)) revert ZeroAddress();
        if (cfg.treasury == address(0)) revert ZeroAddress();
        if (cfg.admin == address(0)) revert ZeroAddress();
        stablecoin = cfg.stablecoin;
        qtra = cfg.qtra;
        swapRouter = cfg.swapRouter;
        staking = cfg.staking;
        treasury = cfg.treasury;
        _setSplit(cfg.buybackBps, cfg.stakingBps, cfg.treasuryBps);
        _grantRole(DEFAULT_ADMIN_ROLE, cfg.admin);
    }

    // ----------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------

    /// @notice Stablecoin assigned to the three buckets.
    function accountedBalance() public view returns (uint256) {
        return pendingBuyback + pendingStaking + pendingTreasury;
    }

    /// @notice Stablecoin pushed here and not yet accounted (split at the next sync).
    function unaccountedBalance() public view returns (uint256) {
        return stablecoin.balanceOf(address(this)) - accountedBalance();
    }

    /// @notice How `amount` would be split now (dust to treasury; parts sum to `amount`).
    function previewSplit(uint256 amount) public view returns (uint256 buyback, uint256 toStaking, uint256 toTreasury) {
        buyback = (amount * buybackBps) / BPS;
        toStaking = (amount * stakingBps) / BPS;
        toTreasury = amount - buyback - toStaking;
    }

    /// @notice Lowest `minQtraOut` accepted for a buyback of `amountIn`: the reference-price
    /// output less `maxSlippageBps`, rounded up. Reverts when the reference price is stale or unset.
    function minOutBound(uint256 amountIn) public view returns (uint256) {
        if (block.timestamp - referencePriceUpdatedAt > maxPriceAge) {
            revert StaleReferencePrice(referencePriceUpdatedAt);
        }
        uint256 expected = Math.mulDiv(amountIn, referencePrice, PRICE_SCALE);
        return Math.mulDiv(expected, BPS - maxSlippageBps, BPS, Math.Rounding.Ceil);
    }

    // ----------------------------------------------------------------------------------------
    // Revenue intake
    // ----------------------------------------------------------------------------------------

    /// @notice Pulls `amount` stablecoin from the DEPOSITOR (approve first) and splits what
    /// actually arrived (balance delta).
    function depositRevenue(uint256 amount) external nonReentrant whenNotPaused onlyRole(DEPOSITOR_ROLE) {
        if (amount == 0) revert ZeroAmount();
        uint256 before = stablecoin.balanceOf(address(this));
        // The transfer comes first because the amount accounted is the measured delta; the
        // guard blocks any re-entry from the token.
        stablecoin.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = stablecoin.balanceOf(address(this)) - before;
        emit RevenueReceived(msg.sender, received);
        _split(received);
    }

    /// @notice Accounts stablecoin pushed here by plain transfers. Returns the amount split.
    function syncRevenue() external nonReentrant whenNotPaused onlyRole(KEEPER_ROLE) returns (uint256) {
        return _sync();
    }

    // ----------------------------------------------------------------------------------------
    // Keeper flows
    // ----------------------------------------------------------------------------------------

    /// @notice Accounts pushed revenue, then pays the staking bucket to Staking (and notifies the
    /// reward) and the treasury bucket to the treasury.
    function distribute() external nonReentrant whenNotPaused onlyRole(KEEPER_ROLE) {
        _sync();
        uint256 toStaking = pendingStaking;
        uint256 toTreasury = pendingTreasury;
        if (toStaking + toTreasury == 0) revert NothingToDistribute();
        pendingStaking = 0;
        pendingTreasury = 0;
        if (toStaking > 0) {
            address stakingAddr = staking;
            totalToStaking += toStaking;
            emit StakingFunded(stakingAddr, toStaking);
            stablecoin.safeTransfer(stakingAddr, toStaking);
            IRewardsNotifier(stakingAddr).notifyRewardAmount(toStaking);
        }
        if (toTreasury > 0) {
            address treasuryAddr = treasury;
            totalToTreasury += toTreasury;
            emit TreasuryPaid(treasuryAddr, toTreasury);
            stablecoin.safeTransfer(treasuryAddr, toTreasury);
        }
    }

    /// @notice KEEPER posts the reference price used for the slippage bound: QTRA base units per
    /// stablecoin base unit, scaled by 1e18 (e.g. QTRA at $0.05 and a 6-decimal stablecoin:
    /// 20e18 * 1e18 / 1e6 = 2e31).
    function setReferencePrice(uint256 price) external nonReentrant onlyRole(KEEPER_ROLE) {
        if (price == 0) revert ZeroAmount();
        referencePrice = price;
        referencePriceUpdatedAt = block.timestamp;
        emit ReferencePriceUpdated(price, block.timestamp);
    }

    /// @notice Swaps `amountIn` of the buyback bucket for QTRA and burns all of it.
    /// @param minQtraOut Keeper's bound; must be >= minOutBound(amountIn) and is checked against
    /// the QTRA balance delta (the router's return value is ignored).
    /// @param deadline Reverts after this timestamp (also passed to the swap router).
    function executeBuyback(
        uint256 amountIn,
        uint256 minQtraOut,
        uint256 deadline
    ) external nonReentrant whenNotPaused onlyRole(KEEPER_ROLE) returns (uint256 qtraOut) {
        if (block.timestamp > deadline) revert DeadlineExpired(deadline);
        if (amountIn == 0) revert ZeroAmount();
        if (minQtraOut == 0) revert ZeroMinOut();
        uint256 pending = pendingBuyback;
        if (amountIn > pending) revert InsufficientPendingBuyback(amountIn, pending);
        uint256 bound = minOutBound(amountIn);
        if (minQtraOut < bound) revert MinOutBelowSlippageBound(minQtraOut, bound);

        // Effects before the swap.
        pendingBuyback = pending - amountIn;
        totalBoughtBack += amountIn;

        ISwapRouter router = swapRouter;
        uint256 stableBefore = stablecoin.balanceOf(address(this));
        uint256 qtraBefore = qtra.balanceOf(address(this));

        stablecoin.forceApprove(address(router), amountIn);
        router.swapExactTokensForTokens(
            address(stablecoin),
            address(qtra),
            amountIn,
            minQtraOut,
            address(this),
            deadline
        );
        stablecoin.forceApprove(address(router), 0);

        // The router must have taken exactly amountIn (no more is possible with the exact
        // allowance; less would leave the buckets out of sync with the balance).
        uint256 stableAfter = stablecoin.balanceOf(address(this));
        if (stableAfter + amountIn != stableBefore) revert UnexpectedSpend(amountIn, stableAfter);

        qtraOut = qtra.balanceOf(address(this)) - qtraBefore;
        if (qtraOut < minQtraOut) revert InsufficientOutput(qtraOut, minQtraOut);

        totalQtraBurned += qtraOut;
        qtra.burn(qtraOut);
        emit BuybackExecuted(amountIn, qtraOut, qtraOut);
    }

    // ----------------------------------------------------------------------------------------
    // Admin
    // ----------------------------------------------------------------------------------------

    /// @notice Sets the split of future revenue; the three bps must sum to exactly 10,000.
    /// Revenue already split keeps its buckets.
    function setSplit(
        uint256 buybackBps_,
        uint256 stakingBps_,
        uint256 treasuryBps_
    ) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        _setSplit(buybackBps_, stakingBps_, treasuryBps_);
    }

    function setMaxSlippageBps(uint256 newBps) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newBps > MAX_SLIPPAGE_CAP_BPS) revert SlippageOutOfBounds(newBps);
        emit MaxSlippageChanged(maxSlippageBps, newBps);
        maxSlippageBps = newBps;
    }

    function setMaxPriceAge(uint256 newAge) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newAge < MIN_PRICE_AGE) revert PriceAgeOutOfBounds(newAge);
        if (newAge > MAX_PRICE_AGE) revert PriceAgeOutOfBounds(newAge);
        emit MaxPriceAgeChanged(maxPriceAge, newAge);
        maxPriceAge = newAge;
    }

    function setSwapRouter(ISwapRouter newRouter) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (address(newRouter) == address(0)) revert ZeroAddress();
        emit SwapRouterChanged(address(swapRouter), address(newRouter));
        swapRouter = newRouter;
    }

    function setStaking(address newStaking) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newStaking == address(0)) revert ZeroAddress();
        emit StakingChanged(staking, newStaking);
        staking = newStaking;
    }

    function setTreasury(address newTreasury) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryChanged(treasury, newTreasury);
        treasury = newTreasury;
    }

    /// @notice Stops intake, distribution and buybacks. Admin config and rescue stay available.
    function pause() external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    function unpause() external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    /// @notice Sends a token sent here by mistake to `to`. The revenue stablecoin can never be
    /// rescued (pushed stablecoin is revenue and gets split at the next sync).
    function rescueToken(IERC20 token, address to, uint256 amount) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (address(token) == address(stablecoin)) revert CannotRescueRevenueToken();
        if (to == address(0)) revert ZeroAddress();
        emit TokensRescued(address(token), to, amount);
        token.safeTransfer(to, amount);
    }

    // ----------------------------------------------------------------------------------------
    // Internal
    // ----------------------------------------------------------------------------------------

    function _sync() private returns (uint256 amount) {
        amount = unaccountedBalance();
        if (amount > 0) {
            emit RevenueSynced(msg.sender, amount);
            _split(amount);
        }
    }

    function _split(uint256 amount) private {
        (uint256 buyback, uint256 toStaking, uint256 toTreasury) = previewSplit(amount);
        pendingBuyback += buyback;
        pendingStaking += toStaking;
        pendingTreasury += toTreasury;
        totalReceived += amount;
        emit Split(amount, buyback, toStaking, toTreasury);
    }

    function _setSplit(uint256 buybackBps_, uint256 stakingBps_, uint256 treasuryBps_) private {
        uint256 sum = buybackBps_ + stakingBps_ + treasuryBps_;
        if (sum != BPS) revert InvalidSplit(sum);
        buybackBps = buybackBps_;
        stakingBps = stakingBps_;
        treasuryBps = treasuryBps_;
        emit SplitChanged(buybackBps_, stakingBps_, treasuryBps_);
    }
}
