import { and, eq, inArray } from 'drizzle-orm'
import type { QuarterKey } from '../../shared/domain/quarter'
import type { Tx } from '../db/connection'
import { dwellings } from '../db/schema'
import type { EligibilityContext } from '../domain/eligibility'
import { eligibilityScreen, type EligibilityScreen } from '../domain/eligibility-screen'
import { chooseInstroomReserve } from '../domain/instroom-steering'
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
  const instroom = waiting.filter((c) => c.flow === 'instroom' && c.openShortlists < 1)
  // The pools are asked for synchronously, and only when there is something to reserve: read
  // what eligibility needs first whenever that can be the case.
  const eligibility: EligibilityContext | undefined =
    steering.reserve > 0 && facts.length > 0
      ? await eligibilityContext(
          ctx,
          tx,
          facts.map((f) => f.id),
          true,
          history.spreading,
        )
      : undefined
  // The batch's screen: the same rules as isEligible, read once per client instead of per pair.
  let screen: EligibilityScreen | undefined
  const { reserved, chosen } = chooseInstroomReserve(facts, steering.reserve, (d) =>
    (screen ??= eligibilityScreen(instroom, eligibility!)).eligible(d).map((i) => instroom[i]!.id),
  )
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
  return { needed: steering.reserve, reserved, dwellingIds: chosen }
}
