import { createRequire } from 'node:module';
import hardhatToolboxViem from '@nomicfoundation/hardhat-toolbox-viem';
import { configVariable, defineConfig } from 'hardhat/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [hardhatToolboxViem],
  solidity: {
    // The compiler comes from the solc npm package (soljson.js): nothing is downloaded.
    version: '0.8.28',
    path: require.resolve('solc/soljson.js'),
    settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun' },
  },
  networks: {
    hardhatMainnet: { type: 'edr-simulated', chainType: 'l1' },
    hardhatOp: { type: 'edr-simulated', chainType: 'op' },
    // Base Sepolia (the presale's primary chain). No network here: configured, never used in tests.
    baseSepolia: {
      type: 'http',
      chainType: 'op',
      chainId: 84532,
      url: configVariable('BASE_SEPOLIA_RPC_URL'),
      accounts: [configVariable('BASE_SEPOLIA_PRIVATE_KEY')],
    },
  },
});
