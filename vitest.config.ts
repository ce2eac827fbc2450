import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Integration tests open real SQLite files; two cores, so keep the pool small and predictable.
    pool: 'forks',
    // The exact quarter assignment needs HiGHS (WebAssembly), which loads asynchronously once.
    setupFiles: ['tests/support/load-solver.ts'],
    // Team mode is tested against a real PostgreSQL: one throwaway cluster per run.
    globalSetup: ['tests/support/pg-cluster.ts'],
    // The demo data set, history included, takes seconds to load on a busy two-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
