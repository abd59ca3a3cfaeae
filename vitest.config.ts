import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module); Node loads the CJS one for our dependencies,
  // so tests must too, or two copies of graphql meet ("from another module or realm").
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/leak-scan.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration files each start their own emulator and gateways on port 0.
    pool: 'forks',
  },
});
