import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// No test relies on Vitest's defaults (5 s per test, 1 s for expect.poll): CI and newcomers run on 2 busy cores.
// These budgets guard against hangs; they are not speed checks. Tests known to take seconds set their own.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 30_000 } },
  },
});
