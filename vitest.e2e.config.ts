import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real browsers: one file at a time, generous budgets.
// No test relies on a default timeout (Vitest's 5 s, expect.poll's 1 s, Playwright's 30 s): a busy 2-core
// machine can be many times slower than a quiet one. Waits inside tests use WAIT_MS from tests/e2e/wait.ts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 60_000 } },
  },
});
