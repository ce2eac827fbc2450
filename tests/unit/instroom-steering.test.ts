import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { steerInstroom, type YearStanding } from '../../src/main/domain/instroom-steering'
import { instroomShareTrajectory } from '../../src/shared/domain/targets'

const standing = fc
  .record({
    target: fc.integer({ min: 0, max: 600 }),
    share: fc.integer({ min: 0, max: 100 }),
    allocatedPart: fc.integer({ min: 0, max: 100 }),
    instroomPart: fc.integer({ min: 0, max: 100 }),
    catchUpPart: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ target, share, allocatedPart, instroomPart, catchUpPart }): YearStanding => {
    const allocated = Math.round((target * allocatedPart) / 100)
    return {
      target,
      catchUpTarget: Math.round((target * catchUpPart) / 100),
      instroomShareTarget: share / 100,
      allocated,
      instroomAllocated: Math.round((allocated * instroomPart) / 100),
    }
  })
const supply = fc
  .record({
    dwellings: fc.integer({ min: 0, max: 200 }),
    flipPart: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ dwellings, flipPart }) => ({
    dwellings,
    flipPossible: Math.round((dwellings * flipPart) / 100),
  }))

describe('steering the instroom share', () => {
  it('follows seed 003: 20 % in 2019, 30 % in 2020, +10 points a year to 2023, then holds', () => {
    expect([2019, 2020, 2021, 2022, 2023, 2024, 2026].map(instroomShareTrajectory)).toEqual([
      0.2, 0.3, 0.4, 0.5, 0.6, 0.6, 0.6,
    ])
  })

  it('never reserves more than the open flip-possible dwellings nor more than is still needed', () => {
    fc.assert(
      fc.property(standing, supply, (year, open) => {
        const steer = steerInstroom(year, open)
        expect(steer.reserve).toBeGreaterThanOrEqual(0)
        expect(steer.reserve).toBeLessThanOrEqual(open.flipPossible)
        expect(steer.reserve).toBeLessThanOrEqual(steer.stillNeeded)
        if (steer.realised >= steer.needed) expect(steer.reserve).toBe(0)
      }),
      { numRuns: 500 },
    )
  })

  it('asks no more when more instroom is already realised', () => {
    fc.assert(
      fc.property(standing, supply, fc.integer({ min: 1, max: 50 }), (year, open, more) => {
        const ahead = {
          ...year,
          instroomAllocated: Math.min(year.allocated, year.instroomAllocated + more),
        }
        expect(steerInstroom(ahead, open).reserve).toBeLessThanOrEqual(
          steerInstroom(year, open).reserve,
        )
      }),
      { numRuns: 500 },
    )
  })

  it('when the open dwellings are all the year still brings, reserves the whole remaining need if it can', () => {
    fc.assert(
      fc.property(standing, (year) => {
        const rest = year.target - year.allocated
        const steer = steerInstroom(year, { dwellings: rest, flipPossible: rest })
        expect(steer.reserve).toBe(Math.min(rest, steer.stillNeeded))
        expect(steer.short).toBe(steer.stillNeeded > rest)
      }),
      { numRuns: 500 },
    )
  })

  it('splits the target into regular and catch-up, filling the regular part first', () => {
    const steer = steerInstroom(
      {
        target: 385,
        catchUpTarget: 110,
        instroomShareTarget: 0.6,
        allocated: 300,
        instroomAllocated: 40,
      },
      { dwellings: 20, flipPossible: 6 },
    )
    expect(steer.regular).toEqual({ target: 275, realised: 275 })
    expect(steer.catchUp).toEqual({ target: 110, realised: 25 })
    expect(steer).toMatchObject({ needed: 231, realised: 40, stillNeeded: 191 })
    // 191 still needed over the 85 dwellings still to let: these 20 open ones carry all they can.
    expect(steer).toMatchObject({ reserve: 6, short: true })
  })
})
