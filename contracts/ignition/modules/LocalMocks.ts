// Hardhat Ignition: test doubles for a local chain, feeding QuantaTradeLocal (or, deployed first on
// a fresh `hardhat node`, the production QuantaTrade module through ignition/parameters/local.json).
import { buildModule } from '@nomicfoundation/hardhat-ignition/modules';

/** QTRA at $0.05: 20 QTRA (18 decimals) per 1 USDC (6 decimals), scaled by 1e18. */
export const DEFAULT_SWAP_RATE = (20n * 10n ** 18n * 10n ** 18n) / 10n ** 6n;

export default buildModule('LocalMocks', (m) => {
  // 6 decimals, anyone can mint: stands in for USDC.
  const stablecoin = m.contract('MockStablecoin', ['USD Coin (mock)', 'USDC']);
  // Pays `amountIn * rate / 1e18` QTRA from its own balance (QuantaTradeLocal funds it).
  const swapRouter = m.contract('MockSwapRouter', [m.getParameter<bigint>('swapRate', DEFAULT_SWAP_RATE)]);
  return { stablecoin, swapRouter };
});
