// Coverage config: the project's hardhat.config.ts plus the branch-coverage plugin.
// Hardhat resolves the project root as the closest package.json, i.e. contracts/, so all paths are
// the same as with the main config. Used as: ./hardhat.sh --config scripts/coverage/hardhat.config.ts
// test --coverage (scripts/coverage.ts does this for you).
import baseConfig from '../../hardhat.config.ts';
import branchCoveragePlugin from './plugin.ts';

export default {
  ...baseConfig,
  // (skip the plugin if the project config already loads it)
  plugins: (baseConfig.plugins ?? []).some((p) => p.id === branchCoveragePlugin.id)
    ? baseConfig.plugins
    : [...(baseConfig.plugins ?? []), branchCoveragePlugin],
};
