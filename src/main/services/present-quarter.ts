import { and, asc, eq } from 'drizzle-orm'
import type { ConceptList, PresentPlan, PresentResult, PresentScope } from '../../shared/api'
import { ApiError } from '../../shared/api'
import { parseQuarter } from '../../shared/domain/quarter'
import type { DbOrTx } from '../db/connection'
import { corporations, dwellings, shortlists } from '../db/schema'
import { countOpenCandidates } from '../repositories/shortlists'
import type { AuditEntry } from './audit'
import { audited, eventsOf } from './audited'
import type { ServiceContext } from './context'
import { getSettings } from './planning-service'
import { presentRound, unavailableCandidates } from './shortlists-service'

/**
 * Presenting a whole quarter in one step: the officer first sees how many concept lists there are,
 * which are short and which wait for a swap, then presents every ready list in one transaction —
 * each round with its own audit row on its dwelling's timeline, as when presented one by one.
 */
export async function presentPlan(ctx: ServiceContext, scope: PresentScope): Promise<PresentPlan> {
  const year = parseQuarter(scope.quarter).year
  return {
    quarter: scope.quarter,
    shortlistSize: (await getSettings(ctx, year)).values.shortlistSize,
    lists: await conceptLists(ctx.store.db, scope),
  }
}

export async function presentAll(ctx: ServiceContext, scope: PresentScope): Promise<PresentResult> {
  const presented = await audited(ctx, eventsOf, async (tx) => {
    const lists = await conceptLists(tx, scope)
    const ready = lists.filter((list) => list.unavailable.length === 0)
    if (ready.length === 0) {
      throw new ApiError(
        'conflict',
        lists.length === 0
          ? 'Er zijn geen conceptvoordrachten om voor te dragen; maak eerst voordrachten.'
          : 'Geen enkele conceptvoordracht kan worden voorgedragen: wissel eerst de kandidaten die niet meer beschikbaar zijn.',
      )
    }
    const events: AuditEntry[] = []
    for (const list of ready) events.push(...(await presentRound(tx, ctx, list.shortlistId)).events)
    const corporationsPresented = perCorporation(ready)
    const all: AuditEntry = {
      action: 'shortlists:presentAll',
      entityType: 'quarter',
      entityId: scope.quarter,
      summary: `${ready.length === 1 ? '1 voordracht' : `${ready.length} voordrachten`} in één keer voorgedragen (${corporationsPresented.map((c) => `${c.name} ${c.lists}`).join(', ')})`,
      details: {
        corporationId: scope.corporationId ?? null,
        shortlists: ready.map((list) => list.shortlistId),
        skipped: lists.length - ready.length,
      },
    }
    const result: PresentResult = {
      quarter: scope.quarter,
      presented: ready.length,
      candidates: ready.reduce((sum, list) => sum + list.candidates, 0),
      corporations: corporationsPresented,
      skipped: lists.filter((list) => list.unavailable.length > 0),
    }
    return { result, events: [...events, all] }
  })
  return presented.result
}

async function conceptLists(db: DbOrTx, scope: PresentScope): Promise<ConceptList[]> {
  const conditions = [eq(dwellings.quarterKey, scope.quarter), eq(shortlists.status, 'concept')]
  if (scope.corporationId !== undefined)
    conditions.push(eq(dwellings.corporationId, scope.corporationId))
  const rows = await db
    .select({
      shortlistId: shortlists.id,
      dwellingId: dwellings.id,
      address: dwellings.address,
      corporationId: corporations.id,
      corporation: corporations.name,
      round: shortlists.round,
      eligible: shortlists.eligiblePoolSize,
    })
    .from(shortlists)
    .innerJoin(dwellings, eq(dwellings.id, shortlists.dwellingId))
    .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
    .where(and(...conditions))
    .orderBy(asc(corporations.name), asc(dwellings.address))
  const lists: ConceptList[] = []
  for (const row of rows) {
    lists.push({
      ...row,
      candidates: await countOpenCandidates(db, row.shortlistId),
      unavailable: await unavailableCandidates(db, row.shortlistId),
    })
  }
  return lists
}

function perCorporation(lists: ConceptList[]): PresentResult['corporations'] {
  const byId = new Map<number, PresentResult['corporations'][number]>()
  for (const list of lists) {
    const entry = byId.get(list.corporationId) ?? {
      id: list.corporationId,
      name: list.corporation,
      lists: 0,
    }
    entry.lists += 1
    byId.set(list.corporationId, entry)
  }
  return [...byId.values()]
}
