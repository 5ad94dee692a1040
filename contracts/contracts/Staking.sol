// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title QTRA staking with stablecoin rewards and an unstake cooldown
/// @notice Stake QTRA, earn the reward token (the stablecoin fee revenue the RevenueRouter sends)
/// pro rata to stake and time, Synthetix StakingRewards style. Unstaking is two-step:
/// `requestUnstake` moves stake into a cooling bucket that stops earning; `withdraw` pays it out
/// once the cooldown has elapsed. The exchange reads `qtraHoldingOf` / `feeDiscountEligible` for
/// the 10,000 QTRA fee discount.
/// @dev Precision: `rewardRate` is reward units per second scaled by 1e18 and
/// `rewardPerTokenStored` is reward units per staked unit scaled by 1e36, so a 6-decimal reward
/// token against an 18-decimal staking token does not truncate to zero.
/// Solvency: `rewardsCommitted` is an upper bound of everything ever promised (past emissions
/// plus the rest of the current period); `notifyRewardAmount` reverts unless
/// `rewardsCommitted - rewardsPaid` fits in the reward balance (minus staked principal when the
/// reward token is the staking token), so the contract never sets a rate it cannot pay.
contract Staking is AccessControl, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant REWARDS_DISTRIBUTOR_ROLE = keccak256("REWARDS_DISTRIBUTOR_ROLE");

    uint256 public constant MIN_COOLDOWN = 1 days;
    uint256 public constant MAX_COOLDOWN = 30 days;
    uint256 public constant MIN_REWARDS_DURATION = 1 days;
    uint256 public constant MAX_REWARDS_DURATION = 365 days;
    /// @notice Holding (wallet + staked + cooling) needed for the exchange's $QTRA fee discount.
    uint256 public constant FEE_DISCOUNT_THRESHOLD = 10_000 ether;

    uint256 private constant RATE_SCALE = 1e18;
    uint256 private constant RPT_SCALE = 1e36;

    IERC20 public immutable stakingToken;
    IERC20 public immutable rewardToken;

    /// @notice Reward units per second, scaled by 1e18.
    uint256 public rewardRate;
    uint256 public periodFinish;
    uint256 public rewardsDuration = 7 days;
    uint256 public lastUpdateTime;
    /// @notice Reward units per staked unit, scaled by 1e36.
    uint256 public rewardPerTokenStored;
    uint256 public cooldown = 7 days;

    uint256 public totalStaked;
    uint256 public totalCooling;
    /// @notice Upper bound of rewards ever promised (emitted so far + rest of the current period).
    uint256 public rewardsCommitted;
    uint256 public rewardsPaid;

    struct Cooling {
        uint256 amount;
        uint256 readyAt;
    }

    mapping(address account => uint256) private _staked;
    mapping(address account => Cooling) private _cooling;
    mapping(address account => uint256) public userRewardPerTokenPaid;
    mapping(address account => uint256) public rewards;

    event Staked(address indexed account, uint256 amount);
    event UnstakeRequested(address indexed account, uint256 amount, uint256 coolingTotal, uint256 readyAt);
    event Withdrawn(address indexed account, uint256 amount);
    event RewardPaid(address indexed account, uint256 reward);
    event RewardAdded(uint256 reward, uint256 rewardRate, uint256 periodFinish);
    event CooldownChanged(uint256 previousCooldown, uint256 newCooldown);
    event RewardsDurationChanged(uint256 previousDuration, uint256 newDuration);

    error ZeroAddress();
    error ZeroAmount();
    error InsufficientStake(uint256 requested, uint256 staked);
    error NothingToWithdraw();
    error CooldownNotElapsed(uint256 readyAt);
    error CooldownOutOfBounds(uint256 cooldown);
    error RewardsDurationOutOfBounds(uint256 duration);
    error RewardPeriodActive(uint256 periodFinish);
    error RewardTooHigh(uint256 required, uint256 available);

    constructor(IERC20 stakingToken_, IERC20 rewardToken_, address admin) {
        if (address(stakingToken_) == address(0)) revert ZeroAddress();
        if (address(rewardToken_) == address(0)) revert ZeroAddress();
        if (admin == address(0)) revert ZeroAddress();
        stakingToken = stakingToken_;
        rewardToken = rewardToken_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ----------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------

    function lastTimeRewardApplicable() public view returns (uint256) {
        return Math.min(block.timestamp, periodFinish);
    }

    function rewardPerToken() public view returns (uint256) {
        if (totalStaked == 0) return rewardPerTokenStored;
        uint256 elapsed = lastTimeRewardApplicable() - lastUpdateTime;
        return rewardPerTokenStored + Math.mulDiv(elapsed * rewardRate, RATE_SCALE, totalStaked);
    }

    /// @notice Rewards `account` can claim now.
    function earned(address account) public view returns (uint256) {
        uint256 delta = rewardPerToken() - userRewardPerTokenPaid[account];
        return rewards[account] + Math.mulDiv(_staked[account], delta, RPT_SCALE);
    }

    /// @notice Reward emitted over one full period at the current rate (reward units).
    function getRewardForDuration() external view returns (uint256) {
        return (rewardRate * rewardsDuration) / RATE_SCALE;
    }

    /// @notice Stake currently earning rewards (excludes cooling stake).
    function stakedBalanceOf(address account) external view returns (uint256) {
        return _staked[account];
    }

    /// @notice Stake waiting out its cooldown (not earning) and when it can be withdrawn.
    function coolingOf(address account) external view returns (uint256 amount, uint256 readyAt) {
        Cooling memory c = _cooling[account];
        return (c.amount, c.readyAt);
    }

    /// @notice QTRA the account holds for the fee discount: wallet balance + staked + cooling.
    /// @dev Cooling stake still belongs to the account and is locked here, so it counts until it
    /// is withdrawn (at which point it is back in the wallet). Nothing is counted twice.
    function qtraHoldingOf(address account) public view returns (uint256) {
        return stakingToken.balanceOf(account) + _staked[account] + _cooling[account].amount;
    }

    /// @notice True when `qtraHoldingOf(account)` is at least 10,000 QTRA.
    function feeDiscountEligible(address account) external view returns (bool) {
        return qtraHoldingOf(account) >= FEE_DISCOUNT_THRESHOLD;
    }

    /// @notice Rewards promised but not yet paid (an upper bound of what the contract owes).
    function rewardsOutstanding() public view returns (uint256) {
        return rewardsCommitted - rewardsPaid;
    }

    // ----------------------------------------------------------------------------------------
    // Staker actions
    // ----------------------------------------------------------------------------------------

    /// @notice Stakes `amount` QTRA (approve first). Blocked while paused.
    function stake(uint256 amount) external nonReentrant whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        _updateReward(msg.sender);
        _staked[msg.sender] += amount;
        totalStaked += amount;
        emit Staked(msg.sender, amount);
        stakingToken.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Moves `amount` of stake into the cooling bucket; it stops earning immediately.
    /// @dev A new request restarts the cooldown for the whole cooling bucket. Allowed while paused.
    function requestUnstake(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        uint256 staked = _staked[msg.sender];
        if (amount > staked) revert InsufficientStake(amount, staked);
        _updateReward(msg.sender);
        _staked[msg.sender] = staked - amount;
        totalStaked -= amount;
        totalCooling += amount;
        Cooling storage c = _cooling[msg.sender];
        c.amount += amount;
        c.readyAt = block.timestamp + cooldown;
        emit UnstakeRequested(msg.sender, amount, c.amount, c.readyAt);
    }

    /// @notice Pays out the whole cooling bucket once `block.timestamp >= readyAt`. Allowed while paused.
    function withdraw() external nonReentrant {
        Cooling memory c = _cooling[msg.sender];
        if (c.amount == 0) revert NothingToWithdraw();
        if (block.timestamp < c.readyAt) revert CooldownNotElapsed(c.readyAt);
        delete _cooling[msg.sender];
        totalCooling -= c.amount;
        emit Withdrawn(msg.sender, c.amount);
        stakingToken.safeTransfer(msg.sender, c.amount);
    }

    /// @notice Claims all earned rewards (no-op when nothing is earned). Allowed while paused.
    function getReward() external nonReentrant returns (uint256 reward) {
        _updateReward(msg.sender);
        reward = rewards[msg.sender];
        if (reward > 0) {
            rewards[msg.sender] = 0;
            rewardsPaid += reward;
            emit RewardPaid(msg.sender, reward);
            rewardToken.safeTransfer(msg.sender, reward);
        }
    }

    // ----------------------------------------------------------------------------------------
    // Rewards distributor and admin
    // ----------------------------------------------------------------------------------------

    /// @notice Starts a new reward period of `rewardsDuration` with `reward` plus what is left of
    /// the current period. The reward must already have been transferred here.
    /// @dev Reverts with RewardTooHigh when the rewards promised and not yet paid would exceed the
    /// reward balance (staked principal excluded when both tokens are the same).
    function notifyRewardAmount(uint256 reward) external nonReentrant onlyRole(REWARDS_DISTRIBUTOR_ROLE) {
        if (reward == 0) revert ZeroAmount();
        _updateReward(address(0));

        uint256 leftover;
        if (block.timestamp < periodFinish) {
            // Floor: removes at most what the old rate would still have emitted.
            leftover = ((periodFinish - block.timestamp) * rewardRate) / RATE_SCALE;
        }
        uint256 newRate = ((reward + leftover) * RATE_SCALE) / rewardsDuration;
        // Ceil: the new period is counted for at least what it can emit.
        uint256 newCommitment = Math.mulDiv(newRate, rewardsDuration, RATE_SCALE, Math.Rounding.Ceil);
        uint256 committed = rewardsCommitted - leftover + newCommitment;

        uint256 available = rewardToken.balanceOf(address(this));
        if (address(rewardToken) == address(stakingToken)) {
            available -= totalStaked + totalCooling;
        }
        uint256 required = committed - rewardsPaid;
        if (required > available) revert RewardTooHigh(required, available);

        rewardsCommitted = committed;
        rewardRate = newRate;
        lastUpdateTime = block.timestamp;
        periodFinish = block.timestamp + rewardsDuration;
        emit RewardAdded(reward, newRate, block.timestamp + rewardsDuration);
    }

    /// @notice Sets the unstake cooldown for future requests (bounded to [1 day, 30 days]).
    function setCooldown(uint256 newCooldown) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newCooldown < MIN_COOLDOWN) revert CooldownOutOfBounds(newCooldown);
        if (newCooldown > MAX_COOLDOWN) revert CooldownOutOfBounds(newCooldown);
        emit CooldownChanged(cooldown, newCooldown);
        cooldown = newCooldown;
    }

    /// @notice Sets the length of future reward periods; only between periods.
    function setRewardsDuration(uint256 newDuration) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (block.timestamp <= periodFinish) revert RewardPeriodActive(periodFinish);
        if (newDuration < MIN_REWARDS_DURATION) revert RewardsDurationOutOfBounds(newDuration);
        if (newDuration > MAX_REWARDS_DURATION) revert RewardsDurationOutOfBounds(newDuration);
        emit RewardsDurationChanged(rewardsDuration, newDuration);
        rewardsDuration = newDuration;
    }

    /// @notice Stops new stakes. Unstake requests, withdrawals and reward claims stay open.
    function pause() external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        _pause();
    }

    function unpause() external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        _unpause();
    }

    // ----------------------------------------------------------------------------------------
    // Internal
    // ----------------------------------------------------------------------------------------

    function _updateReward(address account) private {
        rewardPerTokenStored = rewardPerToken();
        lastUpdateTime = lastTimeRewardApplicable();
        if (account != address(0)) {
            rewards[account] = earned(account);
            userRewardPerTokenPaid[account] = rewardPerTokenStored;
        }
    }
}
