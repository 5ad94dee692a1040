// Hardhat Ignition: the whole QuantaTrade contract system, wired as docs/sale-and-vesting.md and
// docs/staking-and-revenue.md require.
//
//   QTRA(admin) ─ mint saleSupply ─► SaleManager(admin, qtra, treasury)  + setStablecoin + 4 rounds
//   MerkleVesting(admin, qtra, treasury)          (schedules are created later: they need the trees)
//   Staking(qtra, stablecoin, admin)  ─ REWARDS_DISTRIBUTOR_ROLE ─► RevenueRouter
//   RevenueRouter(Config{stablecoin, qtra, swapRouter, staking, treasury, admin, split})
//       KEEPER_ROLE ─► keeper, DEPOSITOR_ROLE ─► depositor
//
// The admin of every contract is the deploying account (Ignition's account 0): it must be, to make
// the configuration calls. Handing DEFAULT_ADMIN_ROLE to a multisig is a separate, later step.
//
// `deployQuantaTrade(m, deps)` adds the system to any module, so the production module below
// (stablecoin and swap router from parameters) and QuantaTradeLocal (from the LocalMocks module)
// share one definition.
import { buildModule } from '@nomicfoundation/hardhat-ignition/modules';
// ignition-core is hardhat-ignition's own engine (a dependency of it); only its types are used.
import type { ArgumentType, IgnitionModuleBuilder } from '@nomicfoundation/ignition-core';
import { keccak256, toHex } from 'viem';

export const ROLES = {
  KEEPER_ROLE: keccak256(toHex('KEEPER_ROLE')),
  DEPOSITOR_ROLE: keccak256(toHex('DEPOSITOR_ROLE')),
  REWARDS_DISTRIBUTOR_ROLE: keccak256(toHex('REWARDS_DISTRIBUTOR_ROLE')),
} as const;

const QTRA = 10n ** 18n; // 1 QTRA in wei
const USD = 10n ** 6n; // 1 USD in stablecoin base units (6 decimals)
const MONTH = 30n * 24n * 60n * 60n; // docs: "a month is 30 days in seconds"

/** The default sale rounds of docs/sale-and-vesting.md (price in stablecoin units per QTRA). */
export const DEFAULT_ROUNDS = [
  // Private A: $0.010, 40M QTRA, $1 000 min, $50 000 max, 5% TGE, 6 mo cliff, 18 mo linear
  {
    name: 'privateA',
    id: 0,
    price: 10_000n,
    hardCap: 40_000_000n * QTRA,
    minPurchase: 1_000n * USD,
    maxPerWallet: 50_000n * USD,
    tgeBps: 500,
    cliff: 6n * MONTH,
    duration: 18n * MONTH,
  },
  // Private B: $0.015, 40M QTRA, $500 min, $25 000 max, 7.5% TGE, 4 mo cliff, 15 mo linear
  {
    name: 'privateB',
    id: 1,
    price: 15_000n,
    hardCap: 40_000_000n * QTRA,
    minPurchase: 500n * USD,
    maxPerWallet: 25_000n * USD,
    tgeBps: 750,
    cliff: 4n * MONTH,
    duration: 15n * MONTH,
  },
  // Private C: $0.020, 30M QTRA, $250 min, $10 000 max, 10% TGE, 3 mo cliff, 12 mo linear
  {
    name: 'privateC',
    id: 2,
    price: 20_000n,
    hardCap: 30_000_000n * QTRA,
    minPurchase: 250n * USD,
    maxPerWallet: 10_000n * USD,
    tgeBps: 1_000,
    cliff: 3n * MONTH,
    duration: 12n * MONTH,
  },
  // Public: $0.030, 40M QTRA, $50 min, $5 000 max, 20% TGE, no cliff, 6 mo linear, no allowlist
  {
    name: 'public',
    id: 3,
    price: 30_000n,
    hardCap: 40_000_000n * QTRA,
    minPurchase: 50n * USD,
    maxPerWallet: 5_000n * USD,
    tgeBps: 2_000,
    cliff: 0n,
    duration: 6n * MONTH,
  },
] as const;

/** QTRA minted to the SaleManager: the four hard caps, 150 000 000 QTRA (15% of the supply). */
export const DEFAULT_SALE_SUPPLY = DEFAULT_ROUNDS.reduce((sum, r) => sum + r.hardCap, 0n);

export const ZERO_ROOT = `0x${'0'.repeat(64)}` as const;

export function deployQuantaTrade(
  m: IgnitionModuleBuilder,
  // an address, an address parameter, or a deployed contract future
  deps: { stablecoin: ArgumentType; swapRouter: ArgumentType },
) {
  const admin = m.getAccount(0);
  const treasury = m.getParameter<string>('treasury');
  const keeper = m.getParameter<string>('keeper');
  const depositor = m.getParameter<string>('depositor');
  const buybackBps = m.getParameter<bigint>('buybackBps');
  const stakingBps = m.getParameter<bigint>('stakingBps');
  const treasuryBps = m.getParameter<bigint>('treasuryBps');
  const saleSupply = m.getParameter<bigint>('saleSupply', DEFAULT_SALE_SUPPLY);

  const qtra = m.contract('QTRA', [admin]);
  const sale = m.contract('SaleManager', [admin, qtra, treasury]);
  const vesting = m.contract('MerkleVesting', [admin, qtra, treasury]);
  const staking = m.contract('Staking', [qtra, deps.stablecoin, admin]);
  const router = m.contract('RevenueRouter', [
    {
      stablecoin: deps.stablecoin,
      qtra,
      swapRouter: deps.swapRouter,
      staking,
      treasury,
      admin,
      buybackBps,
      stakingBps,
      treasuryBps,
    },
  ]);

  // Staking rewards come only from the router (distribute -> notifyRewardAmount).
  m.call(staking, 'grantRole', [ROLES.REWARDS_DISTRIBUTOR_ROLE, router], { id: 'grantRewardsDistributor' });
  m.call(router, 'grantRole', [ROLES.KEEPER_ROLE, keeper], { id: 'grantKeeper' });
  m.call(router, 'grantRole', [ROLES.DEPOSITOR_ROLE, depositor], { id: 'grantDepositor' });

  // The sale: accepts the stablecoin (decimals() must be 6), holds the QTRA it sells, 4 rounds.
  m.call(sale, 'setStablecoin', [deps.stablecoin, true], { id: 'acceptStablecoin' });
  m.call(qtra, 'mint', [sale, saleSupply], { id: 'mintSaleSupply' });
  for (const r of DEFAULT_ROUNDS) {
    m.call(
      sale,
      'configureRound',
      [
        r.id,
        {
          price: r.price,
          hardCap: r.hardCap,
          minPurchase: r.minPurchase,
          maxPerWallet: r.maxPerWallet,
          start: m.getParameter<number>(`${r.name}Start`),
          end: m.getParameter<number>(`${r.name}End`),
          tgeBps: r.tgeBps,
          cliff: r.cliff,
          duration: r.duration,
          // Private rounds need their allowlist root; Public must have none.
          merkleRoot: r.id === 3 ? ZERO_ROOT : m.getParameter<string>(`${r.name}Root`),
        },
      ],
      { id: `configureRound_${r.name}` },
    );
  }

  return { qtra, sale, vesting, staking, router };
}

/** Production module: the stablecoin (e.g. Base Sepolia USDC) and the swap-router adapter are
 * parameters. See ignition/parameters/*.json and the README for the full parameter list. */
export default buildModule('QuantaTrade', (m) =>
  deployQuantaTrade(m, {
    stablecoin: m.getParameter<string>('stablecoin'),
    swapRouter: m.getParameter<string>('swapRouter'),
  }),
);
