import { lightFormat } from 'date-fns'

/**
 * How numbers, money and dates read in the UI: always Dutch (nl-NL), whatever the OS locale,
 * because the officers compare them with Dutch letters and spreadsheets.
 */

const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' })
const numberFormat = new Intl.NumberFormat('nl-NL')
const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 })

// Intl's format takes about a microsecond; a grid of 49,333 clients asks it for each row's rent
// when it works out the search texts, over a few hundred distinct amounts.
const euroTexts = new Map<number, string>()

/** € 597,30 */
export function formatEuro(amount: number | null | undefined): string {
  if (amount == null) return ''
  let text = euroTexts.get(amount)
  if (text === undefined) {
    if (euroTexts.size >= 10_000) euroTexts.clear()
    text = euroFormat.format(amount)
    euroTexts.set(amount, text)
  }
  return text
}

/** 43.000 */
export function formatNumber(value: number | null | undefined): string {
  return value == null ? '' : numberFormat.format(value)
}

/** A share 0–1 as "12,5%". */
export function formatShare(share: number | null | undefined): string {
  return share == null ? '' : percentFormat.format(share)
}

/**
 * An ISO date (yyyy-mm-dd) as dd-mm-jjjj. Done by hand rather than via Date: parsing an ISO date
 * gives midnight UTC, which a negative-offset time zone would show as the day before.
 */
export function formatDate(iso: string | null | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null
  if (!match) return iso ?? ''
  const [, year, month, day] = match
  return `${day}-${month}-${year}`
}

/** A Date (local midnight, as a date field gives it) as dd-mm-jjjj; nothing for no date. */
export function formatDateOf(date: Date | null | undefined): string {
  return date ? lightFormat(date, 'dd-MM-yyyy') : ''
}

/**
 * ISO dates inside a sentence written by the services ("omklapcontract vanaf 2027-02-01") as
 * Dutch dates: the audit trail stores its summaries as written, in whatever form they had then.
 */
export function formatDatesIn(text: string): string {
  return text.replace(
    /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    (_, y: string, m: string, d: string) => `${d}-${m}-${y}`,
  )
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** An ISO timestamp in the officer's own time: "23-11-2026 14:05". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date).replace(',', '')
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})

/** The local day of an ISO timestamp: "23-11-2026" (its UTC date can be the day before). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date)
}

export function formatYesNo(value: boolean | null | undefined): string {
  return value == null ? '' : value ? 'ja' : 'nee'
}

/** Household as the officers write it: "1 vw + 2 k" (volwassenen + kinderen). */
export function formatHousehold(adults: number, children: number): string {
  return children > 0 ? `${adults} vw + ${children} k` : `${adults} vw`
}

/** Dutch plural for counts in running text: "1 woning", "53 woningen". */
export function countOf(n: number, singular: string, plural: string): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`
}

/** The last part of a file path, for showing the database file without the whole path. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
