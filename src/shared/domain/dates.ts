/**
 * The calendar day the officer sees, as an ISO date (yyyy-mm-dd), from the local date parts.
 * Not `toISOString()`: between midnight and 01:00/02:00 in Utrecht that still gives yesterday.
 */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "2026-11-30" → "30-11-2026": how the officer reads a day in messages. */
export function isoToDutchDay(iso: string): string {
  const [year, month, day] = iso.split('-')
  return `${day}-${month}-${year}`
}

/** Today's calendar day as a UTC midnight (ms), for calendarDaysSince. */
export function utcMidnight(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate())
}

/**
 * Calendar days from an ISO date to today (negative when it lies ahead): what date-fns'
 * differenceInCalendarDays gives, without a Date per row (tens of thousands of clients). Both are
 * midnights in UTC (Date.parse reads a bare ISO date as UTC), so no day is 23 or 25 hours long.
 */
export function calendarDaysSince(iso: string, todayUtc: number): number {
  return Math.round((todayUtc - isoMidnight(iso)) / 86_400_000)
}

/**
 * Each ISO date's UTC midnight, kept once parsed: a batch asks for the same registration dates
 * again and again, and a lookup is cheaper than parsing. Ten years hold some 3,650 dates.
 */
const midnights = new Map<string, number>()

/** An ISO date's midnight in UTC (ms), as Date.parse reads a bare ISO date. */
export function isoMidnight(iso: string): number {
  let midnight = midnights.get(iso)
  if (midnight === undefined) midnights.set(iso, (midnight = Date.parse(iso)))
  return midnight
}
