import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  ageingOf,
  isWorkingDay,
  workingDaysLate,
} from '../../src/main/domain/deadlines'

describe('answer deadlines in working days', () => {
  it('skips weekends: ten working days from a Monday is the Monday two weeks on', () => {
    expect(addWorkingDays('2026-11-02', 10)).toBe('2026-11-16')
    expect(addWorkingDays('2026-11-06', 1)).toBe('2026-11-09') // Friday → Monday
  })

  it('skips Dutch public holidays: Christmas, Easter, Koningsdag, Hemelvaart, Pinksteren', () => {
    expect(isWorkingDay('2026-12-25')).toBe(false)
    expect(isWorkingDay('2026-12-28')).toBe(true)
    // From Wednesday 23 December: 24th, (25, 26 Christmas, 27 Sunday), 28, 29, 30, 31, (1 January).
    expect(addWorkingDays('2026-12-23', 6)).toBe('2027-01-04')
    expect(isWorkingDay('2027-03-29')).toBe(false) // Tweede paasdag
    expect(isWorkingDay('2027-04-27')).toBe(false) // Koningsdag
    expect(isWorkingDay('2027-05-06')).toBe(false) // Hemelvaartsdag
    expect(isWorkingDay('2027-05-17')).toBe(false) // Tweede pinksterdag
  })

  it('always lands on a working day, at least as many calendar days on as working days', () => {
    const day = fc
      .date({
        min: new Date('2019-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (from, n) => {
        const due = addWorkingDays(from, n)
        expect(isWorkingDay(due)).toBe(true)
        const calendarDays = (Date.parse(due) - Date.parse(from)) / 86_400_000
        expect(calendarDays).toBeGreaterThanOrEqual(n)
        // Never more than two weeks of non-working days per working week, even around Christmas.
        expect(calendarDays).toBeLessThanOrEqual(n * 2 + 4)
      }),
    )
  })

  it('ages an open answer: on time, due this week, late', () => {
    expect(ageingOf('2026-12-15', '2026-12-01')).toBe('op-tijd')
    expect(ageingOf('2026-12-08', '2026-12-01')).toBe('deze-week')
    expect(ageingOf('2026-12-01', '2026-12-01')).toBe('deze-week')
    expect(ageingOf('2026-11-30', '2026-12-01')).toBe('te-laat')
  })
})

describe('working days late', () => {
  it('counts working days after the deadline up to today', () => {
    expect(workingDaysLate('2026-11-27', '2026-11-27')).toBe(0)
    expect(workingDaysLate('2026-11-27', '2026-11-30')).toBe(1) // Friday → Monday
    expect(workingDaysLate('2026-11-27', '2026-12-04')).toBe(5)
    expect(workingDaysLate('2026-12-10', '2026-12-01')).toBe(0)
  })
})
