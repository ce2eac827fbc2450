import { and, eq, inArray } from 'drizzle-orm'
import type { QuarterKey } from '../../shared/domain/quarter'
import type { Tx } from '../db/connection'
import { dwellings } from '../db/schema'
import { isEligible } from '../domain/eligibility'
import { audit } from './audit'
import type { ServiceContext } from './context'
import { instroomSteering } from './instroom-steering'
import { eligibilityContext, loadDwellingFacts } from './matching-facts'
import { waitingState, type WaitingState } from './waiting-state'

export interface InstroomReservation {
  /** Open flip-possible dwellings that must go to instroom to stay on the year's trajectory. */
  needed: number
  /** Of those, kept for instroom in this batch (offered only for instroom, or reserved now). */
  reserved: number
  /** Reserved now: these dwellings' lists hold instroom clients only. */
  dwellingIds: number[]
}

/**
 * Before the quarter's batch: keeps as many flip-possible dwellings for instroom as the year's
 * trajectory asks (seed 003: 20 % in 2019, +10 points a year). Dwellings the corporation offered
 * for instroom only count first; then the flip-possible ones open to both, those with the most
 * eligible instroom clients first, so a reservation never leaves a dwelling without candidates.
 */
export async function reserveForInstroom(
  ctx: ServiceContext,
  tx: Tx,
  quarter: QuarterKey,
  dwellingIds: number[],
  kept?: WaitingState,
): Promise<InstroomReservation | null> {
  const { waiting, history } = kept ?? (await waitingState(ctx))
  const steering = await instroomSteering(tx, quarter)
  if (!steering) return null
  const facts = (await loadDwellingFacts(tx, dwellingIds)).filter((d) => d.flipPossible)
  const already = facts.filter((d) => d.suitableFor === 'instroom' || d.reservedForInstroom)
  const wanted = Math.max(0, steering.reserve - already.length)
  if (wanted === 0) return { needed: steering.reserve, reserved: already.length, dwellingIds: [] }

  const open = facts.filter((d) => d.suitableFor === 'beide' && !d.reservedForInstroom)
  const instroom = waiting.filter((c) => c.flow === 'instroom' && c.openShortlists < 1)
  const eligibility = await eligibilityContext(
    ctx,
    tx,
    facts.map((d) => d.id),
    true,
    history.spreading,
  )
  const poolOf = (d: (typeof facts)[number]) =>
    instroom.filter((c) => isEligible(c, d, eligibility)).map((c) => c.id)
  // Each kept dwelling must be able to get an instroom client of its own, or the batch would leave
  // it empty: the instroom-only dwellings take theirs first, then the rest, scarcest pool first.
  const taken = new Set<number>()
  const claim = (pool: number[]) => {
    const client = pool.find((id) => !taken.has(id))
    if (client === undefined) return false
    taken.add(client)
    return true
  }
  for (const d of already) claim(poolOf(d))
  const chosen = open
    .map((d) => ({ id: d.id, pool: poolOf(d) }))
    .filter((x) => x.pool.length > 0)
    .sort((a, b) => a.pool.length - b.pool.length || a.id - b.id)
    .filter((x) => claim(x.pool))
    .slice(0, wanted)
    .map((x) => x.id)
  if (chosen.length > 0) {
    await tx
      .update(dwellings)
      .set({ reservedForInstroom: true })
      .where(and(inArray(dwellings.id, chosen), eq(dwellings.quarterKey, quarter)))
    await audit(tx, ctx, {
      action: 'quarter:reserveInstroom',
      entityType: 'quarter',
      entityId: quarter,
      summary: `${chosen.length === 1 ? '1 omklapbare woning' : `${chosen.length} omklapbare woningen`} voorbehouden aan instroom (nodig voor het aandeel instroom: ${steering.reserve})`,
      details: { dwellingIds: chosen, needed: steering.reserve },
    })
  }
  return { needed: steering.reserve, reserved: already.length + chosen.length, dwellingIds: chosen }
}
