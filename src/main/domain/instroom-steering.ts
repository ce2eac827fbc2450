import { instroomNeeded } from '../../shared/domain/targets'
import type { SuitableFor } from '../../shared/domain/vocabulary'

/** Where the year stands against its target (taakstelling) and its instroom share. */
export interface YearStanding {
  target: number
  catchUpTarget: number
  instroomShareTarget: number
  /** Dwellings of this year's quarters let so far, and how many of them to instroom. */
  allocated: number
  instroomAllocated: number
}

/** The dwellings not yet given to anyone, of which the flip-possible ones can serve instroom. */
export interface OpenSupply {
  dwellings: number
  flipPossible: number
}

export interface InstroomSteer {
  needed: number
  realised: number
  stillNeeded: number
  /** Of the open flip-possible dwellings, how many must go to instroom to stay on the trajectory. */
  reserve: number
  /** True when even every open flip-possible dwelling would not keep the year on course. */
  short: boolean
  /** The target split, lettings counted against the regular part first, then the catch-up. */
  regular: { target: number; realised: number }
  catchUp: { target: number; realised: number }
}

/**
 * How many open flip-possible dwellings must go to instroom now (seed 003: the instroom share
 * rises each year; only a dwelling the corporation marked flip-possible can take an omklapcontract).
 * The year's remaining instroom need is spread evenly over the dwellings still to be let this year
 * (at least the open ones): the open dwellings carry their part of it, placed on the flip-possible
 * ones. So a year that started late asks more of each batch, and a year on course asks nothing.
 */
export function steerInstroom(year: YearStanding, open: OpenSupply): InstroomSteer {
  const needed = instroomNeeded(year.target, year.instroomShareTarget)
  const stillNeeded = Math.max(0, needed - year.instroomAllocated)
  const stillToLet = Math.max(open.dwellings, year.target - year.allocated)
  const pace =
    stillToLet === 0 ? stillNeeded : Math.ceil((stillNeeded * open.dwellings) / stillToLet)
  const regularTarget = year.target - year.catchUpTarget
  return {
    needed,
    realised: year.instroomAllocated,
    stillNeeded,
    reserve: Math.min(open.flipPossible, pace),
    short: pace > open.flipPossible,
    regular: { target: regularTarget, realised: Math.min(year.allocated, regularTarget) },
    catchUp: {
      target: year.catchUpTarget,
      realised: Math.max(0, year.allocated - regularTarget),
    },
  }
}

/** An open flip-possible dwelling of the quarter, as the instroom reservation sees it. */
export interface ReservableDwelling {
  id: number
  suitableFor: SuitableFor
  reservedForInstroom?: boolean
}

/**
 * Which open flip-possible dwellings to keep for instroom so `reserve` of them go to instroom.
 * Dwellings the corporation offered for instroom only count first; then those open to both, the
 * ones with the fewest eligible instroom clients first, and each only if an instroom client of its
 * own is left for it: a reservation must never leave a dwelling without candidates. `instroomPool`
 * gives a dwelling's eligible free instroom clients (asked only when something is to be reserved).
 */
export function chooseInstroomReserve<D extends ReservableDwelling>(
  flipPossible: readonly D[],
  reserve: number,
  instroomPool: (dwelling: D) => number[],
): { reserved: number; chosen: number[] } {
  const already = flipPossible.filter((d) => d.suitableFor === 'instroom' || d.reservedForInstroom)
  const wanted = Math.max(0, reserve - already.length)
  if (wanted === 0) return { reserved: already.length, chosen: [] }
  const open = flipPossible.filter((d) => d.suitableFor === 'beide' && !d.reservedForInstroom)
  const taken = new Set<number>()
  const claim = (pool: number[]) => {
    const client = pool.find((id) => !taken.has(id))
    if (client === undefined) return false
    taken.add(client)
    return true
  }
  for (const d of already) claim(instroomPool(d))
  const chosen = open
    .map((d) => ({ id: d.id, pool: instroomPool(d) }))
    .filter((x) => x.pool.length > 0)
    .sort((a, b) => a.pool.length - b.pool.length || a.id - b.id)
    .filter((x) => claim(x.pool))
    .slice(0, wanted)
    .map((x) => x.id)
  return { reserved: already.length + chosen.length, chosen }
}
