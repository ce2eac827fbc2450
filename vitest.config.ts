import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Integration tests open real SQLite files; two cores, so keep the pool small and predictable.
    pool: 'forks',
    testTimeout: 20_000,
  },
})
