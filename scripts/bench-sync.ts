/**
 * What `synchronous = FULL` costs (src/main/db/connection.ts): the same audited workflow step
 * — a status change with its reason, one transaction with its audit row, through the API as the
 * window makes it — timed on a real file with FULL and with NORMAL, interleaved so that disk
 * noise hits both alike.
 *
 *   npx tsx scripts/bench-sync.ts [writes per round] [--dir <folder on the disk to measure>]
 *
 * The folder matters: on tmpfs fsync is free and both modes look the same; measure on the disk
 * the database lives on (default: the system's temp folder).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { careProviders, clients } from '../src/main/db/schema'
import { openRuntime } from '../src/main/runtime'

const { values, positionals } = parseArgs({
  options: { dir: { type: 'string' } },
  allowPositionals: true,
})
const WRITES = Number(positionals[0] ?? 400)
const ROUNDS = 3
const MODES = ['NORMAL', 'FULL'] as const

const dir = mkdtempSync(join(values.dir ?? tmpdir(), 'bench-sync-'))
const file = join(dir, 'bench.db')

async function seed(): Promise<number> {
  const runtime = await openRuntime(file, { startupTasks: false })
  try {
    const { db } = runtime.store
    const careProviderId = db.insert(careProviders).values({ name: 'Lister' }).returning().get().id
    return db
      .insert(clients)
      .values({
        code: 'BENCH-1',
        careProviderId,
        targetGroup: 'uitstroom-bw',
        flow: 'uitstroom',
        registeredOn: '2026-01-05',
        birthYear: 1990,
        maxRent: 650,
        statusSince: '2026-01-05',
      })
      .returning()
      .get().id
  } finally {
    runtime.close()
  }
}

/** Milliseconds per write for `WRITES` status changes under one synchronous mode. */
async function round(mode: (typeof MODES)[number], clientId: number): Promise<number[]> {
  const runtime = await openRuntime(file, { startupTasks: false })
  try {
    runtime.store.sqlite.pragma(`synchronous = ${mode}`)
    const setStatus = runtime.routes.get('clients:setStatus')!
    const times: number[] = []
    for (let i = 0; i < WRITES; i++) {
      const start = performance.now()
      const result = await setStatus({
        id: clientId,
        status: i % 2 === 0 ? 'on-hold' : 'wachtend',
        reason: `Meting ${i}`,
      })
      times.push(performance.now() - start)
      if (!result.ok) throw new Error(result.error.message)
    }
    return times
  } finally {
    runtime.close()
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

try {
  const clientId = await seed()
  const samples = new Map<string, number[]>(MODES.map((m) => [m, []]))
  for (let r = 0; r < ROUNDS; r++) {
    for (const mode of MODES) samples.get(mode)!.push(...(await round(mode, clientId)))
  }
  console.log(`${ROUNDS} × ${WRITES} statuswijzigingen met auditregel per modus, in ${dir}`)
  console.log('modus    gemiddeld   mediaan    p95      schrijfacties/s')
  const mean = new Map<string, number>()
  for (const mode of MODES) {
    const times = samples.get(mode)!.sort((a, b) => a - b)
    const avg = times.reduce((a, b) => a + b, 0) / times.length
    mean.set(mode, avg)
    const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(9)
    console.log(
      `${mode.padEnd(7)} ${ms(avg)} ${ms(percentile(times, 0.5))} ${ms(percentile(times, 0.95))}   ${Math.round(1000 / avg)}`,
    )
  }
  const extra = mean.get('FULL')! - mean.get('NORMAL')!
  console.log(`FULL kost ${extra.toFixed(2)} ms per schrijfactie extra.`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
