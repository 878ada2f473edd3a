import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['contracts/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Route tests share one database per file; files run in parallel on the two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
