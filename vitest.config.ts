import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Integration tests open real SQLite files; two cores, so keep the pool small and predictable.
    pool: 'forks',
    // The exact quarter assignment needs HiGHS (WebAssembly), which loads asynchronously once.
    setupFiles: ['tests/support/load-solver.ts'],
    // One folder per run for what is built once and shared by the test files (the demo database),
    // and one throwaway PostgreSQL cluster per run: team mode is tested against a real server.
    globalSetup: ['tests/support/run-folder.ts', 'tests/support/pg-cluster.ts'],
    // The demo data set, history included, takes seconds to load on a busy two-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
