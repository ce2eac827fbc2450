/**
 * `npm run serve -- --db <file> [--port N]`: the app in a browser, on 127.0.0.1 only. Team mode:
 * `VIERDE_HUIS_DATABASE_URL=postgres://… npm run serve` (without --db) serves the same app on the
 * team's PostgreSQL; both given, or neither, is refused (store-choice.ts).
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { describeForOfficer } from './api/system-errors'
import { resourcePath } from './db/connection'
import { startHost } from './host'
import { loadAssignmentSolver } from './matching/highs-solver'
import { chooseStore, describeChoice, openChosenRuntime } from './store-choice'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string', default: '5180' } },
    strict: true,
  })
  const choice = chooseStore(values.db)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Ongeldige poort: ${values.port}`)

  await loadAssignmentSolver()
  const runtime = await openChosenRuntime(choice, { program: 'Het Vierde Huis (npm run serve)' })
  const rendererDir = resolve(resourcePath('migrations'), '..', '..', 'out', 'renderer')
  const host = await startHost({
    routes: runtime.routes,
    rendererDir,
    port,
    changes: runtime.changes,
  }).catch(async (error: unknown) => {
    await runtime.close()
    throw error
  })
  console.log(`Het Vierde Huis draait op ${host.url} (${describeChoice(choice)})`)
  const stop = () =>
    void host
      .close()
      .then(() => runtime.close())
      .then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

// A damaged or missing file, a port in use: one Dutch line, never a stack trace.
main().catch((error: unknown) => {
  console.error(`Fout: ${describeForOfficer(error)}`)
  process.exit(1)
})
