import { parseQuarter, quarterBounds, type QuarterKey } from '../../shared/domain/quarter'
import type { DbOrTx } from '../db/connection'
import { quarters } from '../db/schema'

/** Makes sure the quarter exists; dwellings can be submitted for a quarter nobody planned yet. */
export async function ensureQuarter(db: DbOrTx, key: QuarterKey): Promise<void> {
  const quarter = parseQuarter(key)
  await db
    .insert(quarters)
    .values({ key, year: quarter.year, number: quarter.number, ...quarterBounds(quarter) })
    .onConflictDoNothing()
}
