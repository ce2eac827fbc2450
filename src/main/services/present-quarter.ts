import { and, asc, eq } from 'drizzle-orm'
import type { ConceptList, PresentPlan, PresentResult, PresentScope } from '../../shared/api'
import { ApiError } from '../../shared/api'
import { parseQuarter } from '../../shared/domain/quarter'
import type { DbOrTx } from '../db/connection'
import { isPostgres, lockRows } from '../db/dialect'
import { corporations, dwellings, shortlists } from '../db/schema'
import { countOpenCandidates } from '../repositories/shortlists'
import type { AuditEntry } from './audit'
import { audited, eventsOf } from './audited'
import { quarterConflict } from './conflicts'
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
    // Every dwelling of the quarter's concept lists is locked at once, in id order (as a step on
    // one of them locks it), and the lists are read again after the lock: a round another desk
    // presented meanwhile is no longer a concept and is left alone.
    const seen = await conceptLists(tx, scope)
    await lockRows(
      tx,
      dwellings,
      seen.map((list) => list.dwellingId),
    )
    const lists = isPostgres(tx) && seen.length > 0 ? await conceptLists(tx, scope) : seen
    const ready = lists.filter((list) => list.unavailable.length === 0)
    if (lists.length === 0) {
      throw await quarterConflict(
        tx,
        ctx,
        scope.quarter,
        'shortlists:presentAll',
        'Er zijn geen conceptvoordrachten om voor te dragen; maak eerst voordrachten.',
      )
    }
    if (ready.length === 0) {
      throw new ApiError(
        'conflict',
        'Geen enkele conceptvoordracht kan worden voorgedragen: wissel eerst de kandidaten die niet meer beschikbaar zijn.',
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
