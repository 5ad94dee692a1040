import { parseAbi } from 'viem';
import type { Abi } from 'viem';

/**
 * The events the indexer reads, per contract role, as the contracts declare them. Written out
 * rather than loaded from build artifacts so the indexer runs without a Solidity build;
 * chain-indexer.test.ts checks every signature against the compiled ABIs, so they cannot drift.
 */
export const CONTRACT_EVENTS = {
  sale: parseAbi([
    'event Purchased(address indexed buyer, uint8 indexed roundId, address indexed stablecoin, uint256 paid, uint256 tokens)',
    'event Claimed(address indexed buyer, uint8 indexed roundId, uint256 amount)',
    'event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury)',
    'event StablecoinSet(address indexed stablecoin, bool accepted)',
    'event TgeTimestampSet(uint64 tgeTimestamp)',
    'event TokensWithdrawn(address indexed token, address indexed to, uint256 amount)',
  ]),
  vesting: parseAbi([
    'event ScheduleCreated(uint256 indexed scheduleId, bytes32 merkleRoot, uint64 start, uint256 funded)',
    'event Claimed(uint256 indexed scheduleId, uint256 indexed index, address indexed account, uint256 amount)',
    'event Revoked(uint256 indexed scheduleId, uint256 indexed index, address indexed account, uint256 vestedAmount, uint256 returnedAmount)',
    'event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury)',
  ]),
  staking: parseAbi([
    'event Staked(address indexed account, uint256 amount)',
    'event UnstakeRequested(address indexed account, uint256 amount, uint256 coolingTotal, uint256 readyAt)',
    'event Withdrawn(address indexed account, uint256 amount)',
    'event RewardPaid(address indexed account, uint256 reward)',
    'event RewardAdded(uint256 reward, uint256 rewardRate, uint256 periodFinish)',
    'event CooldownChanged(uint256 previousCooldown, uint256 newCooldown)',
    'event RewardsDurationChanged(uint256 previousDuration, uint256 newDuration)',
  ]),
  router: parseAbi([
    'event RevenueReceived(address indexed depositor, uint256 amount)',
    'event RevenueSynced(address indexed caller, uint256 amount)',
    'event Split(uint256 total, uint256 buyback, uint256 staking, uint256 treasury)',
    'event BuybackExecuted(uint256 amountIn, uint256 qtraOut, uint256 burned)',
    'event StakingFunded(address indexed staking, uint256 amount)',
    'event TreasuryPaid(address indexed treasury, uint256 amount)',
    'event SplitChanged(uint256 buybackBps, uint256 stakingBps, uint256 treasuryBps)',
    'event TokensRescued(address indexed token, address indexed to, uint256 amount)',
  ]),
} as const satisfies Record<string, Abi>;

export type ContractRole = keyof typeof CONTRACT_EVENTS;

export const CONTRACT_ROLES = Object.keys(CONTRACT_EVENTS) as ContractRole[];
