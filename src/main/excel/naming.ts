import { format } from 'date-fns'

/** How dates and names are written in the files that leave the app. */

/**
 * dd-mm-jjjj, as Dutch readers write dates: the day on the officer's own calendar, not in UTC
 * (a file made at 00:30 in Utrecht is made today, as the app's timeline says).
 */
export function dutchDate(date: Date): string {
  return format(date, 'dd-MM-yyyy')
}

/** A jjjj-mm-dd day as dd-mm-jjjj, without a detour through a UTC timestamp. */
export function dutchDay(day: string): string {
  return `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`
}

/** "'s Heeren Loo" → "s-Heeren-Loo": safe in a file name on every system and in a mail attachment. */
export function fileNamePart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
