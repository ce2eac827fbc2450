import { addDays, differenceInCalendarDays, formatISO, isWeekend, parseISO } from 'date-fns'
import Holidays from 'date-holidays'
import type { Ageing } from '../../shared/api/deadlines'

/**
 * Answer deadlines: a corporation answers a presented round, and a client an offer, within a number
 * of working days. Weekends and Dutch public holidays (Nieuwjaar, Pasen, Koningsdag, Hemelvaart,
 * Pinksteren, Kerst — as date-holidays keeps them) do not count.
 */
const dutchHolidays = new Holidays('NL')
const holidayCache = new Map<number, Set<string>>()

function publicHolidays(year: number): Set<string> {
  let days = holidayCache.get(year)
  if (!days) {
    days = new Set(
      dutchHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    )
    holidayCache.set(year, days)
  }
  return days
}

const isoDay = (date: Date) => formatISO(date, { representation: 'date' })

export function isWorkingDay(day: string): boolean {
  const date = parseISO(day)
  return !isWeekend(date) && !publicHolidays(date.getFullYear()).has(day)
}

/** The day `workingDays` working days after `from` (a jjjj-mm-dd day); `from` itself never counts. */
export function addWorkingDays(from: string, workingDays: number): string {
  let date = parseISO(from)
  let left = workingDays
  while (left > 0) {
    date = addDays(date, 1)
    if (isWorkingDay(isoDay(date))) left -= 1
  }
  return isoDay(date)
}

/** How urgent an open answer is today: late after its deadline, "this week" within seven days. */
export function ageingOf(deadline: string, today: string): Ageing {
  const left = differenceInCalendarDays(parseISO(deadline), parseISO(today))
  if (left < 0) return 'te-laat'
  return left <= 7 ? 'deze-week' : 'op-tijd'
}

/** Working days from `deadline` to `today` (0 when today is not past the deadline). */
export function workingDaysLate(deadline: string, today: string): number {
  let late = 0
  for (let day = addWorkingDays(deadline, 1); day <= today; day = addWorkingDays(day, 1)) late += 1
  return late
}
