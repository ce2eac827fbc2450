/** Date arithmetic on ISO dates (yyyy-mm-dd) in UTC, so no time zone or DST shifts a day. */

const DAY = 86_400_000

import { isoMidnight as midnightOf } from '../../shared/domain/dates'

export { localIsoDate } from '../../shared/domain/dates'

/**
 * Each midnight's ISO date, kept once worked out (and each date's midnight, in dates.ts): a run of
 * the Vooruitblik plans thousands of days on its agenda, all among a few hundred dates, and parsing
 * and formatting them afresh was a few percent of its time. Same answers, only remembered.
 */
const isoDates = new Map<number, string>()

function isoOf(ms: number): string {
  let iso = isoDates.get(ms)
  if (iso === undefined) isoDates.set(ms, (iso = new Date(ms).toISOString().slice(0, 10)))
  return iso
}

/** The ISO date (UTC) of a moment in ms. */
export function isoDateAt(ms: number): string {
  return isoOf(Math.floor(ms / DAY) * DAY)
}

/** A moment of the day `iso` (UTC), `ms` after its midnight. */
export function atTimeOf(iso: string, ms: number): number {
  return midnightOf(iso) + ms
}

export function addDays(iso: string, days: number): string {
  return isoOf(midnightOf(iso) + days * DAY)
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((midnightOf(toIso) - midnightOf(fromIso)) / DAY)
}

/** Offices work on weekdays: a Saturday or Sunday moves back to the Friday before. */
export function previousWeekday(iso: string): string {
  const day = new Date(midnightOf(iso)).getUTCDay()
  return day === 6 ? addDays(iso, -1) : day === 0 ? addDays(iso, -2) : iso
}

/** ...or forward to the Monday after, when the date must not come before a start. */
export function nextWeekday(iso: string): string {
  const day = new Date(midnightOf(iso)).getUTCDay()
  return day === 6 ? addDays(iso, 2) : day === 0 ? addDays(iso, 1) : iso
}
