// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '**/node_modules/**',
      '.data/**',
      'test-results/**',
      'web/**',
      // The Solidity workspace has its own checks (hardhat, tsc); its indexer is linted here.
      'contracts/!(indexer)/**',
      'contracts/*.ts',
      'proto/gen/**',
      'graph/generated/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      // With noUncheckedIndexedAccess, a checked index (`counts[i]!`) needs the assertion.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['bench/**', 'actors/node.ts'],
    rules: { 'no-console': 'off' },
  },
);
