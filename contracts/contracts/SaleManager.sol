// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {VestingMath} from "./libraries/VestingMath.sol";

/// @title SaleManager, the $QTRA token sale (Private A, Private B, Private C, Public)
/// @notice Buyers pay an accepted 6-decimal stablecoin (treated as 1 USD); the payment goes
/// straight to the treasury and the bought QTRA becomes a vesting allocation per (round, buyer),
/// claimed from this contract over time (TGE unlock, cliff, linear duration per round).
/// @dev Funding model: this contract HOLDS the QTRA it sells. A purchase only succeeds if the
/// contract's QTRA balance covers every outstanding (sold but not yet claimed) allocation
/// including the new one, so claims are always fully backed. The supply budget is therefore the
/// QTRA sent here; surplus (unsold) QTRA can be withdrawn by the admin, never the backing.
/// Price: stablecoin base units (6 decimals) per 1 QTRA (1e18 wei), e.g. 10_000 = $0.010.
/// tokens = floor(paid * 1e18 / price) with integer math: rounding is always down, against the
/// buyer, by less than 1 QTRA wei (1e-18 QTRA); a payment worth less than 1 wei reverts
/// (PaymentTooSmall). Payments need not be exact multiples (at $0.015 or $0.030 most round dollar
/// amounts are not), so rounding down by < 1 wei is the rule rather than rejection.
/// Units: hardCap in QTRA wei; minPurchase (per purchase) and maxPerWallet (cumulative per wallet
/// per round) in stablecoin base units.
/// Allowlist leaf for private rounds: the OpenZeppelin StandardMerkleTree leaf over
/// ["address", "uint8"] = (buyer, roundId), i.e. keccak256(bytes.concat(keccak256(abi.encode(buyer, roundId)))).
contract SaleManager is AccessControl, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    uint8 public constant PRIVATE_A = 0;
    uint8 public constant PRIVATE_B = 1;
    uint8 public constant PRIVATE_C = 2;
    uint8 public constant PUBLIC = 3;
    uint8 public constant ROUND_COUNT = 4;

    uint256 public constant STABLECOIN_DECIMALS = 6;
    uint256 public constant BPS = 10_000;

    struct RoundConfig {
        uint256 price; // stablecoin base units per 1 QTRA
        uint256 hardCap; // QTRA wei sellable in the round
        uint256 minPurchase; // stablecoin base units, per purchase
        uint256 maxPerWallet; // stablecoin base units, cumulative per wallet in the round
        uint64 start; // first second of the round (inclusive)
        uint64 end; // first second after the round (exclusive)
        uint16 tgeBps; // share unlocked at TGE, basis points
        uint64 cliff; // seconds after TGE before linear vesting starts
        uint64 duration; // seconds of linear vesting after the cliff
        bytes32 merkleRoot; // allowlist root; required for private rounds, zero for Public
    }

    struct RoundState {
        uint256 sold; // QTRA wei
        uint256 raised; // stablecoin base units
    }

    struct Allocation {
        uint256 purchased; // QTRA wei
        uint256 claimed; // QTRA wei
        uint256 contributed; // stablecoin base units
    }

    IERC20 public immutable qtra;
    address public treasury;
    /// @notice TGE timestamp from which every round vests; 0 until the admin sets it.
    uint64 public tgeTimestamp;

    /// @notice QTRA sold and not yet claimed, across all rounds (what the balance must cover).
    uint256 public totalOutstanding;
    uint256 public totalSold;
    uint256 public totalClaimed;

    mapping(address stablecoin => bool accepted) public acceptedStablecoins;
    mapping(uint8 roundId => RoundConfig) private _rounds;
    mapping(uint8 roundId => RoundState) public roundState;
    mapping(uint8 roundId => mapping(address buyer => Allocation)) public allocations;

    event RoundConfigured(uint8 indexed roundId, RoundConfig config);
    event Purchased(
        address indexed buyer,
        uint8 indexed roundId,
        address indexed stablecoin,
        uint256 paid,
        uint256 tokens
    );
    event Claimed(address indexed buyer, uint8 indexed roundId, uint256 amount);
    event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury);
    event StablecoinSet(address indexed stablecoin, bool accepted);
    event TgeTimestampSet(uint64 tgeTimestamp);
    event TokensWithdrawn(address indexed token, address indexed to, uint256 amount);

    error ZeroAddress();
    error UnknownRound(uint8 roundId);
    error RoundNotConfigured(uint8 roundId);
    error RoundHasSales(uint8 roundId);
    error InvalidPrice();
    error InvalidWindow();
    error InvalidHardCap();
    error InvalidWalletLimits();
    error InvalidTgeBps();
    error MissingAllowlist(uint8 roundId);
    error UnexpectedAllowlist(uint8 roundId);
    error InvalidStablecoin(address token);
    error StablecoinNotAccepted(address token);
    error RoundNotStarted(uint8 roundId, uint64 start);
    error RoundEnded(uint8 roundId, uint64 end);
    error NotAllowlisted(address buyer, uint8 roundId);
    error ZeroAmount();
    error BelowMinPurchase(uint256 paid, uint256 minPurchase);
    error AboveWalletMax(uint256 contributed, uint256 maxPerWallet);
    error PaymentTooSmall(uint256 paid, uint256 price);
    error HardCapExceeded(uint256 requested, uint256 remaining);
    error InsufficientSaleSupply(uint256 requested, uint256 available);
    error InvalidTimestamp();
    error TgeAlreadyStarted();
    error NothingToClaim();

    constructor(address admin, IERC20 qtra_, address treasury_) {
        if (admin == address(0)) revert ZeroAddress();
        if (address(qtra_) == address(0)) revert ZeroAddress();
        if (treasury_ == address(0)) revert ZeroAddress();
        qtra = qtra_;
        treasury = treasury_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        emit TreasuryChanged(address(0), treasury_);
    }

    // ----------------------------------------------------------------------------------------
    // Admin
    // ----------------------------------------------------------------------------------------

    /// @notice Configures (or reconfigures) a round. A round with sales can no longer be changed,
    /// so buyers' price and vesting terms are fixed once they bought.
    function configureRound(uint8 roundId, RoundConfig calldata config) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (roundId >= ROUND_COUNT) revert UnknownRound(roundId);
        if (roundState[roundId].sold != 0) revert RoundHasSales(roundId);
        if (config.price == 0) revert InvalidPrice();
        if (config.start >= config.end) revert InvalidWindow();
        if (config.hardCap == 0) revert InvalidHardCap();
        if (config.maxPerWallet == 0) revert InvalidWalletLimits();
        if (config.minPurchase > config.maxPerWallet) revert InvalidWalletLimits();
        if (config.tgeBps > BPS) revert InvalidTgeBps();
        if (roundId == PUBLIC) {
            if (config.merkleRoot != bytes32(0)) revert UnexpectedAllowlist(roundId);
        } else {
            if (config.merkleRoot == bytes32(0)) revert MissingAllowlist(roundId);
        }
        _rounds[roundId] = config;
        emit RoundConfigured(roundId, config);
    }

    /// @notice Accepts or stops accepting a stablecoin. Enabling requires decimals() == 6.
    function setStablecoin(address token, bool accepted) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (token == address(0)) revert ZeroAddress();
        if (accepted) {
            (bool ok, bytes memory data) = token.staticcall(abi.encodeCall(IERC20Metadata.decimals, ()));
            if (!ok) revert InvalidStablecoin(token);
            if (data.length != 32) revert InvalidStablecoin(token);
            if (abi.decode(data, (uint256)) != STABLECOIN_DECIMALS) revert InvalidStablecoin(token);
        }
        acceptedStablecoins[token] = accepted;
        emit StablecoinSet(token, accepted);
    }

    function setTreasury(address newTreasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryChanged(treasury, newTreasury);
        treasury = newTreasury;
    }

    /// @notice Sets the TGE timestamp all rounds vest from. Can be moved until it is reached,
    /// never to the past.
    function setTgeTimestamp(uint64 timestamp) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint64 current = tgeTimestamp;
        if (current != 0) {
            if (block.timestamp >= current) revert TgeAlreadyStarted();
        }
        if (timestamp < block.timestamp) revert InvalidTimestamp();
        tgeTimestamp = timestamp;
        emit TgeTimestampSet(timestamp);
    }

    /// @notice Withdraws tokens held by the sale. For QTRA only the surplus above the outstanding
    /// allocations (unsold supply) can leave; any other token (sent by mistake) can be recovered.
    function withdrawTokens(IERC20 token, address to, uint256 amount) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (to == address(0)) revert ZeroAddress();
        if (address(token) == address(qtra)) {
            uint256 available = availableSupply();
            if (amount > available) revert InsufficientSaleSupply(amount, available);
        }
        token.safeTransfer(to, amount);
        emit TokensWithdrawn(address(token), to, amount);
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    // ----------------------------------------------------------------------------------------
    // Buyers
    // ----------------------------------------------------------------------------------------

    /// @notice Buys QTRA in `roundId`, paying `paid` base units of `stablecoin` (approved to this
    /// contract) to the treasury. The tokens vest per the round's terms from the TGE.
    /// @param proof Allowlist proof for private rounds (ignored, may be empty, for Public).
    function purchase(
        uint8 roundId,
        address stablecoin,
        uint256 paid,
        bytes32[] calldata proof
    ) external whenNotPaused nonReentrant returns (uint256 tokens) {
        RoundConfig storage round = _configuredRound(roundId);
        if (!acceptedStablecoins[stablecoin]) revert StablecoinNotAccepted(stablecoin);
        _checkWindowAndAllowlist(roundId, round, proof);
        tokens = _quote(round, paid);
        _record(roundId, round, paid, tokens);

        IERC20(stablecoin).safeTransferFrom(msg.sender, treasury, paid);
        emit Purchased(msg.sender, roundId, stablecoin, paid, tokens);
    }

    /// @notice Claims the caller's vested, unclaimed QTRA of `roundId`.
    function claim(uint8 roundId) external whenNotPaused nonReentrant returns (uint256 amount) {
        amount = claimable(roundId, msg.sender);
        if (amount == 0) revert NothingToClaim();
        allocations[roundId][msg.sender].claimed += amount;
        totalClaimed += amount;
        totalOutstanding -= amount;
        qtra.safeTransfer(msg.sender, amount);
        emit Claimed(msg.sender, roundId, amount);
    }

    // ----------------------------------------------------------------------------------------
    // Views
    // ----------------------------------------------------------------------------------------

    function getRound(uint8 roundId) external view returns (RoundConfig memory) {
        return _rounds[roundId];
    }

    /// @notice QTRA held here and not backing any allocation: what can still be sold.
    function availableSupply() public view returns (uint256) {
        uint256 balance = qtra.balanceOf(address(this));
        if (balance <= totalOutstanding) return 0;
        return balance - totalOutstanding;
    }

    function isAllowlisted(uint8 roundId, address buyer, bytes32[] calldata proof) public view returns (bool) {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(buyer, roundId))));
        return MerkleProof.verifyCalldata(proof, _rounds[roundId].merkleRoot, leaf);
    }

    /// @notice QTRA of `buyer` in `roundId` vested at `timestamp` (see VestingMath; start = TGE).
    function vestedAmount(uint8 roundId, address buyer, uint256 timestamp) public view returns (uint256) {
        uint64 tge = tgeTimestamp;
        if (tge == 0) return 0;
        RoundConfig storage round = _rounds[roundId];
        return
            VestingMath.vestedAmount(
                allocations[roundId][buyer].purchased,
                round.tgeBps,
                tge,
                round.cliff,
                round.duration,
                timestamp
            );
    }

    function claimable(uint8 roundId, address buyer) public view returns (uint256) {
        return vestedAmount(roundId, buyer, block.timestamp) - allocations[roundId][buyer].claimed;
    }

    function _checkWindowAndAllowlist(uint8 roundId, RoundConfig storage round, bytes32[] calldata proof) private view {
        if (block.timestamp < round.start) revert RoundNotStarted(roundId, round.start);
        if (block.timestamp >= round.end) revert RoundEnded(roundId, round.end);
        if (roundId != PUBLIC) {
            if (!isAllowlisted(roundId, msg.sender, proof)) revert NotAllowlisted(msg.sender, roundId);
        }
    }

    /// @dev tokens = floor(paid * 1e18 / price): the remainder (< 1 QTRA wei) is never credited
    /// to the buyer; a payment that buys no whole wei is rejected.
    function _quote(RoundConfig storage round, uint256 paid) private view returns (uint256 tokens) {
        if (paid == 0) revert ZeroAmount();
        if (paid < round.minPurchase) revert BelowMinPurchase(paid, round.minPurchase);
        tokens = (paid * 1e18) / round.price;
        if (tokens == 0) revert PaymentTooSmall(paid, round.price);
    }

    function _record(uint8 roundId, RoundConfig storage round, uint256 paid, uint256 tokens) private {
        Allocation storage allocation = allocations[roundId][msg.sender];
        uint256 contributed = allocation.contributed + paid;
        if (contributed > round.maxPerWallet) revert AboveWalletMax(contributed, round.maxPerWallet);

        RoundState storage state = roundState[roundId];
        uint256 remaining = round.hardCap - state.sold;
        if (tokens > remaining) revert HardCapExceeded(tokens, remaining);
        uint256 available = availableSupply();
        if (tokens > available) revert InsufficientSaleSupply(tokens, available);

        state.sold += tokens;
        state.raised += paid;
        allocation.purchased += tokens;
        allocation.contributed = contributed;
        totalSold += tokens;
        totalOutstanding += tokens;
    }

    function _configuredRound(uint8 roundId) private view returns (RoundConfig storage round) {
        round = _rounds[roundId];
        if (round.price == 0) revert RoundNotConfigured(roundId);
    }
}
