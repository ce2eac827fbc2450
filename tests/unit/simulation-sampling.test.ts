import { describe, expect, it } from 'vitest'
import { createRandom } from '../../src/main/demo/random'
import {
  band,
  binomial,
  inBand,
  observedShare,
  poisson,
  resample,
} from '../../src/main/simulation/sampling'
import { ScenarioFileSchema, withCurrentCourse } from '../../src/main/simulation/scenario'

const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length
const variance = (xs: number[]) => {
  const m = mean(xs)
  return mean(xs.map((x) => (x - m) ** 2))
}

describe('the draws of the simulation', () => {
  it('draws Poisson arrivals with the observed mean as mean and variance', () => {
    const rnd = createRandom(1, 'poisson')
    const draws = Array.from({ length: 20_000 }, () => poisson(rnd, 12.5))
    expect(mean(draws)).toBeCloseTo(12.5, 0)
    expect(variance(draws)).toBeGreaterThan(11)
    expect(variance(draws)).toBeLessThan(14)
    expect(draws.every((d) => Number.isInteger(d) && d >= 0)).toBe(true)
    expect(poisson(rnd, 0)).toBe(0)
  })

  it('falls back to a normal approximation for large means, still whole and near the mean', () => {
    const rnd = createRandom(2, 'poisson')
    const draws = Array.from({ length: 2_000 }, () => poisson(rnd, 900))
    expect(Math.abs(mean(draws) - 900)).toBeLessThan(3)
    expect(draws.every(Number.isInteger)).toBe(true)
  })

  it('fills quota slots binomially: never more than the quota, all or none at the edges', () => {
    const rnd = createRandom(3, 'binomial')
    expect(binomial(rnd, 20, 1)).toBe(20)
    expect(binomial(rnd, 20, 0)).toBe(0)
    const draws = Array.from({ length: 5_000 }, () => binomial(rnd, 20, 0.8))
    expect(Math.max(...draws)).toBeLessThanOrEqual(20)
    expect(mean(draws)).toBeCloseTo(16, 0)
  })

  it('resamples only observed values, and the fallback when nothing was observed', () => {
    const rnd = createRandom(4, 'resample')
    const seen = new Set(Array.from({ length: 200 }, () => resample(rnd, [3, 8, 21], 0)))
    expect([...seen].sort((a, b) => a - b)).toEqual([3, 8, 21])
    expect(resample(rnd, [], 9)).toBe(9)
    expect(observedShare(1, 4, 0.5)).toBe(0.25)
    expect(observedShare(0, 0, 0.5)).toBe(0.5)
  })

  it('is reproducible: the same seed gives the same draws', () => {
    const draw = () => {
      const rnd = createRandom(42, 'x')
      return [poisson(rnd, 30), binomial(rnd, 10, 0.5), resample(rnd, [1, 2, 3], 0)]
    }
    expect(draw()).toEqual(draw())
  })
})

describe('bands across runs', () => {
  it('gives the 10th, 50th and 90th percentile as Excel does, leaving runs without a value out', () => {
    const b = band([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null])
    expect(b.p10).toBeCloseTo(1.9)
    expect(b.p50).toBeCloseTo(5.5)
    expect(b.p90).toBeCloseTo(9.1)
    expect(band([])).toEqual({ p10: null, p50: null, p90: null })
  })

  it('says whether an actual value falls inside the band, inclusive, and null when unknown', () => {
    const b = { p10: 10, p50: 12, p90: 15 }
    expect(inBand(b, 10)).toBe(true)
    expect(inBand(b, 15)).toBe(true)
    expect(inBand(b, 16)).toBe(false)
    expect(inBand(b, null)).toBeNull()
    expect(inBand({ p10: null, p50: null, p90: null }, 3)).toBeNull()
  })
})

describe('scenario files', () => {
  it('takes one scenario, a list, or { scenarios }, and always puts the current course first', () => {
    const one = ScenarioFileSchema.parse({ name: 'N = 4', shortlistSize: 4 })
    const list = ScenarioFileSchema.parse([{ name: 'A' }, { name: 'B', yearTarget: 450 }])
    const wrapped = ScenarioFileSchema.parse({ scenarios: [{ name: 'C' }] })
    expect(one).toEqual([{ name: 'N = 4', shortlistSize: 4 }])
    expect(list.map((s) => s.name)).toEqual(['A', 'B'])
    expect(wrapped.map((s) => s.name)).toEqual(['C'])
    expect(withCurrentCourse(list).map((s) => s.name)).toEqual(['Huidige koers', 'A', 'B'])
  })

  it('refuses what a manager could not mean, with a Dutch message', () => {
    expect(ScenarioFileSchema.safeParse([{ name: '' }]).success).toBe(false)
    expect(ScenarioFileSchema.safeParse([{ name: 'x', instroomShare: 1.5 }]).success).toBe(false)
    expect(ScenarioFileSchema.safeParse([{ name: 'x', shortlistSize: 0 }]).success).toBe(false)
    expect(ScenarioFileSchema.safeParse([{ name: 'x', unknown: 1 }]).success).toBe(false)
    expect(() => withCurrentCourse([{ name: 'A' }, { name: 'A' }])).toThrow(
      /Twee scenario's heten "A"/,
    )
  })
})
