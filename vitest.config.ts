import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CJS (main) and ESM (module) builds without an exports map. Node, and so
    // graphql-yoga and graphql-ws from node_modules, load the CJS one; Vite would give our files
    // the ESM one, and two graphql instances refuse each other's types. One copy, as in Node.
    alias: [
      {
        find: /^graphql$/,
        replacement: fileURLToPath(new URL('node_modules/graphql/index.js', import.meta.url)),
      },
    ],
  },
  test: {
    include: [
      'actors/**/*.test.ts',
      'graph/**/*.test.ts',
      'test/**/*.test.ts',
      'contracts/indexer/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
