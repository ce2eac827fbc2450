import { instroomNeeded } from '../../shared/domain/targets'

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
