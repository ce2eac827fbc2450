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
