/**
 * The calendar day the officer sees, as an ISO date (yyyy-mm-dd), from the local date parts.
 * Not `toISOString()`: between midnight and 01:00/02:00 in Utrecht that still gives yesterday.
 */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
