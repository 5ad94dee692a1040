// Hardhat 3 plugin that adds branch probes on top of Hardhat's `--coverage` statement
// instrumentation. Loaded only by ./hardhat.config.ts (the coverage config used by
// scripts/coverage.ts); it does nothing unless `--coverage` is given. See docs/coverage.md.
import type { HardhatPlugin } from 'hardhat/types/plugins';

const branchCoveragePlugin: HardhatPlugin = {
  id: 'quantatrade:branch-coverage',
  hookHandlers: {
    solidity: () => import('./solidity-hooks.ts'),
  },
};

export default branchCoveragePlugin;
