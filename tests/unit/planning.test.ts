import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quotasForQuarter, shortfall } from '../../src/main/domain/planning'

const STUW = [16_000, 14_000, 9_000, 2_500, 1_000, 500]
const sum = (list: number[]) => list.reduce((a, b) => a + b, 0)
const yearOf = (target: number, stocks = STUW) =>
  [1, 2, 3, 4].map((q) => sum(quotasForQuarter(target, stocks, q)))

describe('quarter quotas', () => {
  it('splits the taakstelling of 385 into quarters of 97, 96, 96 and 96', () => {
    expect(yearOf(385)).toEqual([97, 96, 96, 96])
  })

  it('gives each corporation its share of the stock, within one dwelling a quarter', () => {
    const total = sum(STUW)
    for (const q of [1, 2, 3, 4]) {
      const quotas = quotasForQuarter(385, STUW, q)
      STUW.forEach((stock, i) =>
        expect(Math.abs(quotas[i]! - (sum(quotas) * stock) / total)).toBeLessThan(1),
      )
    }
  })

  it('adds up to any target for any stock (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 12 }),
        (target, stocks) => {
          expect(sum(yearOf(target, stocks))).toBe(target)
        },
      ),
    )
  })

  it('gives nothing to a corporation without social stock', () => {
    expect(quotasForQuarter(385, [...STUW, 0], 1)[6]).toBe(0)
  })

  it('carries only a shortfall, never a surplus', () => {
    expect(shortfall(10, 7)).toBe(3)
    expect(shortfall(10, 12)).toBe(0)
  })
})
