#!/usr/bin/env node
/**
 * `npm run soak`: the crash and fuzz tests of `npm test`, with large counts. Prints how many kills,
 * fuzz cases and restores were tried and that nothing was lost; exits non-zero if anything was.
 * Counts come from the environment, e.g. `CRASH_ITERATIONS=50 npm run soak` for a shorter run:
 *   CRASH_ITERATIONS (200), FUZZ_IMPORT_CASES (5000), FUZZ_API_CASES (1000 per channel).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const reportDir = mkdtempSync(join(tmpdir(), 'vierde-huis-soak-'))
const env = {
  ...process.env,
  CRASH_ITERATIONS: process.env.CRASH_ITERATIONS ?? '200',
  FUZZ_IMPORT_CASES: process.env.FUZZ_IMPORT_CASES ?? '5000',
  FUZZ_API_CASES: process.env.FUZZ_API_CASES ?? '1000',
  SOAK_REPORT_DIR: reportDir,
}
const tests = [
  'tests/integration/crash-safety.test.ts',
  'tests/integration/fuzz-importers.test.ts',
  'tests/integration/fuzz-api.test.ts',
]

console.log(
  `Soak: ${env.CRASH_ITERATIONS} kills, ${env.FUZZ_IMPORT_CASES} Excel-bestanden, ` +
    `${env.FUZZ_API_CASES} aanroepen per API-kanaal…`,
)
const started = Date.now()
const run = spawnSync('npx', ['vitest', 'run', ...tests], { cwd: root, env, stdio: 'inherit' })
const minutes = ((Date.now() - started) / 60_000).toFixed(1)

const read = (name) => {
  const file = join(reportDir, name)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}
const crash = read('crash.json')
const importers = read('fuzz-importers.json')
const calls = read('fuzz-api.json')
rmSync(reportDir, { recursive: true, force: true })

console.log(`\n── Soak-resultaat (${minutes} min) ──`)
console.log(
  crash
    ? `Kills:      ${crash.kills} (${crash.untouched} lieten niets achter, ${crash.complete} alles), ` +
        `${crash.finishedFirst} keer was het werk al klaar; ${crash.restoresTried} keer terugzetten geprobeerd (seed ${crash.seed})`
    : 'Kills:      niet voltooid',
)
console.log(
  importers
    ? `Excel-fuzz: ${importers.cases} bestanden: ${importers.refused} geweigerd, ${importers.reported} gemeld zonder te schrijven, ${importers.committed} nog geldig en ingelezen`
    : 'Excel-fuzz: niet voltooid',
)
console.log(
  calls
    ? `API-fuzz:   ${calls.cases} aanroepen over ${calls.channels} kanalen`
    : 'API-fuzz:   niet voltooid',
)
const ok = run.status === 0 && crash && importers && calls
console.log(
  ok
    ? 'Niets verloren: elke database opende, doorstond de integriteitscontrole en hield alles of niets van het onderbroken werk.'
    : 'MISLUKT: zie de testuitvoer hierboven.',
)
process.exit(ok ? 0 : 1)
