// Hardhat Ignition: the whole system on a local chain in one deployment: LocalMocks (mock USDC and
// mock swap router) feeding deployQuantaTrade, plus QTRA liquidity for the mock router so
// executeBuyback works. Parameters: ignition/parameters/local.json.
import { buildModule } from '@nomicfoundation/hardhat-ignition/modules';
import LocalMocks from './LocalMocks.ts';
import { deployQuantaTrade } from './QuantaTrade.ts';

export const DEFAULT_SWAP_LIQUIDITY = 100_000_000n * 10n ** 18n;

export default buildModule('QuantaTradeLocal', (m) => {
  const { stablecoin, swapRouter } = m.useModule(LocalMocks);
  const system = deployQuantaTrade(m, { stablecoin, swapRouter });
  m.call(system.qtra, 'mint', [swapRouter, m.getParameter<bigint>('swapLiquidity', DEFAULT_SWAP_LIQUIDITY)], {
    id: 'mintSwapLiquidity',
  });
  return { ...system, stablecoin, swapRouter };
});
