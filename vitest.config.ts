import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/leak-scan.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration files each start their own emulator and gateways on port 0.
    pool: 'forks',
  },
});
