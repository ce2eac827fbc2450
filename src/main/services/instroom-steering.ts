import { and, count, eq, inArray, like, sql } from 'drizzle-orm'
import type { InstroomSteering } from '../../shared/api/planning'
import { parseQuarter, type QuarterKey } from '../../shared/domain/quarter'
import type { DbOrTx } from '../db/connection'
import { allocations, clients, dwellings, yearTargets } from '../db/schema'
import { steerInstroom } from '../domain/instroom-steering'

/** Dwellings nobody has been chosen for yet: what a batch can still steer. */
const OPEN = ['ingediend', 'in-voordracht'] as const

/**
 * The year's instroom standing for a quarter: needed against realised, the target split, and how
 * many of the quarter's open flip-possible dwellings must go to instroom to stay on course.
 * Null without a target for the year.
 */
export function instroomSteering(db: DbOrTx, key: QuarterKey): InstroomSteering | null {
  const { year } = parseQuarter(key)
  const target = db.select().from(yearTargets).where(eq(yearTargets.year, year)).get()
  if (!target) return null
  // Counted per dwelling's quarter, as the report counts a year.
  const let_ = db
    .select({
      allocated: count(),
      instroom: sql<number>`coalesce(sum(${clients.flow} = 'instroom'), 0)`,
    })
    .from(allocations)
    .innerJoin(dwellings, eq(dwellings.id, allocations.dwellingId))
    .innerJoin(clients, eq(clients.id, allocations.clientId))
    .where(like(dwellings.quarterKey, `${year}-Q%`))
    .get() ?? { allocated: 0, instroom: 0 }
  const open = db
    .select({
      dwellings: count(),
      flipPossible: sql<number>`coalesce(sum(${dwellings.flipPossible}), 0)`,
    })
    .from(dwellings)
    .where(and(eq(dwellings.quarterKey, key), inArray(dwellings.status, [...OPEN])))
    .get() ?? { dwellings: 0, flipPossible: 0 }
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
