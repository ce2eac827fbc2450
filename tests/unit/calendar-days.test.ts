import { addDays, differenceInCalendarDays, parseISO } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { calendarDaysSince, localIsoDate, utcMidnight } from '../../src/shared/domain/dates'

describe('calendarDaysSince', () => {
  it('counts the calendar days date-fns counts, across summer time and at any hour', () => {
    // Every day of two years as the registration, and today at a few hours on either side of the
    // clock changes: the grid's waiting time must be the one the form and the rules show.
    const todays = ['2026-03-29T00:30', '2026-03-29T23:30', '2026-10-25T01:30', '2026-11-23T12:00']
    for (const text of todays) {
      const today = new Date(text)
      for (let day = parseISO('2025-01-01'); day < parseISO('2027-01-01'); day = addDays(day, 1)) {
        const iso = localIsoDate(day)
        expect(calendarDaysSince(iso, utcMidnight(today))).toBe(
          differenceInCalendarDays(today, parseISO(iso)),
        )
      }
    }
  })
})
