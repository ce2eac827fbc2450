/**
 * The process the crash-safety test kills. It opens a real database the way the app does (lock,
 * integrity check, migrations), says "ready", does one large piece of work and says "done".
 *   node --import tsx tests/support/crash-worker.ts <db> import <file.xlsx>
 *   node --import tsx tests/support/crash-worker.ts <db> generate <quarter>
 *   node --import tsx tests/support/crash-worker.ts <db> restore <backup-name>
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { loadAssignmentSolver } from '../../src/main/matching/highs-solver'
import { openRuntime } from '../../src/main/runtime'
import { restoreBackup } from '../../src/main/services/backup-service'
import { importDwellings } from '../../src/main/services/import-service'
import { generateForQuarter } from '../../src/main/services/shortlists-service'
import type { QuarterKey } from '../../src/shared/domain/quarter'

const [dbFile, mode, argument] = process.argv.slice(2)
if (!dbFile || !mode || !argument) throw new Error('gebruik: crash-worker <db> <mode> <argument>')

// Fixed "today", so the generation does the same work in every run.
const now = () => new Date('2026-11-23T09:00:00Z')
await loadAssignmentSolver()
const runtime = await openRuntime(dbFile, {
  ...(process.env['CRASH_MIGRATIONS'] ? { migrationsFolder: process.env['CRASH_MIGRATIONS'] } : {}),
  program: 'crash-test',
  startupTasks: false,
  context: { actor: { officer: 'Crashtest', osUser: 'crash' }, now },
})
process.stdout.write('ready\n')
const started = performance.now()

if (mode === 'import') {
  const report = await importDwellings(runtime.ctx, {
    fileName: basename(argument),
    base64: readFileSync(argument).toString('base64'),
    validOnly: false,
    dryRun: false,
  })
  if (!report.committed) throw new Error(`import niet gelukt: ${JSON.stringify(report.errors[0])}`)
} else if (mode === 'generate') {
  await generateForQuarter(runtime.ctx, argument as QuarterKey)
} else if (mode === 'restore') {
  await restoreBackup(runtime.ctx, argument)
} else {
  throw new Error(`onbekende mode ${mode}`)
}
process.stdout.write(`done ${Math.round(performance.now() - started)}\n`)
runtime.close()
