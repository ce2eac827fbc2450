import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildTenYears } from './bench-data'
import { openStore } from '../src/main/db/connection'

export const BENCH = join(process.cwd(), '.bench')
/** The day the ten-year data runs up to. */
export const BENCH_TODAY = new Date(2026, 10, 23, 12)

export function removeDb(file: string) {
  for (const suffix of ['', '-wal', '-shm', '.lock']) rmSync(file + suffix, { force: true })
}

/** The cached ten-year file, built once (≈1 minute) and reused while bench-data.ts is unchanged. */
export async function tenYearsFile(log: (line: string) => void = console.error): Promise<string> {
  // Named after what made it: a change to the generator or to the migrations builds it anew.
  const made = createHash('sha256')
    .update(readFileSync(join('scripts', 'bench-data.ts')))
    .update(readFileSync(join('resources', 'migrations', 'meta', '_journal.json')))
    .digest('hex')
    .slice(0, 12)
  const file = join(BENCH, `ten-years-${made}.db`)
  for (const old of readdirSync(BENCH).filter(
    (f) => f.startsWith('ten-years-') && !f.includes(made),
  ))
    rmSync(join(BENCH, old), { force: true })
  if (!existsSync(file)) {
    log('Building the ten-year database once (about a minute)…')
    const building = `${file}.building`
    removeDb(building)
    const started = performance.now()
    const built = await buildTenYears(building, BENCH_TODAY)
    renameSync(building, file)
    log(
      `  built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(built)}`,
    )
  }
  // Migrations added since the file was built run once here, so app start measures a usual start.
  openStore(file, { backupDir: join(BENCH, 'backups') }).close()
  return file
}
