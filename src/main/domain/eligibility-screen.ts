import { SMALL_TYPES, isEligible, type EligibilityContext } from './eligibility'
import { ageIn, earlierClients, householdSize, type ClientFacts, type DwellingFacts } from './facts'

/**
 * The eligibility rules (eligibility.ts) compiled for a loop over many pairs: a quarter's batch
 * asks them for 2.5 million pairs, and eight closures per pair, each reading the client's fields
 * afresh, were a quarter of its time. What depends on the client alone (its rent ceiling, household,
 * needs, excluded wijken, whether it is available) is worked out once per client into flat arrays;
 * what depends on the dwelling alone once per dwelling; a pair is then a few comparisons, the most
 * rejecting first. The rules stay the one definition (the why-not view reads them);
 * tests/unit/batch-fast-paths.test.ts proves this screen gives their verdict on random pairs.
 */
export interface EligibilityScreen {
  /** Positions in `clients` of those eligible for the dwelling, in the clients' order. */
  eligible(dwelling: DwellingFacts): number[]
}

/** The rules this screen compiles, by key: a rule added to RULES must be added here too (tested). */
export const SCREENED_RULES = [
  'available',
  'earlier',
  'household',
  'rent',
  'access',
  'wijk',
  'flow',
  'complexStop',
] as const

const WHEELCHAIR = 1
const GROUND_FLOOR_OR_LIFT = 2
const LOW_STIMULUS = 4

export function eligibilityScreen(
  clients: readonly ClientFacts[],
  ctx: EligibilityContext,
): EligibilityScreen {
  // A bit per excluded wijk, given as the clients name them; more wijken than bits (never in
  // Utrecht's ten) falls back to the rules.
  const wijkBit = new Map<string, number>()
  const n = clients.length
  const rentCeiling = new Float64Array(n)
  const minRooms = new Float64Array(n)
  const persons = new Float64Array(n)
  const needs = new Uint8Array(n)
  const excluded = new Int32Array(n)
  const ids = new Float64Array(n)
  // Only available clients are looked at, split by flow, each list in the clients' order.
  const instroom: number[] = []
  const uitstroom: number[] = []
  const everyone: number[] = []
  clients.forEach((c, i) => {
    // rent: the net rent within the max rent, and below 23 also within the young limit.
    rentCeiling[i] = ageIn(ctx.year, c) >= 23 ? c.maxRent : Math.min(c.maxRent, ctx.youngMaxRent)
    minRooms[i] = c.minRooms
    persons[i] = householdSize(c)
    needs[i] =
      (c.needsWheelchair ? WHEELCHAIR : 0) |
      (c.needsGroundFloorOrLift ? GROUND_FLOOR_OR_LIFT : 0) |
      (c.needsLowStimulus ? LOW_STIMULUS : 0)
    let bits = 0
    for (const w of c.excludedWijken) {
      let bit = wijkBit.get(w)
      if (bit === undefined) wijkBit.set(w, (bit = 1 << wijkBit.size))
      bits |= bit
    }
    excluded[i] = bits
    ids[i] = c.id
    // available: waiting, and on fewer open shortlists than allowed.
    if (c.status === 'wachtend' && c.openShortlists < ctx.maxOpenShortlists) {
      everyone.push(i)
      ;(c.flow === 'instroom' ? instroom : uitstroom).push(i)
    }
  })
  if (wijkBit.size > 30) return byTheRules(clients, ctx)
  const { stopped, overridden } = ctx.complexStop

  return {
    eligible(d) {
      // complexStop: a dwelling whose complex reached the stop takes no one, unless overridden.
      if (stopped.size > 0 && stopped.has(d.id) && !overridden.has(d.id)) return []
      // flow: instroom only with a flip and not for uitstroom alone; uitstroom not where only
      // instroom may go, nor where the quarter keeps the dwelling for instroom.
      const takesInstroom = d.suitableFor !== 'uitstroom' && d.flipPossible
      const takesUitstroom = d.suitableFor !== 'instroom' && !d.reservedForInstroom
      const looked =
        takesInstroom && takesUitstroom
          ? everyone
          : takesInstroom
            ? instroom
            : takesUitstroom
              ? uitstroom
              : []
      const rent = d.netRent
      const rooms = d.rooms
      // household: enough rooms, at most one more person than rooms, one person in a small or
      // shared dwelling.
      const maxPersons =
        SMALL_TYPES.has(d.type) || !d.selfContained ? Math.min(1, rooms + 1) : rooms + 1
      // access: every need the dwelling does not meet.
      const unmet =
        (d.wheelchairAccessible ? 0 : WHEELCHAIR) |
        (d.floor <= 0 || d.hasLift ? 0 : GROUND_FLOOR_OR_LIFT) |
        (d.lowStimulus ? 0 : LOW_STIMULUS)
      const wijk = wijkBit.get(d.wijk) ?? 0
      // earlier: never again for a dwelling the client was presented for.
      const earlier =
        ctx.earlierPairs.size === 0 ? undefined : earlierClients(ctx.earlierPairs, d.id)
      const found: number[] = []
      for (const i of looked) {
        if (rent > rentCeiling[i]!) continue
        if (rooms < minRooms[i]! || persons[i]! > maxPersons) continue
        if ((needs[i]! & unmet) !== 0 || (excluded[i]! & wijk) !== 0) continue
        if (earlier !== undefined && earlier.has(ids[i]!)) continue
        found.push(i)
      }
      return found
    },
  }
}

/** The rules one by one: the screen's meaning, and its fallback. */
function byTheRules(clients: readonly ClientFacts[], ctx: EligibilityContext): EligibilityScreen {
  return {
    eligible: (d) => clients.flatMap((c, i) => (isEligible(c, d, ctx) ? [i] : [])),
  }
}
