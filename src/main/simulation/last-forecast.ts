import { and, eq } from 'drizzle-orm'
import { SimulationResultSchema, type SimulationResult } from '../../shared/api/simulation'
import { settings } from '../db/schema'
import { audited } from '../services/audited'
import type { ServiceContext } from '../services/context'

/**
 * The last Vooruitblik the manager ran to the end, kept in the database so the year report can
 * carry it: a forecast costs minutes of the real engine, the report must take seconds, and the
 * report should show the scenarios the manager weighed, not others made up for it. One per
 * database (year 0, as the privacy setting); counts only, nobody's data.
 */
export const LAST_FORECAST_KEY = 'vooruitblikLaatste'

export async function saveLastForecast(
  ctx: ServiceContext,
  result: SimulationResult,
): Promise<void> {
  const saved = {
    action: 'simulation:saved',
    entityType: 'settings',
    entityId: LAST_FORECAST_KEY,
    summary:
      `Vooruitblik vanaf ${result.startIso} bewaard voor de jaarrapportage: ` +
      `${result.scenarios.map((s) => s.scenario.name).join(', ')} (${result.runs} runs)`,
  }
  await audited(ctx, saved, async (tx) => {
    const value = JSON.stringify(result)
    await tx
      .insert(settings)
      .values({ key: LAST_FORECAST_KEY, year: 0, value })
      .onConflictDoUpdate({ target: [settings.key, settings.year], set: { value } })
  })
}

/** The stored forecast; null when none was run yet, or when it no longer reads as one. */
export async function lastForecast(ctx: ServiceContext): Promise<SimulationResult | null> {
  const row = (
    await ctx.store.db
      .select({ value: settings.value })
      .from(settings)
      .where(and(eq(settings.key, LAST_FORECAST_KEY), eq(settings.year, 0)))
      .limit(1)
  )[0]
  if (!row) return null
  const parsed = SimulationResultSchema.safeParse(JSON.parse(row.value))
  return parsed.success ? parsed.data : null
}
