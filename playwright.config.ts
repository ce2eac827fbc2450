import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'
import { e2eStore } from './tests/support/e2e-store'

/** Debian's Chromium where present (the CI machines have no other); otherwise Playwright's own. */
const debianChromium = '/usr/bin/chromium'

/**
 * The store the app runs on: SQLite by default, PostgreSQL with VIERDE_HUIS_E2E_STORE=postgres.
 * `npm run test:e2e` (and so `npm test` and CI) builds once and runs the suite twice, SQLite
 * first, then PostgreSQL (`npm run test:e2e:postgres`), which runs only if SQLite passed. On
 * PostgreSQL globalSetup starts one throwaway cluster for the run, with a fresh database per test;
 * tests of a SQLite-only feature (file backups) and of team mode only (two desks on one database)
 * are skipped in the other round, each with its reason. Results and screenshots of the PostgreSQL
 * round go to their own folders, so it overwrites nothing of the SQLite round's.
 */
const store = e2eStore()

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: store === 'postgres' ? 'test-results/e2e-postgres' : 'test-results/e2e',
  globalSetup: './tests/support/e2e-global-setup.ts',
  timeout: 120_000,
  // Loading the demo data (with its history) takes several seconds on a two-core machine.
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
