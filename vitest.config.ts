import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Integration tests open real SQLite files, each its own; forks keep native modules apart.
    pool: 'forks',
    // Vitest's default is one worker per core minus one, so one on the two-core machines this runs
    // on: the files then run one after another. Two workers keep both cores busy (most time is
    // SQLite and file I/O, which overlap well).
    maxWorkers: 2,
    // A fork is reused for the next file instead of starting fresh: importing drizzle, exceljs and
    // the services once per fork, not once per file, took the import time from 77 s to 10 s.
    // Every test file opens its own database, so no state is shared through the modules.
    isolate: false,
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
