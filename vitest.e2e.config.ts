import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real browsers: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
