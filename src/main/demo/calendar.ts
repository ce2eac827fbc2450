/** Date arithmetic on ISO dates (yyyy-mm-dd) in UTC, so no time zone or DST shifts a day. */

const DAY = 86_400_000

export { localIsoDate } from '../../shared/domain/dates'

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY)
}

/** Offices work on weekdays: a Saturday or Sunday moves back to the Friday before. */
export function previousWeekday(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay()
  return day === 6 ? addDays(iso, -1) : day === 0 ? addDays(iso, -2) : iso
}

/** ...or forward to the Monday after, when the date must not come before a start. */
export function nextWeekday(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay()
  return day === 6 ? addDays(iso, 2) : day === 0 ? addDays(iso, 1) : iso
}
