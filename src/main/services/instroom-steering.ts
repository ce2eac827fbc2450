import { and, between, count, eq, inArray, sql } from 'drizzle-orm'
import type { InstroomSteering } from '../../shared/api/planning'
import { parseQuarter, type QuarterKey } from '../../shared/domain/quarter'
import type { DbOrTx } from '../db/connection'
import { countWhere } from '../db/dialect'
import { allocations, clients, dwellings, yearTargets } from '../db/schema'
import { steerInstroom } from '../domain/instroom-steering'

/** Dwellings nobody has been chosen for yet: what a batch can still steer. */
const OPEN = ['ingediend', 'in-voordracht'] as const

/**
 * The year's instroom standing for a quarter: needed against realised, the target split, and how
 * many of the quarter's open flip-possible dwellings must go to instroom to stay on course.
 * Null without a target for the year.
 */
export async function instroomSteering(
  db: DbOrTx,
  key: QuarterKey,
): Promise<InstroomSteering | null> {
  const { year } = parseQuarter(key)
  const target = (await db.select().from(yearTargets).where(eq(yearTargets.year, year)).limit(1))[0]
  if (!target) return null
  // Counted per dwelling's quarter, as the report counts a year.
  const let_ = (
    await db
      .select({
        allocated: count(),
        instroom: countWhere(sql`${clients.flow} = 'instroom'`),
      })
      .from(allocations)
      .innerJoin(dwellings, eq(dwellings.id, allocations.dwellingId))
      .innerJoin(clients, eq(clients.id, allocations.clientId))
      // A range, not LIKE: SQLite's LIKE ignores case and so cannot use the quarter index.
      .where(between(dwellings.quarterKey, `${year}-Q1`, `${year}-Q4`))
      .limit(1)
  )[0] ?? { allocated: 0, instroom: 0 }
  const open = (
    await db
      .select({
        dwellings: count(),
        flipPossible: countWhere(eq(dwellings.flipPossible, true)),
      })
      .from(dwellings)
      .where(and(eq(dwellings.quarterKey, key), inArray(dwellings.status, [...OPEN])))
      .limit(1)
  )[0] ?? { dwellings: 0, flipPossible: 0 }
  const steer = steerInstroom(
    {
      target: target.target,
      catchUpTarget: target.catchUpTarget,
      instroomShareTarget: target.instroomShareTarget,
      allocated: let_.allocated,
      instroomAllocated: let_.instroom,
    },
    open,
  )
  return { year, openFlipPossible: open.flipPossible, ...steer }
}
