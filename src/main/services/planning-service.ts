import { and, asc, count, desc, eq, lte, sql } from 'drizzle-orm'
import type {
  EffectiveSettings,
  QuarterLine,
  QuarterOverview,
  QuarterRow,
  YearSettings,
  YearTarget,
} from '../../shared/api'
import { ApiError } from '../../shared/api'
import { addQuarters, parseQuarter, quarterKey, type QuarterKey } from '../../shared/domain/quarter'
import type { DbOrTx } from '../db/connection'
import { countWhere } from '../db/dialect'
import {
  allocations,
  clients,
  corporations,
  dwellings,
  quarterQuotas,
  quarters,
  settings,
  yearTargets,
} from '../db/schema'
import { quotasForQuarter, shortfall } from '../domain/planning'
import { DEFAULT_YEAR_SETTINGS, YEAR_SETTINGS_KEY } from '../domain/year-settings'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import type { ServiceContext } from './context'
import { instroomSteering } from './instroom-steering'
import { ensureQuarter } from './quarters'
import { spreadingWarnings } from './spreading-service'

export async function listYearTargets({ store }: ServiceContext): Promise<YearTarget[]> {
  return await store.db
    .select({
      year: yearTargets.year,
      target: yearTargets.target,
      catchUpTarget: yearTargets.catchUpTarget,
      instroomShareTarget: yearTargets.instroomShareTarget,
    })
    .from(yearTargets)
    .orderBy(desc(yearTargets.year))
}

export async function saveYearTarget(ctx: ServiceContext, input: YearTarget): Promise<YearTarget> {
  const saved: AuditEntry = {
    action: 'yearTarget:save',
    entityType: 'year',
    entityId: input.year,
    summary: `Taakstelling ${input.year}: ${input.target} woningen (${input.target - input.catchUpTarget} regulier, ${input.catchUpTarget} inhaalslag), doel instroom ${Math.round(input.instroomShareTarget * 100)} %`,
    details: { ...input },
  }
  await audited(ctx, saved, async (tx) => {
    await tx
      .insert(yearTargets)
      .values(input)
      .onConflictDoUpdate({
        target: yearTargets.year,
        set: {
          target: input.target,
          catchUpTarget: input.catchUpTarget,
          instroomShareTarget: input.instroomShareTarget,
        },
      })
  })
  return input
}

/** The settings for a year: the most recent values set for that year or before, else the defaults. */
export async function getSettings(
  { store }: ServiceContext,
  year: number,
): Promise<EffectiveSettings> {
  const row = (
    await store.db
      .select({ year: settings.year, value: settings.value })
      .from(settings)
      .where(and(eq(settings.key, YEAR_SETTINGS_KEY), lte(settings.year, year)))
      .orderBy(desc(settings.year))
      .limit(1)
  )[0]
  if (!row) return { year, validFrom: null, values: DEFAULT_YEAR_SETTINGS }
  return {
    year,
    validFrom: row.year,
    values: { ...DEFAULT_YEAR_SETTINGS, ...(JSON.parse(row.value) as Partial<YearSettings>) },
  }
}

export async function saveSettings(
  ctx: ServiceContext,
  input: { year: number; values: YearSettings },
): Promise<EffectiveSettings> {
  const saved: AuditEntry = {
    action: 'settings:save',
    entityType: 'settings',
    entityId: input.year,
    summary: `Instellingen vanaf ${input.year} gewijzigd`,
    details: { ...input.values },
  }
  await audited(ctx, saved, async (tx) => {
    const value = JSON.stringify(input.values)
    await tx
      .insert(settings)
      .values({ key: YEAR_SETTINGS_KEY, year: input.year, value })
      .onConflictDoUpdate({
        target: [settings.key, settings.year],
        set: { value },
      })
  })
  return await getSettings(ctx, input.year)
}

export async function listQuarters({ store }: ServiceContext): Promise<QuarterRow[]> {
  return await store.db
    .select({
      key: quarters.key,
      year: quarters.year,
      number: quarters.number,
      startsOn: quarters.startsOn,
      endsOn: quarters.endsOn,
      carryShortfall: quarters.carryShortfall,
      dwellings: count(dwellings.id),
    })
    .from(quarters)
    .leftJoin(dwellings, eq(dwellings.quarterKey, quarters.key))
    .groupBy(quarters.key)
    .orderBy(desc(quarters.key))
}

interface Progress {
  submitted: number
  inShortlist: number
  offered: number
  allocated: number
  withdrawn: number
}

async function progressByCorporation(db: DbOrTx, key: QuarterKey): Promise<Map<number, Progress>> {
  const rows = await db
    .select({
      corporationId: dwellings.corporationId,
      submitted: countWhere(sql`${dwellings.status} <> 'ingetrokken'`),
      inShortlist: countWhere(sql`${dwellings.status} = 'in-voordracht'`),
      offered: countWhere(sql`${dwellings.status} = 'aangeboden'`),
      allocated: countWhere(sql`${dwellings.status} = 'verhuurd'`),
      withdrawn: countWhere(sql`${dwellings.status} = 'ingetrokken'`),
    })
    .from(dwellings)
    .where(eq(dwellings.quarterKey, key))
    .groupBy(dwellings.corporationId)
  return new Map(rows.map(({ corporationId, ...progress }) => [corporationId, progress]))
}

const NO_PROGRESS: Progress = {
  submitted: 0,
  inShortlist: 0,
  offered: 0,
  allocated: 0,
  withdrawn: 0,
}

/** Quota (pro rata, plus last quarter's shortfall where chosen) against what each corporation did. */
/** Quotas recorded when the quarter was planned, per corporation; empty when never planned. */
async function plannedQuotas(db: DbOrTx, key: QuarterKey): Promise<Map<number, number>> {
  return new Map(
    (
      await db
        .select({ corporationId: quarterQuotas.corporationId, quota: quarterQuotas.quota })
        .from(quarterQuotas)
        .where(eq(quarterQuotas.quarterKey, key))
    ).map((r) => [r.corporationId, r.quota]),
  )
}

/**
 * A planned quarter keeps the quotas recorded at planning, so later changes to stock or target do
 * not rewrite its history; an unplanned one (and a corporation added since) is computed live.
 */
async function computeOverview(
  db: DbOrTx,
  key: QuarterKey,
  today: Date,
  usePlanned = true,
): Promise<QuarterOverview> {
  const quarter = (await db.select().from(quarters).where(eq(quarters.key, key)).limit(1))[0]
  if (!quarter) throw new ApiError('not-found', `Kwartaal ${key} bestaat nog niet`)
  const { year, number } = parseQuarter(key)
  const target =
    (await db.select().from(yearTargets).where(eq(yearTargets.year, year)).limit(1))[0] ?? null
  const holders = await db
    .select({ id: corporations.id, name: corporations.name, socialStock: corporations.socialStock })
    .from(corporations)
    .where(eq(corporations.active, true))
    .orderBy(asc(corporations.name))
  const stock = holders.reduce((sum, h) => sum + h.socialStock, 0)
  const quotas = quotasForQuarter(
    target?.target ?? 0,
    holders.map((h) => h.socialStock),
    number,
  )
  const progress = await progressByCorporation(db, key)

  const previousKey = quarterKey(addQuarters({ year, number }, -1))
  const previousProgress = await progressByCorporation(db, previousKey)
  const previousQuotas = quotasForQuarter(
    (
      await db
        .select()
        .from(yearTargets)
        .where(eq(yearTargets.year, parseQuarter(previousKey).year))
        .limit(1)
    )[0]?.target ?? 0,
    holders.map((h) => h.socialStock),
    parseQuarter(previousKey).number,
  )
  const planned = usePlanned ? await plannedQuotas(db, key) : new Map<number, number>()
  const previousPlanned = await plannedQuotas(db, previousKey)
  const previousExists = Boolean(
    (await db.select().from(quarters).where(eq(quarters.key, previousKey)).limit(1))[0],
  )

  const lines: QuarterLine[] = holders.map((holder, index) => {
    const baseQuota = quotas[index] ?? 0
    const carried =
      quarter.carryShortfall && previousExists
        ? shortfall(
            previousPlanned.get(holder.id) ?? previousQuotas[index] ?? 0,
            (previousProgress.get(holder.id) ?? NO_PROGRESS).submitted,
          )
        : 0
    const recorded = planned.get(holder.id)
    const quota = recorded ?? baseQuota + carried
    const carriedPart = Math.min(carried, quota)
    return {
      corporationId: holder.id,
      corporation: holder.name,
      stockShare: stock === 0 ? 0 : holder.socialStock / stock,
      baseQuota: quota - carriedPart,
      carried: carriedPart,
      quota,
      ...(progress.get(holder.id) ?? NO_PROGRESS),
    }
  })
  const sum = (field: keyof Omit<QuarterLine, 'corporationId' | 'corporation' | 'stockShare'>) =>
    lines.reduce((total, line) => total + line[field], 0)

  const instroom = (
    await db
      .select({
        allocated: count(),
        instroom: countWhere(sql`${clients.flow} = 'instroom'`),
      })
      .from(allocations)
      .innerJoin(dwellings, eq(dwellings.id, allocations.dwellingId))
      .innerJoin(clients, eq(clients.id, allocations.clientId))
      .where(eq(dwellings.quarterKey, key))
      .limit(1)
  )[0] ?? { allocated: 0, instroom: 0 }

  return {
    quarter: { ...quarter, dwellings: sum('submitted') + sum('withdrawn') },
    target: target && {
      year: target.year,
      target: target.target,
      catchUpTarget: target.catchUpTarget,
      instroomShareTarget: target.instroomShareTarget,
    },
    lines,
    totals: {
      baseQuota: sum('baseQuota'),
      carried: sum('carried'),
      quota: sum('quota'),
      submitted: sum('submitted'),
      inShortlist: sum('inShortlist'),
      offered: sum('offered'),
      allocated: sum('allocated'),
      withdrawn: sum('withdrawn'),
    },
    instroom: {
      ...instroom,
      share: instroom.allocated === 0 ? null : instroom.instroom / instroom.allocated,
      target: target?.instroomShareTarget ?? null,
    },
    steering: await instroomSteering(db, key),
    spreadingWarnings: await spreadingWarnings(db, key, today),
  }
}

export async function quarterOverview(
  { store, now }: ServiceContext,
  key: QuarterKey,
): Promise<QuarterOverview> {
  return await computeOverview(store.db, key, now())
}

/**
 * Opens a quarter (if needed), sets whether last quarter's shortfall is carried, and records the
 * quotas as planned now, so later changes to stock or target do not rewrite history.
 */
export async function planQuarter(
  ctx: ServiceContext,
  key: QuarterKey,
  carryShortfall: boolean,
): Promise<QuarterOverview> {
  const planned = (overview: QuarterOverview): AuditEntry => ({
    action: 'quarter:plan',
    entityType: 'quarter',
    entityId: key,
    summary: `Kwartaal ${key} gepland: quotum ${overview.totals.quota} woningen${carryShortfall ? ', inclusief tekort vorig kwartaal' : ''}`,
    details: { carryShortfall, quotas: overview.lines.map((l) => [l.corporation, l.quota]) },
  })
  return await audited(ctx, planned, async (tx) => {
    await ensureQuarter(tx, key)
    await tx.update(quarters).set({ carryShortfall }).where(eq(quarters.key, key))
    const overview = await computeOverview(tx, key, ctx.now(), false)
    await tx.delete(quarterQuotas).where(eq(quarterQuotas.quarterKey, key))
    if (overview.lines.length > 0) {
      await tx.insert(quarterQuotas).values(
        overview.lines.map((l) => ({
          quarterKey: key,
          corporationId: l.corporationId,
          quota: l.quota,
        })),
      )
    }
    return overview
  })
}
