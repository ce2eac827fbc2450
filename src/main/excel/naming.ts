/** How dates and names are written in the files that leave the app. */

/** dd-mm-jjjj, as Dutch readers write dates. */
export function dutchDate(date: Date): string {
  const iso = date.toISOString().slice(0, 10)
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`
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
