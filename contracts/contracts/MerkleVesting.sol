// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {VestingMath} from "./libraries/VestingMath.sol";

/// @title MerkleVesting, Merkle-rooted QTRA vesting schedules (team, advisors, ecosystem, ...)
/// @notice Each schedule is a Merkle root over allocations, a start timestamp (TGE) and the QTRA
/// funding pulled from the creator. Leaf = OpenZeppelin StandardMerkleTree leaf over
/// ["uint256","address","uint256","uint16","uint64","uint64","bool"] =
/// (index, account, amount, tgeBps, cliff, duration, revocable).
/// Vesting follows VestingMath (linear part starts at the end of the cliff). Anyone may submit a
/// claim; the tokens always go to the leaf's account. Claimed amounts are tracked per
/// (scheduleId, index). Revocable leaves can be revoked by the admin: vesting stops at the
/// revocation time, the vested-but-unclaimed part stays claimable, the unvested rest goes to the
/// treasury. A schedule never pays out more than its own funding, whatever its tree contains.
contract MerkleVesting is AccessControl, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    uint256 public constant BPS = 10_000;

    struct Schedule {
        bytes32 merkleRoot;
        uint64 start;
        uint256 funded; // QTRA pulled at creation
        uint256 released; // claimed + returned to the treasury by revocations
    }

    struct Allocation {
        uint256 index;
        address account;
        uint256 amount;
        uint16 tgeBps;
        uint64 cliff;
        uint64 duration;
        bool revocable;
    }

    IERC20 public immutable token;
    address public treasury;
    uint256 public scheduleCount;

    mapping(uint256 scheduleId => Schedule) private _schedules;
    mapping(uint256 scheduleId => mapping(uint256 index => uint256 amount)) public claimed;
    mapping(uint256 scheduleId => mapping(uint256 index => uint64 timestamp)) public revokedAt;

    event ScheduleCreated(uint256 indexed scheduleId, bytes32 merkleRoot, uint64 start, uint256 funded);
    event Claimed(uint256 indexed scheduleId, uint256 indexed index, address indexed account, uint256 amount);
    event Revoked(
        uint256 indexed scheduleId,
        uint256 indexed index,
        address indexed account,
        uint256 vestedAmount,
        uint256 returnedAmount
    );
    event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury);

    error ZeroAddress();
    error ZeroAmount();
    error InvalidMerkleRoot();
    error InvalidStart();
    error UnknownSchedule(uint256 scheduleId);
    error InvalidProof();
    error InvalidTgeBps();
    error NothingToClaim();
    error NotRevocable(uint256 scheduleId, uint256 index);
    error AlreadyRevoked(uint256 scheduleId, uint256 index);
    error ScheduleUnderfunded(uint256 scheduleId, uint256 requested, uint256 available);

    constructor(address admin, IERC20 token_, address treasury_) {
        if (admin == address(0)) revert ZeroAddress();
        if (address(token_) == address(0)) revert ZeroAddress();
        if (treasury_ == address(0)) revert ZeroAddress();
        token = token_;
        treasury = treasury_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        emit TreasuryChanged(address(0), treasury_);
    }

    // ----------------------------------------------------------------------------------------
    // Admin
    // ----------------------------------------------------------------------------------------

    /// @notice Creates a schedule and pulls `funding` QTRA from the caller (approve first).
    /// `funding` should equal the sum of the tree's amounts (scripts/build-vesting-tree.ts prints it).
    function createSchedule(
        bytes32 merkleRoot,
        uint64 start,
        uint256 funding
    ) external onlyRole(DEFAULT_ADMIN_ROLE) returns (uint256 scheduleId) {
        if (merkleRoot == bytes32(0)) revert InvalidMerkleRoot();
        if (start == 0) revert InvalidStart();
        if (funding == 0) revert ZeroAmount();
        scheduleId = scheduleCount++;
        _schedules[scheduleId] = Schedule({merkleRoot: merkleRoot, start: start, funded: funding, released: 0});
        token.safeTransferFrom(msg.sender, address(this), funding);
        emit ScheduleCreated(scheduleId, merkleRoot, start, funding);
    }

    function setTreasury(address newTreasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryChanged(treasury, newTreasury);
        treasury = newTreasury;
    }

    /// @notice Revokes a revocable allocation now: its vesting freezes at block.timestamp, the
    /// unvested rest goes to the treasury, the vested-but-unclaimed part stays claimable.
    function revoke(
        uint256 scheduleId,
        Allocation calldata allocation,
        bytes32[] calldata proof
    ) external onlyRole(DEFAULT_ADMIN_ROLE) nonReentrant returns (uint256 returned) {
        Schedule storage schedule = _verified(scheduleId, allocation, proof);
        if (!allocation.revocable) revert NotRevocable(scheduleId, allocation.index);
        if (revokedAt[scheduleId][allocation.index] != 0) revert AlreadyRevoked(scheduleId, allocation.index);

        uint256 vested = _vestedAt(scheduleId, schedule, allocation, block.timestamp);
        returned = allocation.amount - vested;
        revokedAt[scheduleId][allocation.index] = uint64(block.timestamp);
        if (returned != 0) {
            _release(scheduleId, schedule, returned);
            token.safeTransfer(treasury, returned);
        }
        emit Revoked(scheduleId, allocation.index, allocation.account, vested, returned);
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    // ----------------------------------------------------------------------------------------
    // Claims
    // ----------------------------------------------------------------------------------------

    /// @notice Sends `allocation.account` everything vested and not yet claimed for this leaf.
    function claim(
        uint256 scheduleId,
        Allocation calldata allocation,
        bytes32[] calldata proof
    ) external whenNotPaused nonReentrant returns (uint256 amount) {
        Schedule storage schedule = _verified(scheduleId, allocation, proof);
        amount = _vestedAt(scheduleId, schedule, allocation, block.timestamp) - claimed[scheduleId][allocation.index];
        if (amount == 0) revert NothingToClaim();
        claimed[scheduleId][allocation.index] += amount;
        _release(scheduleId, schedule, amount);
        token.safeTransfer(allocation.account, amount);
        emit Claimed(scheduleId, allocation.index, allocation.account, amount);
    }

    // ----------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------

    function getSchedule(uint256 scheduleId) external view returns (Schedule memory) {
        return _schedules[scheduleId];
    }

    /// @notice Amount of the leaf vested at `timestamp` (frozen at the revocation time if revoked).
    function vestedAmount(
        uint256 scheduleId,
        Allocation calldata allocation,
        uint256 timestamp
    ) public view returns (uint256) {
        Schedule storage schedule = _schedules[scheduleId];
        if (schedule.merkleRoot == bytes32(0)) revert UnknownSchedule(scheduleId);
        return _vestedAt(scheduleId, schedule, allocation, timestamp);
    }

    function claimable(
        uint256 scheduleId,
        Allocation calldata allocation,
        bytes32[] calldata proof
    ) external view returns (uint256) {
        Schedule storage schedule = _verified(scheduleId, allocation, proof);
        return _vestedAt(scheduleId, schedule, allocation, block.timestamp) - claimed[scheduleId][allocation.index];
    }

    function leafHash(Allocation calldata a) public pure returns (bytes32) {
        return
            keccak256(
                bytes.concat(
                    keccak256(abi.encode(a.index, a.account, a.amount, a.tgeBps, a.cliff, a.duration, a.revocable))
                )
            );
    }

    // ----------------------------------------------------------------------------------------
    // Internals
    // ----------------------------------------------------------------------------------------

    function _verified(
        uint256 scheduleId,
        Allocation calldata allocation,
        bytes32[] calldata proof
    ) private view returns (Schedule storage schedule) {
        schedule = _schedules[scheduleId];
        if (schedule.merkleRoot == bytes32(0)) revert UnknownSchedule(scheduleId);
        if (!MerkleProof.verifyCalldata(proof, schedule.merkleRoot, leafHash(allocation))) revert InvalidProof();
        if (allocation.tgeBps > BPS) revert InvalidTgeBps();
    }

    function _vestedAt(
        uint256 scheduleId,
        Schedule storage schedule,
        Allocation calldata allocation,
        uint256 timestamp
    ) private view returns (uint256) {
        uint64 revokedTime = revokedAt[scheduleId][allocation.index];
        if (revokedTime != 0) {
            if (timestamp > revokedTime) timestamp = revokedTime;
        }
        return
            VestingMath.vestedAmount(
                allocation.amount,
                allocation.tgeBps,
                schedule.start,
                allocation.cliff,
                allocation.duration,
                timestamp
            );
    }

    function _release(uint256 scheduleId, Schedule storage schedule, uint256 amount) private {
        uint256 available = schedule.funded - schedule.released;
        if (amount > available) revert ScheduleUnderfunded(scheduleId, amount, available);
        schedule.released += amount;
    }
}
