import { subYears } from 'date-fns'
import { and, asc, desc, eq, gte, inArray, lte, ne, count } from 'drizzle-orm'
import type {
  ComplexStopState,
  SaveWijkFigure,
  SpreadingOverview,
  SpreadingSettings,
  SpreadingWarning,
} from '../../shared/api/spreading'
import { ApiError } from '../../shared/api'
import { localIsoDate } from '../../shared/domain/dates'
import { WIJK, type Wijk, type WijkFigureSource } from '../../shared/domain/vocabulary'
import { WIJK_FIGURES_2018 } from '../../shared/domain/wijk-stock'
import type { DbOrTx } from '../db/connection'
import type { EligibilityContext } from '../domain/eligibility'
import {
  allocations,
  corporations,
  dwellings,
  dwellingUnderWay,
  settings,
  wijkFigures,
} from '../db/schema'
import {
  complexKey,
  DEFAULT_SPREADING_SETTINGS,
  leansOnSparedWijk,
  stoppedDwellings,
  wijkLoads,
  wijkNorms,
  type ComplexStop,
  type StopCount,
  type WijkFigures,
  type WijkNorm,
} from '../domain/spreading'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'

const SETTINGS_KEY = 'spreading'

/** The spreading settings valid in `year`: the latest set for that year or before, else the defaults. */
export async function spreadingSettings(db: DbOrTx, year: number): Promise<SpreadingSettings> {
  const row = (
    await db
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.key, SETTINGS_KEY), lte(settings.year, year)))
      .orderBy(desc(settings.year))
      .limit(1)
  )[0]
  return row
    ? { ...DEFAULT_SPREADING_SETTINGS, ...(JSON.parse(row.value) as Partial<SpreadingSettings>) }
    : DEFAULT_SPREADING_SETTINGS
}

/** Every wijk's figures: what the officer saved, else the 2018 figures of the plan. */
export async function loadWijkFigures(
  db: DbOrTx,
): Promise<(WijkFigures & { source: WijkFigureSource })[]> {
  const saved = new Map((await db.select().from(wijkFigures)).map((r) => [r.wijk, r]))
  return WIJK.keys.map((wijk) => {
    const row = saved.get(wijk) ?? WIJK_FIGURES_2018[wijk]
    return {
      wijk,
      socialStock: row.socialStock,
      socialShare: row.socialShare,
      placements: row.placements,
      source: row.source,
    }
  })
}

const since = (today: Date, years: number) => localIsoDate(subYears(today, years))

/** The app's own placements per wijk since `from` (ISO date). */
async function placementsByWijk(db: DbOrTx, from: string): Promise<Map<Wijk, number>> {
  return new Map(
    (
      await db
        .select({ wijk: dwellings.wijk, n: count() })
        .from(allocations)
        .innerJoin(dwellings, eq(dwellings.id, allocations.dwellingId))
        .where(gte(allocations.startsOn, from))
        .groupBy(dwellings.wijk)
    ).map((r) => [r.wijk, r.n]),
  )
}

/** Placements per complex (named, or street and house number) within the stop's window. */
export async function complexPlacements(
  db: DbOrTx,
  today: Date,
  stop: ComplexStop,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  const rows = await db
    .select({ complex: dwellings.complex, address: dwellings.address })
    .from(allocations)
    .innerJoin(dwellings, eq(dwellings.id, allocations.dwellingId))
    .where(gte(allocations.startsOn, since(today, stop.years)))
  for (const r of rows) {
    const key = complexKey(r)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

export interface SpreadingState {
  settings: SpreadingSettings
  stop: ComplexStop
  norms: Map<Wijk, WijkNorm>
  appPlacements: Map<Wijk, number>
  wijkLoad: Map<Wijk, number>
  complexPlacements: Map<string, number>
}

/** Everything spreading needs on `today`: norms, loads and complex counts, from figures and history. */
export async function spreadingState(db: DbOrTx, today: Date): Promise<SpreadingState> {
  const s = await spreadingSettings(db, today.getFullYear())
  const stop = { placements: s.complexStopPlacements, years: s.complexStopYears }
  const appPlacements = await placementsByWijk(db, since(today, s.historyYears))
  const norms = wijkNorms(await loadWijkFigures(db), appPlacements, {
    concentration: s.concentrationWeight,
    history: s.historyWeight,
  })
  return {
    settings: s,
    stop,
    norms,
    appPlacements,
    wijkLoad: wijkLoads(norms),
    complexPlacements: await complexPlacements(db, today, stop),
  }
}

/** The stop as eligibility needs it for these dwellings: which are stopped, which let through anyway. */
export async function complexStopContext(
  db: DbOrTx,
  state: SpreadingState,
  dwellingIds: number[],
): Promise<EligibilityContext['complexStop']> {
  const columns = {
    id: dwellings.id,
    complex: dwellings.complex,
    address: dwellings.address,
    override: dwellings.complexStopOverride,
  }
  const batch =
    dwellingIds.length === 0
      ? []
      : await db.select(columns).from(dwellings).where(inArray(dwellings.id, dwellingIds))
  const inBatch = new Set(dwellingIds)
  const pending = new Map<string, number>()
  for (const d of await db.select(columns).from(dwellings).where(dwellingUnderWay)) {
    if (inBatch.has(d.id)) continue
    const key = complexKey(d)
    pending.set(key, (pending.get(key) ?? 0) + 1)
  }
  const stopped = stoppedDwellings(
    batch.map((d) => ({ id: d.id, complex: complexKey(d) })),
    state.complexPlacements,
    pending,
    state.stop,
  )
  const overridden = new Set(batch.filter((d) => d.override !== null).map((d) => d.id))
  return { limit: state.stop, stopped, overridden }
}

/** Per corporation, the spared wijken its submissions this quarter lean on beyond the norm. */
export async function spreadingWarnings(
  db: DbOrTx,
  key: string,
  today: Date,
): Promise<SpreadingWarning[]> {
  const { norms } = await spreadingState(db, today)
  const rows = await db
    .select({
      corporationId: dwellings.corporationId,
      corporation: corporations.name,
      wijk: dwellings.wijk,
      n: count(),
    })
    .from(dwellings)
    .innerJoin(corporations, eq(corporations.id, dwellings.corporationId))
    .where(and(eq(dwellings.quarterKey, key), ne(dwellings.status, 'ingetrokken')))
    .groupBy(dwellings.corporationId, corporations.name, dwellings.wijk)
    .orderBy(asc(corporations.name), asc(dwellings.wijk))
  const submitted = new Map<number, number>()
  for (const r of rows) submitted.set(r.corporationId, (submitted.get(r.corporationId) ?? 0) + r.n)
  return rows.flatMap((r) => {
    const norm = norms.get(r.wijk)
    const total = submitted.get(r.corporationId) ?? 0
    if (!norm || !leansOnSparedWijk(r.n, total, norm)) return []
    return [
      {
        corporationId: r.corporationId,
        corporation: r.corporation,
        wijk: r.wijk,
        inWijk: r.n,
        submitted: total,
        norm: norm.norm,
      },
    ]
  })
}

export async function spreadingOverview({
  store,
  now,
}: ServiceContext): Promise<SpreadingOverview> {
  const today = now()
  const state = await spreadingState(store.db, today)
  return {
    settings: state.settings,
    wijken: (await loadWijkFigures(store.db)).map((f) => {
      const norm = state.norms.get(f.wijk)
      return {
        ...f,
        stockShare: norm?.stockShare ?? 0,
        norm: norm?.norm ?? 0,
        appPlacements: state.appPlacements.get(f.wijk) ?? 0,
        spared: norm?.spared ?? false,
      }
    }),
  }
}

export async function saveWijkFigure(
  ctx: ServiceContext,
  input: SaveWijkFigure,
): Promise<SpreadingOverview> {
  const saved: AuditEntry = {
    action: 'spreading:saveWijk',
    entityType: 'wijk',
    entityId: input.wijk,
    summary: `Cijfers ${WIJK.label(input.wijk)}: ${input.socialStock} sociale huurwoningen, ${Math.round(input.socialShare * 100)} % sociale huur, ${input.placements} plaatsingen buiten de app`,
    details: { ...input },
  }
  await audited(ctx, saved, async (tx) => {
    const values = { ...input, source: 'beheer' as const }
    await tx.insert(wijkFigures).values(values).onConflictDoUpdate({
      target: wijkFigures.wijk,
      set: values,
    })
  })
  return spreadingOverview(ctx)
}

export async function saveSpreadingSettings(
  ctx: ServiceContext,
  input: SpreadingSettings,
): Promise<SpreadingOverview> {
  const year = ctx.now().getFullYear()
  const saved: AuditEntry = {
    action: 'spreading:saveSettings',
    entityType: 'settings',
    entityId: `${SETTINGS_KEY}-${year}`,
    summary: `Spreiding vanaf ${year}: gewichten ${input.concentrationWeight} (concentratie) en ${input.historyWeight} (eerdere plaatsingen), stop ${input.complexStopPlacements} plaatsingen in ${input.complexStopYears} jaar per complex`,
    details: { ...input },
  }
  await audited(ctx, saved, async (tx) => {
    const value = JSON.stringify(input)
    await tx
      .insert(settings)
      .values({ key: SETTINGS_KEY, year, value })
      .onConflictDoUpdate({
        target: [settings.key, settings.year],
        set: { value },
      })
  })
  return spreadingOverview(ctx)
}

export async function complexStopOf(
  ctx: ServiceContext,
  dwellingId: number,
): Promise<ComplexStopState> {
  const db = ctx.store.db
  const dwelling = (
    await db
      .select({
        complex: dwellings.complex,
        address: dwellings.address,
        override: dwellings.complexStopOverride,
      })
      .from(dwellings)
      .where(eq(dwellings.id, dwellingId))
      .limit(1)
  )[0]
  if (!dwelling) throw new ApiError('not-found', `Woning ${dwellingId} bestaat niet`)
  const state = await spreadingState(db, ctx.now())
  const complex = complexKey(dwelling)
  const stopped = (await complexStopContext(db, state, [dwellingId])).stopped.get(dwellingId)
  return {
    complex,
    placements: state.complexPlacements.get(complex) ?? 0,
    pending: stopped?.pending ?? 0,
    limit: state.stop,
    stopped: stopped !== undefined,
    override: dwelling.override,
  }
}

interface Overridden {
  address: string
  complex: string
  placements: number
  count: StopCount
  stop: ComplexStop
}

/**
 * The officer lets candidates be presented for a dwelling although its complex reached the stop
 * (the plan leaves room for "maatwerk … ook buiten de regels"): only with a reason, always audited.
 */
export async function overrideComplexStop(
  ctx: ServiceContext,
  input: { dwellingId: number; reason: string },
): Promise<{ dwellingId: number; complex: string; placements: number }> {
  const overridden = ({ address, complex, placements, count, stop }: Overridden): AuditEntry => ({
    action: 'dwelling:overrideComplexStop',
    entityType: 'dwelling',
    entityId: input.dwellingId,
    summary: `Stop voor ${complex} opgeheven voor ${address} (${placements} plaatsingen in ${stop.years} jaar, ${count.pending} in behandeling): ${input.reason}`,
    details: { ...count, stop, reason: input.reason },
  })
  const { complex, placements } = await audited(ctx, overridden, async (tx) => {
    const dwelling = (
      await tx
        .select({ complex: dwellings.complex, address: dwellings.address })
        .from(dwellings)
        .where(eq(dwellings.id, input.dwellingId))
        .limit(1)
    )[0]
    if (!dwelling) throw new ApiError('not-found', `Woning ${input.dwellingId} bestaat niet`)
    const state = await spreadingState(tx, ctx.now())
    const complex = complexKey(dwelling)
    const placements = state.complexPlacements.get(complex) ?? 0
    const count = (await complexStopContext(tx, state, [input.dwellingId])).stopped.get(
      input.dwellingId,
    )
    if (!count) {
      throw new ApiError(
        'conflict',
        `${complex} heeft de stop niet bereikt (${placements} van ${state.stop.placements} plaatsingen in ${state.stop.years} jaar); opheffen is niet nodig`,
      )
    }
    await tx
      .update(dwellings)
      .set({ complexStopOverride: input.reason })
      .where(eq(dwellings.id, input.dwellingId))
    return { address: dwelling.address, complex, placements, count, stop: state.stop }
  })
  return { dwellingId: input.dwellingId, complex, placements }
}
