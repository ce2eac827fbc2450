import { getDayOfYear } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { providerStanding } from '../../src/main/domain/ranking'

describe("a provider's expected share so far this year", () => {
  it('follows the day of the year as date-fns counts it, every six hours over nine years', () => {
    const provider = { name: 'Aanbieder', contingentDwellings: 365, contingentShare: null }
    for (let t = Date.parse('2019-12-25T00:00:00Z'); t < Date.parse('2029-01-05T00:00:00Z');) {
      const day = new Date(t)
      const expected = 365 * Math.max(0.25, getDayOfYear(day) / 365)
      expect(providerStanding(provider, 0, day, 0).expected, day.toString()).toBeCloseTo(
        expected,
        9,
      )
      t += 6 * 3_600_000
    }
  })
})
