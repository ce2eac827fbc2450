import { defineConfig } from '@playwright/test'
import base from './playwright.config'

/** `npm run bench:ui`: the grids on the ten-year database, apart from the e2e suite. */
export default defineConfig({
  ...base,
  testDir: 'scripts',
  testMatch: 'bench-ui.spec.ts',
  outputDir: 'test-results/bench-ui',
  // Building the ten-year file, when it is not cached yet, takes a minute or more.
  timeout: 600_000,
  // No trace or screenshots: Playwright's snapshotter walks the DOM and its screencast makes the
  // compositor paint extra frames, in the page being timed; the officer's app has neither.
  use: { ...base.use, trace: 'off', screenshot: 'off' },
})
