import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { largestRemainder } from '../../src/main/domain/quota'

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0)

describe('largestRemainder', () => {
  it('splits a total so the parts add up to it exactly, for any weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.double({ min: 0.001, max: 50_000, noNaN: true }), {
          minLength: 1,
          maxLength: 20,
        }),
        (total, weights) => {
          expect(sum(largestRemainder(total, weights))).toBe(total)
        },
      ),
    )
  })

  it('keeps every part within one of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc
          .array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => sum(w) > 0),
        (total, weights) => {
          const parts = largestRemainder(total, weights)
          parts.forEach((part, i) => {
            const exact = (total * (weights[i] ?? 0)) / sum(weights)
            expect(part).toBeGreaterThanOrEqual(Math.floor(exact))
            expect(part).toBeLessThanOrEqual(Math.ceil(exact))
          })
        },
      ),
    )
  })

  it('gives the corporations a quarter of the 385 pro rata to their stock', () => {
    const stocks = [15_900, 13_950, 9_150, 2_480, 1_020, 500]
    expect(largestRemainder(385, [1, 1, 1, 1])).toEqual([97, 96, 96, 96])
    expect(largestRemainder(96, stocks)).toEqual([36, 31, 20, 6, 2, 1])
    expect(largestRemainder(97, stocks)).toEqual([36, 31, 21, 6, 2, 1])
  })

  it('breaks ties in the remainder by position, the same way every time', () => {
    expect(largestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0])
    expect(largestRemainder(1, [5, 5])).toEqual([1, 0])
    expect(largestRemainder(1, [0.1, 0.2, 0.3, 0.3, 0.1])).toEqual([0, 0, 1, 0, 0])
    expect(largestRemainder(5, [1, 1, 1, 1])).toEqual(largestRemainder(5, [1, 1, 1, 1]))
  })

  it('never gives anything to a zero weight', () => {
    expect(largestRemainder(5, [0, 1, 0])).toEqual([0, 5, 0])
    expect(largestRemainder(3, [0, 1, 1, 0])).toEqual([0, 2, 1, 0])
    expect(largestRemainder(7, [0, 0.5, 0, 0.5, 0])).toEqual([0, 4, 0, 3, 0])
  })

  it('returns zeros for a zero total, even when every weight is zero', () => {
    expect(largestRemainder(0, [3, 2])).toEqual([0, 0])
    expect(largestRemainder(0, [0, 0])).toEqual([0, 0])
  })

  it('refuses to divide a positive total when all weights are zero, or bad input', () => {
    expect(() => largestRemainder(4, [0, 0])).toThrow(RangeError)
    expect(() => largestRemainder(4, [])).toThrow(RangeError)
    expect(() => largestRemainder(2.5, [1, 1])).toThrow(RangeError)
    expect(() => largestRemainder(-1, [1])).toThrow(RangeError)
    expect(() => largestRemainder(3, [1, -1])).toThrow(RangeError)
    expect(() => largestRemainder(3, [1, Number.NaN])).toThrow(RangeError)
  })
})
