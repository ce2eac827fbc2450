import { count, inArray } from 'drizzle-orm'
import type { DemoSummary } from '../../shared/api/app'
import { ApiError } from '../../shared/api/endpoint'
import type { Db } from '../db/connection'
import {
  careProviders,
  clients,
  corporations,
  dwellings,
  quarterQuotas,
  quarters,
  settings,
  yearTargets,
} from '../db/schema'
import { localIsoDate } from '../demo/calendar'
import { generateDemo } from '../demo/generate'
import { simulateHistory, type HistorySummary } from '../demo/history'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'

/** Rows per INSERT: well under SQLite's bound-parameter limit for the widest table (~30 columns). */
const CHUNK = 200

async function inChunks<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK))
}

async function countRows(db: Db) {
  const n = async (
    table: typeof corporations | typeof careProviders | typeof clients | typeof dwellings,
  ) => (await db.select({ n: count() }).from(table).limit(1))[0]?.n ?? 0
  return {
    corporations: await n(corporations),
    careProviders: await n(careProviders),
    clients: await n(clients),
    dwellings: await n(dwellings),
  }
}

/** The waiting list: everyone registered and not yet housed, withdrawn or on hold. */
async function countWaiting(db: Db): Promise<number> {
  return (
    (
      await db
        .select({ n: count() })
        .from(clients)
        .where(inArray(clients.status, ['wachtend', 'voorgedragen', 'aanbieding']))
        .limit(1)
    )[0]?.n ?? 0
  )
}

/** Maps a name to the id SQLite gave it; RETURNING promises no order, names are unique. */
function idsByName(rows: { id: number; name: string }[], names: readonly string[]): number[] {
  const byName = new Map(rows.map((r) => [r.name, r.id]))
  return names.map((name) => {
    const id = byName.get(name)
    if (id === undefined) throw new Error(`Demo: geen id voor ${name}`)
    return id
  })
}

/** Why the demo is not loaded into the team's PostgreSQL, and where it can be tried instead. */
export const DEMO_TEAM_REFUSAL =
  'De demogegevens worden niet in de teamdatabase geladen: daar werkt het hele team met echte ' +
  'cliënten, en verzonnen gegevens horen daar niet tussen. Probeer de demo op een eigen bestand: ' +
  'npm run cli -- demo --db demo.db (zonder VIERDE_HUIS_DATABASE_URL), of zet een gevulde ' +
  'demodatabase over met migrate-to-postgres naar een lege oefendatabase.'

/**
 * Fills an empty database with the demo dataset for today, in one transaction with its audit event.
 * Refuses when anything has been registered: demo rows must never mix with real clients.
 */
export async function loadDemo(ctx: ServiceContext, seed = 2019): Promise<DemoSummary> {
  if (ctx.store.dialect === 'postgres') throw new ApiError('conflict', DEMO_TEAM_REFUSAL)
  const { db } = ctx.store
  const now = ctx.now()
  const existing = await countRows(db)
  if (Object.values(existing).some((n) => n > 0)) {
    throw new ApiError(
      'conflict',
      `De demogegevens kunnen alleen in een lege database worden geladen. Deze database bevat al ` +
        `${existing.corporations} corporaties, ${existing.careProviders} zorgaanbieders, ` +
        `${existing.clients} cliënten en ${existing.dwellings} woningen.`,
    )
  }

  const data = generateDemo(seed, now)
  const quarterKeys = data.quarters.map((q) => q.key)
  const historyKeys = quarterKeys.slice(0, -1)

  const loaded = ({
    history,
    waiting,
  }: {
    history: HistorySummary
    waiting: number
  }): AuditEntry => ({
    action: 'demo:load',
    entityType: 'database',
    summary:
      `Demogegevens geladen (seed ${seed}): ${data.corporations.length} corporaties, ` +
      `${data.careProviders.length} zorgaanbieders, ${data.clients.length} cliënten ` +
      `(${waiting} nog wachtend) en ${data.dwellings.length} woningen in ${quarterKeys.length} ` +
      `kwartalen (${quarterKeys.join(', ')}); geschiedenis van ${history.allocations} ` +
      `toewijzingen in ${historyKeys.join(', ')}.`,
    details: {
      seed,
      corporations: data.corporations.length,
      careProviders: data.careProviders.length,
      clients: data.clients.length,
      waitingClients: waiting,
      dwellings: data.dwellings.length,
      quarters: quarterKeys,
      history,
    },
  })
  // better-sqlite3 is synchronous on one connection: everything below, the history's own steps
  // too, commits or rolls back together with the audit event.
  const { history, waiting } = await audited(ctx, loaded, async () => {
    const corporationIds = idsByName(
      await db
        .insert(corporations)
        .values(data.corporations)
        .returning({ id: corporations.id, name: corporations.name }),
      data.corporations.map((c) => c.name),
    )
    const providerIds = idsByName(
      await db
        .insert(careProviders)
        .values(data.careProviders)
        .returning({ id: careProviders.id, name: careProviders.name }),
      data.careProviders.map((p) => p.name),
    )
    const corporationId = (i: number) => corporationIds[i] ?? fail(`corporatie ${i}`)
    const providerId = (i: number) => providerIds[i] ?? fail(`zorgaanbieder ${i}`)

    // Targets, quarters and settings an officer already entered win over the demo's.
    await db.insert(yearTargets).values(data.yearTargets).onConflictDoNothing()
    await db.insert(quarters).values(data.quarters).onConflictDoNothing()
    await db.insert(settings).values(data.settings).onConflictDoNothing()
    await db.insert(quarterQuotas).values(
      data.quarterQuotas.map(({ corporation, ...q }) => ({
        ...q,
        corporationId: corporationId(corporation),
      })),
    )

    // Clients register and dwellings are submitted as the history's clock passes their day, so the
    // engine never sees anyone before they were there; ids still follow registration and submission.
    const clientRows = data.clients.map(({ careProvider, supportProvider, ...c }) => ({
      ...c,
      careProviderId: providerId(careProvider),
      supportProviderId: supportProvider === null ? null : providerId(supportProvider),
    }))
    const dwellingRows = data.dwellings.map(({ corporation, ...d }) => ({
      ...d,
      corporationId: corporationId(corporation),
    }))
    let nextClient = 0
    let nextDwelling = 0
    const arrive = async (day: string) => {
      const from = nextClient
      while (nextClient < clientRows.length && clientRows[nextClient]!.registeredOn <= day)
        nextClient++
      await inChunks(
        clientRows.slice(from, nextClient),
        async (chunk) => await db.insert(clients).values(chunk),
      )
      const fromDwelling = nextDwelling
      while (nextDwelling < dwellingRows.length && dwellingRows[nextDwelling]!.submittedOn <= day)
        nextDwelling++
      await inChunks(
        dwellingRows.slice(fromDwelling, nextDwelling),
        async (chunk) => await db.insert(dwellings).values(chunk),
      )
    }

    const history = await simulateHistory(ctx, {
      seed,
      todayIso: localIsoDate(now),
      quarters: data.quarters.slice(0, -1),
      arrive,
    })
    await arrive('9999-12-31')
    const waiting = await countWaiting(db)
    return { history, waiting }
  })

  return {
    seed,
    corporations: data.corporations.length,
    careProviders: data.careProviders.length,
    clients: data.clients.length,
    dwellings: data.dwellings.length,
    quarters: quarterKeys,
    waitingClients: waiting,
    allocations: history.allocations,
    allocationsByQuarter: history.allocationsByQuarter,
    presentedShortlists: history.presentedShortlists,
    rejectedShortlists: history.rejectedShortlists,
    declinedOffers: history.declinedOffers,
    withdrawnDwellings: history.withdrawnDwellings,
    medianLeadDays: history.medianLeadDays,
  }
}

function fail(what: string): never {
  throw new Error(`Demo: onbekende verwijzing naar ${what}`)
}
